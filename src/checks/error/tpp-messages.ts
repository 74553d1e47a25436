import { headerOf, mediaTypeOf } from '../../http/exchange.js';
import { defineCheck, verdict, type Verdict } from '../check.js';
import { isObpOperation } from './obp-api.js';

/** 4xx statuses whose response the standard declares without a body. */
const BODILESS_4XX = new Set([408, 415]);
const CATEGORIES = new Set(['ERROR', 'WARNING']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function judgeTppMessages(body: unknown): Verdict[] {
  if (!isObject(body)) return [verdict('the error body is not a JSON object with tppMessages', { body })];
  // 1.3.9 named the array `tppMessage` on some responses (DOMAIN §9 #27): accept both names.
  const messages = body['tppMessages'] ?? body['tppMessage'];
  if (!Array.isArray(messages) || messages.length === 0) {
    return [verdict('the error body carries no tppMessages', { keys: Object.keys(body) })];
  }
  const out: Verdict[] = [];
  messages.forEach((m, i) => {
    if (!isObject(m)) out.push(verdict(`tppMessages[${i}] is not an object`, { message: m }));
    else if (typeof m['category'] !== 'string' || !CATEGORIES.has(m['category'])) {
      out.push(verdict(`tppMessages[${i}].category is ${JSON.stringify(m['category'])}, not ERROR or WARNING`, { message: m }));
    } else if (typeof m['code'] !== 'string' || m['code'] === '') {
      out.push(verdict(`tppMessages[${i}] has no code`, { message: m }));
    }
  });
  return out;
}

function judgeProblem(body: unknown): Verdict[] {
  if (!isObject(body)) return [verdict('the problem+json body is not a JSON object', { body })];
  const missing = ['type', 'code'].filter((k) => typeof body[k] !== 'string' || body[k] === '');
  return missing.length ? [verdict(`the problem+json body lacks ${missing.join(' and ')}`, { keys: Object.keys(body) })] : [];
}

export default defineCheck({
  id: 'error.tpp-messages',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §14 (error model): a 4xx answer carries tppMessages (category, code), or an RFC 7807 body with type and code',
  description: 'Client-error responses of XS2A operations explain themselves in the Berlin Group error model.',
  // Only answers of the API's operations: a bank's other pages (a login page, the root) have their own error style,
  // and the Open Bank Project's own API has its own error model (error.obp-code).
  appliesTo: (ex, ctx) =>
    ctx.match !== undefined &&
    !isObpOperation(ctx.match) && ex.response !== undefined && ex.response.status >= 400 && ex.response.status < 500 && !BODILESS_4XX.has(ex.response.status),
  judge(ex, ctx) {
    const media = mediaTypeOf(headerOf(ex.response!.headers, 'content-type'));
    if (ex.response!.body.trim() === '') {
      // a status the operation declares without a body (e.g. 406 on PIS operations in 1.3.12) may come empty
      const declared = ctx.match ? ctx.spec.responseFor(ctx.match.operation, ex.response!.status) : undefined;
      return declared && declared.mediaTypes.length === 0 ? [] : [verdict(`the ${ex.response!.status} has an empty body`)];
    }
    if (ctx.responseJson === undefined) return [verdict('the error body is not JSON', { contentType: media ?? null, body: ex.response!.body.slice(0, 200) })];
    return media === 'application/problem+json' ? judgeProblem(ctx.responseJson) : judgeTppMessages(ctx.responseJson);
  },
});
