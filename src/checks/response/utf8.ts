import { headerOf, mediaTypeOf } from '../../http/exchange.js';
import { defineCheck, verdict } from '../check.js';

export default defineCheck({
  id: 'response.utf8',
  level: 'MUST',
  rule: 'RFC 8259 §8.1 (JSON text is UTF-8); NextGenPSD2 IG §4 (character set)',
  description: 'A text or JSON response body is valid UTF-8.',
  appliesTo: (ex) => ex.response?.invalidUtf8 === true,
  judge: (ex) => [verdict('the body is not valid UTF-8', { contentType: mediaTypeOf(headerOf(ex.response!.headers, 'content-type')) ?? null, bytesShown: ex.response!.body.slice(0, 120) })],
});
