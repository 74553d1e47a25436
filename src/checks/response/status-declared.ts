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
    return [verdict(`answered ${status}, which ${ctx.match!.operation.operationId} does not declare`, { status, declared })];
  },
});
