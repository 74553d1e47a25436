import { headerOf } from '../../http/exchange.js';
import { defineCheck, verdict, type Verdict } from '../check.js';
import { requiredLinks } from './link-rules.js';

export default defineCheck({
  id: 'links.required',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §5.3, §6.3, §7 (hyperlinks the TPP needs for the next step of the flow)',
  description: 'A response that starts a flow carries the _links the TPP needs to go on, for the SCA approach the bank chose.',
  // A body that is not JSON is judged by response.content-type / response.schema, not here.
  appliesTo: (ex, ctx) =>
    ex.response !== undefined && ex.response.status >= 200 && ex.response.status < 300 && ctx.match !== undefined &&
    typeof ctx.responseJson === 'object' && ctx.responseJson !== null &&
    requiredLinks(ctx.match.operation.operationId, 'REDIRECT', {}) !== undefined,
  judge(ex, ctx) {
    const body = ctx.responseJson as Record<string, unknown>;
    const links = (typeof body['_links'] === 'object' && body['_links'] !== null ? body['_links'] : {}) as Record<string, unknown>;
    const approach = (headerOf(ex.response!.headers, 'aspsp-sca-approach') ?? '').toUpperCase();
    const rules = requiredLinks(ctx.match!.operation.operationId, approach, body) ?? [];
    const out: Verdict[] = [];
    for (const rule of rules) {
      if (rule.anyOf.some((name) => hasHref(links[name]))) continue;
      const wanted = rule.anyOf.length === 1 ? rule.anyOf[0] : `one of ${rule.anyOf.join(', ')}`;
      out.push(verdict(`_links lacks ${wanted} (${rule.why})`, { present: Object.keys(links), approach: approach || null }));
    }
    return out;
  },
});

function hasHref(link: unknown): boolean {
  return typeof link === 'object' && link !== null && typeof (link as { href?: unknown }).href === 'string' && (link as { href: string }).href !== '';
}
