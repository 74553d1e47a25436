/** RFC 8414 authorisation server metadata: where scaOAuth points (DOMAIN §4.2). */
import type { RequestContext } from '../context.js';
import { sendJson } from '../response.js';

export const METADATA_PATH = '/.well-known/oauth-authorization-server';
export const AUTHORIZE_PATH = '/oauth/authorize';
export const TOKEN_PATH = '/oauth/token';

export function metadataUrl(ctx: RequestContext): string {
  return `${ctx.baseUrl}${METADATA_PATH}`;
}

/** GET /.well-known/oauth-authorization-server */
export function getMetadata(ctx: RequestContext): void {
  const base = ctx.baseUrl;
  const incomplete = ctx.env.defects.has('oauth-metadata-incomplete');
  sendJson(ctx, 200, {
    issuer: base,
    authorization_endpoint: `${base}${AUTHORIZE_PATH}`,
    token_endpoint: `${base}${TOKEN_PATH}`,
    // The defect: the document leaves out which response types and PKCE methods the server takes.
    ...(incomplete ? {} : { response_types_supported: ['code'], code_challenge_methods_supported: ['S256'] }),
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    response_modes_supported: ['query'],
  });
}
