import { headerOf, mediaTypeOf } from '../../http/exchange.js';
import { defineCheck, verdict } from '../check.js';

const MAX_ERRORS = 10;

export default defineCheck({
  id: 'response.schema',
  level: 'MUST',
  rule: 'OpenAPI: the response body satisfies the schema declared for its operation, status and media type',
  description: 'A JSON response body validates against the schema of its operation, status and media type.',
  appliesTo: (ex, ctx) =>
    ex.response !== undefined && ctx.match !== undefined && (mediaTypeOf(headerOf(ex.response.headers, 'content-type')) ?? '').endsWith('json'),
  judge(ex, ctx) {
    const media = mediaTypeOf(headerOf(ex.response!.headers, 'content-type'))!;
    if (ctx.responseJson === undefined) {
      if (ex.response!.body.trim() === '') return [];
      return [verdict(`the ${media} body is not valid JSON`, { body: ex.response!.body.slice(0, 200) })];
    }
    const errors = ctx.spec.validateResponseBody(ctx.match!.operation, ex.response!.status, media, ctx.responseJson);
    if (!errors || errors.length === 0) return [];
    const shown = errors.slice(0, MAX_ERRORS).map((e) => `${e.instancePath || '(root)'} ${e.message}`);
    return [
      verdict(`body does not match the ${ex.response!.status} schema: ${shown[0]}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}`, {
        errors: shown,
      }),
    ];
  },
});
