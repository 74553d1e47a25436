import { defineCheck, verdict } from '../check.js';

/**
 * The suite sends requests a conformant bank answers with a success or a client error (4xx, with
 * a code the TPP can act on). A 5xx says the bank failed on a request it should have judged: a bad
 * body, a repeated DELETE, a read of a resource in a final status.
 */
export default defineCheck({
  id: 'response.server-error',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §4 (HTTP return codes: 4xx for errors of the request, 5xx only for the ASPSP’s own failure); RFC 9110 §15.5/§15.6',
  description: 'An XS2A operation never answers a request of the suite with a server error (5xx); a wrong request gets a 4xx with its code.',
  appliesTo: (ex, ctx) => ex.response !== undefined && ctx.match !== undefined && ex.response.status >= 500,
  judge: (ex, ctx) => [
    verdict(`${ctx.match!.operation.operationId} answered ${ex.response!.status}: a server error instead of a success or a 4xx naming what is wrong with the request`, {
      status: ex.response!.status,
      body: ex.response!.body.slice(0, 200),
    }),
  ],
});
