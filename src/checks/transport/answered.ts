import { defineCheck, verdict } from '../check.js';

/**
 * The bank answered at all: a reset, a time-out, a refused connection, a body past the size cap
 * or a failed TLS handshake is a finding with its reason, not a crash of the run.
 */
export default defineCheck({
  id: 'transport.answered',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §4 (transport): every request gets a complete HTTP response over TLS',
  description: 'Every request gets a complete HTTP response within the time limit and the body-size cap.',
  appliesTo: (ex) => ex.response === undefined && ex.error !== undefined,
  judge: (ex) => [verdict(`no complete answer from ${new URL(ex.request.url).origin}: ${ex.error!.message}`, { code: ex.error!.code, method: ex.request.method, url: ex.request.url })],
});
