import { headerOf } from '../../http/exchange.js';
import { defineCheck, verdict } from '../check.js';

export default defineCheck({
  id: 'response.status-declared',
  level: 'MUST',
  rule: 'OpenAPI: the response status is one the operation declares (NextGenPSD2 IG §4, HTTP return codes)',
  description: 'The HTTP status of every response is declared for its operation.',
  appliesTo: (ex, ctx) => ex.response !== undefined && ctx.match !== undefined,
  judge(ex, ctx) {
    const status = ex.response!.status;
    if (ctx.spec.responseFor(ctx.match!.operation, status)) return [];
    const declared = Object.keys(ctx.match!.operation.responses);
    const location = status >= 300 && status < 400 ? headerOf(ex.response!.headers, 'location') : undefined;
    // A redirect is named as one: a TPP does not follow it, so a bank that redirects (even in a loop) never answers.
    const what = location !== undefined ? `${status} (a redirect to ${location}, which a TPP does not follow)` : String(status);
    return [verdict(`answered ${what}, which ${ctx.match!.operation.operationId} does not declare`, { status, declared, ...(location !== undefined ? { location } : {}) })];
  },
});
