import { headerOf, mediaTypeOf } from '../../http/exchange.js';
import { defineCheck, verdict } from '../check.js';

export default defineCheck({
  id: 'response.content-type',
  level: 'MUST',
  rule: 'OpenAPI: a response body carries one of the media types declared for its status (NextGenPSD2 IG §4, content types)',
  description: 'A response with a body has a Content-Type the operation declares for that status.',
  appliesTo: (ex, ctx) => ex.response !== undefined && ex.response.body.length > 0 && ctx.match !== undefined,
  judge(ex, ctx) {
    const declared = ctx.spec.responseFor(ctx.match!.operation, ex.response!.status);
    if (!declared) return []; // response.status-declared judges that
    const got = headerOf(ex.response!.headers, 'content-type');
    const media = mediaTypeOf(got);
    if (declared.mediaTypes.length === 0) {
      return [verdict(`${ex.response!.status} carries a body, but the operation declares none for it`, { contentType: got ?? null })];
    }
    if (media && declared.mediaTypes.some((m) => m.toLowerCase() === media)) return [];
    return [
      verdict(got ? `Content-Type ${got} is not declared for ${ex.response!.status}` : 'the body has no Content-Type', {
        contentType: got ?? null,
        declared: declared.mediaTypes,
      }),
    ];
  },
});
