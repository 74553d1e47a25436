import { headerOf } from '../../http/exchange.js';
import { defineCheck, verdict } from '../check.js';

export default defineCheck({
  id: 'header.x-request-id-echo',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §4 (request/response headers): every response carries the X-Request-ID of its request',
  description: 'Every response, errors included, echoes the X-Request-ID the request sent.',
  // A request without an X-Request-ID, or with an empty one, has nothing to echo.
  appliesTo: (ex) => ex.response !== undefined && (headerOf(ex.request.headers, 'x-request-id') ?? '').trim() !== '',
  judge(ex) {
    const sent = headerOf(ex.request.headers, 'x-request-id');
    const got = headerOf(ex.response!.headers, 'x-request-id');
    // A header value's surrounding whitespace is not part of it (RFC 9110 §5.5): the bank never saw it.
    if (got?.trim() === sent?.trim()) return [];
    return [verdict(got ? `answered X-Request-ID ${got}, sent ${sent}` : 'the response has no X-Request-ID', { sent, got: got ?? null })];
  },
});
