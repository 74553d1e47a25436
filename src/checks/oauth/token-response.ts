import { headerOf } from '../../http/exchange.js';
import { defineCheck, verdict, type Verdict } from '../check.js';
import { grantTypeOf } from './oauth-exchange.js';

export default defineCheck({
  id: 'oauth.token-response',
  level: 'MUST',
  rule: 'RFC 6749 §5.1 (successful token response), RFC 6750 §4 (token_type Bearer)',
  description: 'A successful token response is JSON with access_token, token_type Bearer (any case) and a numeric expires_in, and is sent with Cache-Control: no-store.',
  appliesTo: (ex) => grantTypeOf(ex) !== undefined && ex.response?.status === 200,
  judge(ex) {
    const out: Verdict[] = [];
    let doc: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = JSON.parse(ex.response!.body);
      doc = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      doc = undefined;
    }
    if (!doc) return [verdict('the token response is not a JSON object')];
    if (typeof doc['access_token'] !== 'string' || doc['access_token'] === '') out.push(verdict('access_token is missing'));
    const type = doc['token_type'];
    if (typeof type !== 'string') out.push(verdict('token_type is missing'));
    else if (type.toLowerCase() !== 'bearer') out.push(verdict(`token_type is ${type}, not Bearer`, { token_type: type }));
    if (doc['expires_in'] === undefined) out.push(verdict('expires_in is missing (RECOMMENDED)', undefined, 'SHOULD'));
    else if (typeof doc['expires_in'] !== 'number') out.push(verdict('expires_in is not a number', { expires_in: typeof doc['expires_in'] }));
    const cache = headerOf(ex.response!.headers, 'cache-control') ?? '';
    if (!/(^|,)\s*no-store\s*(,|$)/i.test(cache)) out.push(verdict(`Cache-Control is ${cache ? `"${cache}"` : 'missing'}, not no-store`, { cacheControl: cache || null }));
    return out;
  },
});
