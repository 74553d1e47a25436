/**
 * The token endpoint (RFC 6749 §3.2, §4.1.3, §4.4, §6; PKCE RFC 7636 §4.6): authorization_code
 * with code_verifier (codes single-use, short-lived), refresh_token with rotation,
 * client_credentials. Clients authenticate with HTTP Basic or client_secret_post.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFormBody } from '../body.js';
import type { RequestContext } from '../context.js';
import { sendJson } from '../response.js';
import { findClient, type OAuthClient } from './clients.js';
import { ACCESS_TOKEN_LIFETIME_S, type AccessToken, type Grant, newSecret, nowMs, oauthState, REFRESH_TOKEN_LIFETIME_S } from './state.js';

class TokenError extends Error {
  constructor(
    readonly status: 400 | 401,
    readonly error: string,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }
}

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The client, by HTTP Basic (RFC 6749 §2.3.1: form-encoded id and secret) or by client_id/client_secret in the body. */
function authenticateClient(ctx: RequestContext, form: URLSearchParams): OAuthClient {
  const header = ctx.header('Authorization');
  const basic = header !== undefined && /^basic /i.test(header);
  let id: string | undefined;
  let secret: string | undefined;
  if (basic) {
    if (form.has('client_secret')) throw new TokenError(400, 'invalid_request', 'use one client authentication method, not Basic and client_secret together');
    const decoded = Buffer.from(header!.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    try {
      id = colon < 0 ? undefined : decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
      secret = colon < 0 ? undefined : decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
    } catch {
      id = undefined;
    }
  } else {
    id = form.get('client_id') ?? undefined;
    secret = form.get('client_secret') ?? undefined;
  }
  const client = findClient(id);
  if (!client || secret === undefined || !sameSecret(secret, client.clientSecret)) {
    throw new TokenError(401, 'invalid_client', 'client authentication failed', basic ? { 'WWW-Authenticate': 'Basic realm="oauth"' } : {});
  }
  return client;
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

function issue(ctx: RequestContext, token: Omit<AccessToken, 'token' | 'expiresAt'>, withRefresh: boolean): Record<string, unknown> {
  const state = oauthState(ctx.env);
  const now = nowMs(ctx.env);
  const access: AccessToken = { ...token, token: newSecret(), expiresAt: now + ACCESS_TOKEN_LIFETIME_S * 1000 };
  state.accessTokens.set(access.token, access);
  const body: Record<string, unknown> = { access_token: access.token };
  // The defect: the token type is left out.
  if (!ctx.env.defects.has('oauth-token-type-missing')) body.token_type = 'Bearer';
  body.expires_in = ACCESS_TOKEN_LIFETIME_S;
  if (withRefresh && token.psuId && token.grant) {
    const refresh = newSecret();
    state.refreshTokens.set(refresh, { token: refresh, clientId: token.clientId, psuId: token.psuId, grant: token.grant, expiresAt: now + REFRESH_TOKEN_LIFETIME_S * 1000 });
    body.refresh_token = refresh;
  }
  if (token.grant) body.scope = token.grant.scope;
  return body;
}

function authorizationCodeGrant(ctx: RequestContext, client: OAuthClient, form: URLSearchParams): Record<string, unknown> {
  const state = oauthState(ctx.env);
  const code = state.codes.get(form.get('code') ?? '');
  if (!code || code.clientId !== client.clientId) throw new TokenError(400, 'invalid_grant', 'unknown authorization code');
  // The defect: a redeemed code is accepted again.
  if (code.used && !ctx.env.defects.has('oauth-code-reusable')) throw new TokenError(400, 'invalid_grant', 'the authorization code was already used');
  if (code.expiresAt <= nowMs(ctx.env)) throw new TokenError(400, 'invalid_grant', 'the authorization code has expired');
  if (form.get('redirect_uri') !== code.redirectUri) throw new TokenError(400, 'invalid_grant', 'redirect_uri differs from the authorisation request');
  const verifier = form.get('code_verifier');
  if (!verifier) throw new TokenError(400, 'invalid_grant', 'code_verifier is required (PKCE)');
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || !sameSecret(s256(verifier), code.codeChallenge)) {
    throw new TokenError(400, 'invalid_grant', 'code_verifier does not match the code_challenge');
  }
  code.used = true;
  return issue(ctx, { kind: 'psu', clientId: client.clientId, psuId: code.psuId, grant: code.grant }, true);
}

function refreshTokenGrant(ctx: RequestContext, client: OAuthClient, form: URLSearchParams): Record<string, unknown> {
  const state = oauthState(ctx.env);
  const old = state.refreshTokens.get(form.get('refresh_token') ?? '');
  if (!old || old.clientId !== client.clientId || old.expiresAt <= nowMs(ctx.env)) throw new TokenError(400, 'invalid_grant', 'unknown or expired refresh token');
  // Rotation: the refresh token is spent; a new one comes with the new access token.
  state.refreshTokens.delete(old.token);
  const grant: Grant = old.grant;
  return issue(ctx, { kind: 'psu', clientId: client.clientId, psuId: old.psuId, grant }, true);
}

/** POST /oauth/token */
export function tokenEndpoint(ctx: RequestContext): void {
  try {
    const form = readFormBody(ctx);
    if (!form || ctx.header('Content-Type') === undefined) throw new TokenError(400, 'invalid_request', 'the request must be application/x-www-form-urlencoded');
    const client = authenticateClient(ctx, form);
    const grantType = form.get('grant_type');
    let body: Record<string, unknown>;
    if (grantType === 'authorization_code') body = authorizationCodeGrant(ctx, client, form);
    else if (grantType === 'refresh_token') body = refreshTokenGrant(ctx, client, form);
    else if (grantType === 'client_credentials') body = issue(ctx, { kind: 'client', clientId: client.clientId }, false);
    else throw new TokenError(400, grantType ? 'unsupported_grant_type' : 'invalid_request', grantType ? `grant_type ${grantType} is not supported` : 'grant_type is missing');
    // The defect: the token response may be cached.
    sendJson(ctx, 200, body, ctx.env.defects.has('oauth-token-cacheable') ? { 'Cache-Control': 'max-age=300' } : NO_STORE);
  } catch (err) {
    if (!(err instanceof TokenError)) throw err;
    sendJson(ctx, err.status, { error: err.error, error_description: err.description }, { ...NO_STORE, ...err.headers });
  }
}
