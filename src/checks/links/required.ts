import { headerOf } from '../../http/exchange.js';
import { consentIdOf } from '../ais/consent-facts.js';
import { defineCheck, verdict, type Verdict } from '../check.js';
import { CONSENT_ACCESS } from '../observations.js';
import { hasLinkRules, requiredLinks } from './link-rules.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object at a dotted path (accounts.0) of the body. */
function objectAt(body: Record<string, unknown>, path: string | undefined): Record<string, unknown> | undefined {
  let cur: unknown = body;
  for (const part of path ? path.split('.') : []) cur = isObject(cur) || Array.isArray(cur) ? (cur as Record<string, unknown>)[part] : undefined;
  return isObject(cur) ? cur : undefined;
}

export default defineCheck({
  id: 'links.required',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §5.3, §5.8, §6.3, §6.5, §7, §8 (hyperlinks the TPP needs for the next step of the flow)',
  description:
    'A response that starts a flow carries the _links the TPP needs to go on, for the SCA approach the bank chose; a cancellation 202 links its authorisation; accounts link the balances and transactions the consent allows.',
  // A body that is not JSON is judged by response.content-type / response.schema, not here.
  appliesTo: (ex, ctx) =>
    ex.response !== undefined && ex.response.status >= 200 && ex.response.status < 300 && ctx.match !== undefined &&
    isObject(ctx.responseJson) && hasLinkRules(ctx.match.operation.operationId),
  judge(ex, ctx) {
    const body = ctx.responseJson as Record<string, unknown>;
    const approach = (headerOf(ex.response!.headers, 'aspsp-sca-approach') ?? '').toUpperCase();
    const consentId = consentIdOf(ex);
    const consent = consentId ? ctx.observations.get(CONSENT_ACCESS, consentId) : undefined;
    const rules = requiredLinks(ctx.match!.operation.operationId, { approach, body, ...(consent ? { consent } : {}) }) ?? [];
    const out: Verdict[] = [];
    for (const rule of rules) {
      const holder = objectAt(body, rule.at);
      if (!holder) continue;
      const links = isObject(holder['_links']) ? holder['_links'] : {};
      if (rule.anyOf.some((name) => hasHref(links[name]))) continue;
      const wanted = rule.anyOf.length === 1 ? rule.anyOf[0] : `one of ${rule.anyOf.join(', ')}`;
      const where = rule.at ? `${rule.at}._links` : '_links';
      out.push(verdict(`${where} lacks ${wanted} (${rule.why})`, { present: Object.keys(links), approach: approach || null, ...(rule.at ? { at: rule.at } : {}) }));
    }
    return out;
  },
});

function hasHref(link: unknown): boolean {
  return isObject(link) && typeof link['href'] === 'string' && link['href'] !== '';
}
