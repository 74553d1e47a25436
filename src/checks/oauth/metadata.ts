import { defineCheck, verdict, type Verdict } from '../check.js';

const WELL_KNOWN = '/.well-known/oauth-authorization-server';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** RFC 8414 §3: the metadata URL is the issuer's origin, the well-known segment, then the issuer's path. */
function metadataUrlOf(issuer: string): string | undefined {
  try {
    const url = new URL(issuer);
    return `${url.origin}${WELL_KNOWN}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

export default defineCheck({
  id: 'oauth.metadata',
  level: 'MUST',
  rule: 'RFC 8414 §2, §3.3 (authorization server metadata); RFC 7636 §4.2 (PKCE S256); NextGenPSD2 IG: scaOAuth points to it',
  description:
    'The OAuth server metadata names its issuer (matching the URL it was fetched from), authorization and token endpoints, response_types_supported with code, and code_challenge_methods_supported with S256.',
  appliesTo: (ex) => {
    if (ex.request.method.toUpperCase() !== 'GET' || ex.response?.status !== 200) return false;
    try {
      return new URL(ex.request.url).pathname.includes(WELL_KNOWN);
    } catch {
      return false;
    }
  },
  judge(ex) {
    let doc: unknown;
    try {
      doc = JSON.parse(ex.response!.body);
    } catch {
      return [verdict('the metadata is not a JSON document')];
    }
    if (!isObject(doc)) return [verdict('the metadata is not a JSON object')];
    const out: Verdict[] = [];
    for (const field of ['issuer', 'authorization_endpoint', 'token_endpoint']) {
      if (typeof doc[field] !== 'string' || doc[field] === '') out.push(verdict(`${field} is missing`, { field }));
    }
    if (typeof doc['issuer'] === 'string') {
      const expected = metadataUrlOf(doc['issuer']);
      const fetched = ex.request.url.split(/[?#]/)[0];
      if (expected !== fetched) out.push(verdict(`the issuer ${doc['issuer']} does not match the metadata URL ${fetched}`, { issuer: doc['issuer'], fetched }));
    }
    const types = doc['response_types_supported'];
    if (!Array.isArray(types) || !types.includes('code')) out.push(verdict('response_types_supported is missing or lacks code', { response_types_supported: types ?? null }));
    const methods = doc['code_challenge_methods_supported'];
    if (!Array.isArray(methods) || !methods.includes('S256')) out.push(verdict('code_challenge_methods_supported is missing or lacks S256', { code_challenge_methods_supported: methods ?? null }));
    return out;
  },
});
