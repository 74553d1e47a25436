/** Request-header rules (DOMAIN §5.1): presence, formats, and the TPP's SCA preferences. */
import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import type { RequestContext } from './context.js';
import { formatError } from './errors.js';
import type { TppRedirect } from './store.js';

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const GEO = /^GEO:-?[0-9]{1,2}\.[0-9]{6};-?[0-9]{1,3}\.[0-9]{6}$/;
const BOOLEAN_HEADERS = [
  'TPP-Redirect-Preferred',
  'TPP-Decoupled-Preferred',
  'TPP-Explicit-Authorisation-Preferred',
  'TPP-Rejection-NoFunds-Preferred',
];
const UNSAFE_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:', 'file:']);
const MAX_ID_HEADER = 50;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** X-Request-ID must be present and a UUID. */
export function requireRequestId(ctx: RequestContext): void {
  const value = ctx.header('X-Request-ID');
  if (value === undefined || value.trim() === '') {
    throw formatError('Header X-Request-ID is missing', 'X-Request-ID');
  }
  if (!isUuid(value) && !ctx.env.defects.has('malformed-request-id-accepted')) throw formatError('Header X-Request-ID is not a UUID', 'X-Request-ID');
}

/** Checks the optional headers whose format is fixed, whenever they are sent. */
export function validateOptionalHeaders(ctx: RequestContext): void {
  try {
    checkOptionalHeaders(ctx);
  } catch (err) {
    // The defect: the answer to a malformed header loses the request's X-Request-ID.
    if (ctx.env.defects.has('request-id-lost-on-header-errors')) ctx.echoRequestId = randomUUID();
    throw err;
  }
}

function checkOptionalHeaders(ctx: RequestContext): void {
  const ip = ctx.header('PSU-IP-Address');
  // The defect: only IPv4 is taken.
  if (ip !== undefined && ctx.env.defects.has('ipv6-psu-ip-refused') && isIP(ip.trim()) === 6) {
    throw formatError('Header PSU-IP-Address is not an IPv4 address', 'PSU-IP-Address');
  }
  if (ip !== undefined && isIP(ip) === 0) {
    // The defect: the address is parsed as if it were valid, and the parse fails.
    if (ctx.env.defects.has('server-error-on-malformed-psu-ip') && ip.trim() !== '') throw new Error(`cannot parse PSU-IP-Address ${ip}`);
    throw formatError('Header PSU-IP-Address is not an IPv4 or IPv6 address', 'PSU-IP-Address');
  }
  const device = ctx.header('PSU-Device-ID');
  if (device !== undefined && !isUuid(device)) throw formatError('Header PSU-Device-ID is not a UUID', 'PSU-Device-ID');
  const geo = ctx.header('PSU-Geo-Location');
  // The defect: a longitude of more than 3 integer digits overflows a fixed-width field.
  if (geo !== undefined && ctx.env.defects.has('server-error-on-geo-location-form') && /^GEO:-?[0-9]{1,2}\.[0-9]{6};-?[0-9]{4,}\./.test(geo)) {
    throw new Error('PSU-Geo-Location longitude out of range');
  }
  if (geo !== undefined && !GEO.test(geo)) {
    throw formatError('Header PSU-Geo-Location must look like GEO:52.506931;13.144558', 'PSU-Geo-Location');
  }
  for (const name of BOOLEAN_HEADERS) booleanHeader(ctx, name);
  for (const name of ['PSU-ID', 'PSU-Corporate-ID']) {
    const v = ctx.header(name);
    if (v !== undefined && (v.trim() === '' || v.length > MAX_ID_HEADER)) {
      throw formatError(`Header ${name} must be 1 to ${MAX_ID_HEADER} characters`, name);
    }
  }
}

/** PSU-IP-Address is mandatory on initiation and consent creation. */
export function requirePsuIpAddress(ctx: RequestContext): void {
  const ip = ctx.header('PSU-IP-Address');
  if (ip === undefined || ip.trim() === '') throw formatError('Header PSU-IP-Address is missing', 'PSU-IP-Address');
  if (isIP(ip) === 0) throw formatError('Header PSU-IP-Address is not an IPv4 or IPv6 address', 'PSU-IP-Address');
}

/** A boolean header ("true"/"false"); anything else is a FORMAT_ERROR. */
export function booleanHeader(ctx: RequestContext, name: string): boolean | undefined {
  const raw = ctx.header(name);
  if (raw === undefined) return undefined;
  const v = raw.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw formatError(`Header ${name} must be true or false`, name);
}

function redirectUriHeader(ctx: RequestContext, name: string): string | undefined {
  const raw = ctx.header(name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw formatError(`Header ${name} is not an absolute URI`, name);
  }
  if (UNSAFE_SCHEMES.has(url.protocol)) throw formatError(`Header ${name} uses a forbidden scheme`, name);
  return raw.trim();
}

/** TPP-Redirect-URI / TPP-Nok-Redirect-URI; the first is required when TPP-Redirect-Preferred is true. */
export function readTppRedirect(ctx: RequestContext): TppRedirect {
  const preferred = booleanHeader(ctx, 'TPP-Redirect-Preferred');
  const redirectUri = redirectUriHeader(ctx, 'TPP-Redirect-URI');
  const nokRedirectUri = redirectUriHeader(ctx, 'TPP-Nok-Redirect-URI');
  if (preferred === true && redirectUri === undefined && !ctx.env.defects.has('redirect-uri-not-required')) {
    throw formatError('Header TPP-Redirect-URI is required when TPP-Redirect-Preferred is true', 'TPP-Redirect-URI');
  }
  return { ...(redirectUri ? { redirectUri } : {}), ...(nokRedirectUri ? { nokRedirectUri } : {}) };
}

export function explicitAuthorisationPreferred(ctx: RequestContext): boolean {
  return booleanHeader(ctx, 'TPP-Explicit-Authorisation-Preferred') === true;
}

export function psuIdHeader(ctx: RequestContext): string | undefined {
  const v = ctx.header('PSU-ID')?.trim();
  return v ? v : undefined;
}

/** Consent-ID is mandatory on every AIS read. */
export function requireConsentId(ctx: RequestContext): string {
  const v = ctx.header('Consent-ID')?.trim();
  if (!v) throw formatError('Header Consent-ID is missing', 'Consent-ID');
  return v;
}
