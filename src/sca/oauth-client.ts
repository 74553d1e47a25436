/**
 * The TPP side of OAuth2 (RFC 6749, PKCE RFC 7636, metadata RFC 8414): the bank's metadata, the
 * token endpoint (client credentials, authorisation code, refresh), PKCE pairs and states. Every
 * request goes through the Session, so each is an exchange the checks judge; tokens, codes,
 * verifiers and the client secret are credentials its redaction knows by name.
 */
import { createHash, randomBytes } from 'node:crypto';
import { jsonBodyOf, type ExchangeOrigin } from '../http/exchange.js';
import type { OAuthClientProfile } from '../profile/types.js';
import type { Session } from '../run/session.js';

export interface OAuthTokens {
  accessToken: string;
  refreshToken?: string;
  /** client: client_credentials; psu: from the authorisation-code grant (or its refresh). */
  kind: 'client' | 'psu';
  scope?: string;
  /** Local time the access token expires, when the bank said (expires_in). */
  expiresAt?: number;
}

export interface OAuthMetadata {
  issuer?: string;
  authorization_endpoint?: string;
  token_endpoint?: string;
  [name: string]: unknown;
}

/** An outcome of a protocol step: the value, or why there is none (one sentence). */
export type Got<T> = { ok: true; value: T } | { ok: false; message: string };

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier, 'ascii').digest('base64url') };
}

export function randomState(): string {
  return randomBytes(16).toString('base64url');
}

/** RFC 8414 §3: the well-known document of the issuer at the base URL's host (path appended). */
export function defaultMetadataUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.origin}/.well-known/oauth-authorization-server${url.pathname.replace(/\/+$/, '')}`;
}

export function requireClient(session: Session): Got<OAuthClientProfile> {
  const client = session.profile.oauth;
  return client ? { ok: true, value: client } : { ok: false, message: `the profile ${session.profile.source} has no oauth client (oauth.clientId, oauth.redirectUri)` };
}

export async function fetchMetadata(session: Session, url: string, origin: ExchangeOrigin): Promise<Got<OAuthMetadata & { authorization_endpoint: string; token_endpoint: string }>> {
  const { exchange } = await session.send({ method: 'GET', url, headers: { accept: 'application/json' }, origin });
  const res = exchange.response;
  if (!res) return { ok: false, message: `the OAuth metadata ${url} could not be loaded: ${exchange.error?.message}` };
  const doc = jsonBodyOf(res.body) as OAuthMetadata | undefined;
  if (res.status !== 200 || !doc || typeof doc !== 'object') return { ok: false, message: `the OAuth metadata ${url} answered ${res.status} without a JSON document` };
  if (typeof doc.authorization_endpoint !== 'string' || typeof doc.token_endpoint !== 'string') {
    return { ok: false, message: `the OAuth metadata ${url} names no authorization_endpoint and token_endpoint` };
  }
  return { ok: true, value: doc as OAuthMetadata & { authorization_endpoint: string; token_endpoint: string } };
}

/** POST to the token endpoint, the client authenticated as the profile says. */
export async function tokenRequest(session: Session, tokenEndpoint: string, params: Record<string, string>, origin: ExchangeOrigin) {
  const client = session.profile.oauth!;
  const form = new URLSearchParams(params);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  const secret = client.clientSecret ?? '';
  if (client.tokenAuth === 'client_secret_basic' && secret) {
    const enc = (v: string) => encodeURIComponent(v).replace(/%20/g, '+');
    headers.authorization = `Basic ${Buffer.from(`${enc(client.clientId)}:${enc(secret)}`).toString('base64')}`;
  } else {
    form.set('client_id', client.clientId);
    if (secret) form.set('client_secret', secret);
  }
  return session.send({ method: 'POST', url: tokenEndpoint, headers, body: form.toString(), origin });
}

/** The tokens of a successful token response, or why there are none. */
export function tokensOf(status: number | undefined, body: string | undefined, kind: OAuthTokens['kind']): Got<OAuthTokens> {
  const doc = jsonBodyOf(body) as Record<string, unknown> | undefined;
  if (status !== 200 || !doc || typeof doc['access_token'] !== 'string') {
    const error = doc && typeof doc['error'] === 'string' ? `${doc['error']}${typeof doc['error_description'] === 'string' ? `: ${doc['error_description']}` : ''}` : `status ${status ?? 'none'}`;
    return { ok: false, message: `the token endpoint issued no token (${error})` };
  }
  return {
    ok: true,
    value: {
      accessToken: doc['access_token'],
      kind,
      ...(typeof doc['refresh_token'] === 'string' ? { refreshToken: doc['refresh_token'] } : {}),
      ...(typeof doc['scope'] === 'string' ? { scope: doc['scope'] } : {}),
      ...(typeof doc['expires_in'] === 'number' ? { expiresAt: Date.now() + doc['expires_in'] * 1000 } : {}),
    },
  };
}

/** client_credentials: the TPP's own token (myPOS style); kept in the session. */
export async function clientCredentials(session: Session, tokenEndpoint: string, origin: ExchangeOrigin): Promise<Got<OAuthTokens>> {
  const { exchange } = await tokenRequest(session, tokenEndpoint, { grant_type: 'client_credentials' }, origin);
  const got = tokensOf(exchange.response?.status, exchange.response?.body, 'client');
  if (got.ok) session.oauthTokens = got.value;
  return got;
}

/** refresh_token: new tokens for the session's (rotated) refresh token. */
export async function refreshTokens(session: Session, tokenEndpoint: string, origin: ExchangeOrigin): Promise<Got<OAuthTokens>> {
  const refresh = session.oauthTokens?.refreshToken;
  if (!refresh) return { ok: false, message: 'the session holds no refresh token' };
  const { exchange } = await tokenRequest(session, tokenEndpoint, { grant_type: 'refresh_token', refresh_token: refresh }, origin);
  const got = tokensOf(exchange.response?.status, exchange.response?.body, 'psu');
  if (got.ok) session.oauthTokens = { ...got.value, ...(got.value.refreshToken ? {} : { refreshToken: refresh }) };
  return got;
}
