/**
 * Bearer tokens on XS2A calls (the BearerAuthOAuth scheme): an API call that carries
 * `Authorization` must carry a token this bank issued and that has not expired, else 401
 * TOKEN_INVALID / TOKEN_UNKNOWN / TOKEN_EXPIRED (DOMAIN §5.1). A client_credentials token marks
 * the TPP as an OAuth client: its resources get OAuth SCA (scaOAuth). A PSU-bound token with an
 * AIS grant reads accounts without Consent-ID (OAuth as a pre-step, DOMAIN §10.1).
 */
import type { RequestContext } from '../context.js';
import { ApiError, message } from '../errors.js';
import { authorisationPath, type Href, href } from '../links.js';
import type { AuthorisableRecord, AuthorisationRecord } from '../store.js';
import { metadataUrl } from './metadata.js';
import { type AccessToken, nowMs, oauthState } from './state.js';

function tokenError(code: 'TOKEN_INVALID' | 'TOKEN_UNKNOWN' | 'TOKEN_EXPIRED', text: string): ApiError {
  const error = code === 'TOKEN_INVALID' ? 'invalid_request' : 'invalid_token';
  return new ApiError(401, [message(code, text, 'Authorization')], { 'WWW-Authenticate': `Bearer error="${error}"` });
}

/** The access token of the call, or undefined when it carries no Authorization; throws 401 for a bad one. */
export function bearerOf(ctx: RequestContext): AccessToken | undefined {
  const header = ctx.header('Authorization');
  if (header === undefined) return undefined;
  const m = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i.exec(header.trim());
  if (!m) throw tokenError('TOKEN_INVALID', 'Authorization must be "Bearer <access token>"');
  const token = oauthState(ctx.env).accessTokens.get(m[1]!);
  if (!token) throw tokenError('TOKEN_UNKNOWN', 'The access token is not known to the bank');
  if (token.expiresAt <= nowMs(ctx.env)) throw tokenError('TOKEN_EXPIRED', 'The access token has expired; refresh it or authorise again');
  return token;
}

/** Every API call: a token it carries must be valid. */
export function authenticateBearer(ctx: RequestContext): void {
  bearerOf(ctx);
}

/**
 * The SCA links of an authorisation opened by an OAuth client: scaOAuth (the server's metadata)
 * instead of scaRedirect, plus scaStatus; undefined for any other call.
 */
export function oauthScaLinks(ctx: RequestContext, parent: AuthorisableRecord, auth: AuthorisationRecord): Record<string, Href> | undefined {
  if (bearerOf(ctx)?.kind !== 'client') return undefined;
  oauthState(ctx.env).oauthAuthorisations.add(auth.id);
  const scaStatus = href(ctx, authorisationPath(parent, auth.id, auth.purpose));
  // The defect: the OAuth client is sent to the redirect login page instead of the OAuth server.
  if (ctx.env.defects.has('oauth-sca-redirect-instead')) return undefined;
  return { scaOAuth: { href: metadataUrl(ctx) }, scaStatus };
}

/** The consent an AIS read without Consent-ID uses: the one its PSU-bound token was granted for. */
export function consentIdFromBearer(ctx: RequestContext): string | undefined {
  const token = bearerOf(ctx);
  if (!token) return undefined;
  const consentId = token.kind === 'psu' ? token.grant?.consentId : undefined;
  if (!consentId) throw tokenError('TOKEN_INVALID', 'The access token grants no account access; send Consent-ID or a token granted for AIS');
  return consentId;
}
