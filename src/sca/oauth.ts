/**
 * The OAuth driver: OAuth SCA (DOMAIN §4.4) and the authorisation-code grant of OAuth as a
 * pre-step. From the scaOAuth link (the bank's RFC 8414 metadata) it builds the authorisation
 * request with PKCE S256 and a random state, lets the PSU log in on the bank's page (the HTTP form
 * driver), catches the redirect to the client's redirect URI without requesting it, verifies the
 * state, exchanges the code and keeps the tokens in the Session: later calls carry Bearer. Then it
 * replays the spent code once, as a probe the bank must refuse (judged by oauth.code-single-use).
 */
import { headerOf, type ExchangeOrigin, type ExchangeResponse } from '../http/exchange.js';
import type { Session } from '../run/session.js';
import { linkOf, type ScaDriveOutcome, type ScaDriver } from './driver.js';
import { defaultMetadataUrl, fetchMetadata, pkcePair, randomState, requireClient, tokenRequest, tokensOf } from './oauth-client.js';
import { driveRedirectForm } from './redirect-form.js';

export interface AuthorizationCodeOptions {
  metadataUrl: string;
  scope: string;
  outcome: 'approve' | 'reject';
  /** The login form's fields, rendered (psuId, password). */
  fields: Record<string, string>;
  origin: ExchangeOrigin;
}

const SCOPE_BY_PATH: Array<[RegExp, string]> = [
  [/\/signing-baskets\/([^/?#]+)/, 'SB'],
  [/\/consents\/confirmation-of-funds\/([^/?#]+)/, 'PIIS'],
  [/\/consents\/([^/?#]+)/, 'AIS'],
  [/\/(?:payments|bulk-payments|periodic-payments)\/[^/?#]+\/([^/?#]+)/, 'PIS'],
];

/**
 * The scope of an OAuth SCA (PIS:<paymentId>, AIS:<consentId>, PIIS:<consentId>, SB:<basketId>):
 * the resource the started response names in its Location or its self / scaStatus links.
 */
export function scaScopeOf(started: ExchangeResponse | undefined, body: unknown): string | undefined {
  const places = [headerOf(started?.headers, 'location'), linkOf(body, 'self'), linkOf(body, 'scaStatus'), linkOf(body, 'status')];
  for (const place of places) {
    if (!place) continue;
    const path = place.replace(/^[a-z]+:\/\/[^/]+/i, '');
    for (const [pattern, prefix] of SCOPE_BY_PATH) {
      const m = pattern.exec(path);
      if (m && m[1] !== 'confirmation-of-funds') return `${prefix}:${decodeURIComponent(m[1]!)}`;
    }
  }
  return undefined;
}

/** The authorisation-code grant with the PSU: approve gives the session PSU-bound tokens; reject expects access_denied. */
export async function authorizationCodeGrant(session: Session, opts: AuthorizationCodeOptions): Promise<ScaDriveOutcome> {
  const client = requireClient(session);
  if (!client.ok) return client;
  const { clientId, redirectUri } = client.value;
  const meta = await fetchMetadata(session, opts.metadataUrl, opts.origin);
  if (!meta.ok) return meta;
  const { verifier, challenge } = pkcePair();
  const state = randomState();
  const authorize = new URL(meta.value.authorization_endpoint);
  const params = { response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope: opts.scope, state, code_challenge: challenge, code_challenge_method: 'S256' };
  for (const [k, v] of Object.entries(params)) authorize.searchParams.set(k, v);
  const page = await driveRedirectForm(session, {
    link: authorize.toString(),
    outcome: opts.outcome,
    fields: opts.fields,
    redirectUri,
    origin: { scenario: opts.origin.scenario ?? '', step: opts.origin.step ?? '', cell: opts.origin.cell ?? '' },
  });
  if (!page.returnedTo) return { ok: false, message: `OAuth authorisation (${opts.scope}): ${page.message}` };
  const back = new URL(page.returnedTo);
  if (back.searchParams.get('state') !== state) return { ok: false, message: `the bank sent the PSU back to the redirect URI without the state it was given` };
  const error = back.searchParams.get('error');
  if (opts.outcome === 'reject') {
    return error === 'access_denied'
      ? { ok: true, message: 'the PSU denied the authorisation; the bank answered access_denied' }
      : { ok: false, message: `after the PSU denied, the bank answered ${error ? `error=${error}` : 'with a code'} instead of access_denied` };
  }
  const code = back.searchParams.get('code');
  if (!code) return { ok: false, message: `the bank sent the PSU back without a code${error ? ` (error=${error}: ${back.searchParams.get('error_description') ?? ''})` : ''}` };
  const grant = { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier };
  const { exchange } = await tokenRequest(session, meta.value.token_endpoint, grant, opts.origin);
  const tokens = tokensOf(exchange.response?.status, exchange.response?.body, 'psu');
  if (!tokens.ok) return tokens;
  session.oauthTokens = tokens.value;
  // The probe: a spent code must be refused (RFC 6749 §4.1.2); oauth.code-single-use judges the answer.
  await tokenRequest(session, meta.value.token_endpoint, grant, opts.origin);
  return { ok: true, message: `the PSU authorised ${opts.scope}; the session holds its tokens`, vars: { oauthScope: opts.scope } };
}

/**
 * The oauth approach: from a started response, its scaOAuth link and the resource's scope (OAuth
 * SCA); from no response, the profile's metadata and scopes (the pre-step's grant, e.g. AIS).
 */
export const oauthDriver: ScaDriver = async (request) => {
  const { session } = request;
  const client = requireClient(session);
  if (!client.ok) return client;
  const fields = Object.fromEntries(Object.entries(session.profile.sca.redirect?.fields ?? {}).map(([k, v]) => [k, request.render(v)]));
  let metadataUrl: string;
  let scope: string;
  if (request.started || request.link) {
    const link = request.link ?? linkOf(request.startedBody, 'scaOAuth');
    if (!link) return { ok: false, message: 'no scaOAuth link to the OAuth server in the response that started the SCA' };
    const found = scaScopeOf(request.started, request.startedBody);
    if (!found) return { ok: false, message: 'the response that started the SCA names no payment, consent or basket to authorise (Location, self or scaStatus link)' };
    [metadataUrl, scope] = [new URL(link, session.baseUrl).toString(), found];
  } else {
    metadataUrl = client.value.metadataUrl ?? defaultMetadataUrl(session.baseUrl);
    scope = (client.value.scopes ?? ['AIS']).join(' ');
  }
  return authorizationCodeGrant(session, { metadataUrl, scope, outcome: request.outcome, fields, origin: request.origin });
};
