/**
 * The decoupled SCA driver: it identifies the PSU where the bank asks (start… /
 * updatePsuIdentification with PSU-ID), selects a method where it offers several, then brings
 * about the PSU's decision in the bank's app the way the profile says (sca.decoupled.approve /
 * reject: a test hook, or a command), and polls the scaStatus link until a final status or the
 * profile's time limit.
 */
import { execFile } from 'node:child_process';
import type { DecoupledTrigger } from '../profile/types.js';
import type { ScaDriveRequest, ScaDriver } from './driver.js';
import { type Answer, FINAL_SCA_STATUSES, authorisationIdOf, callLink, chooseMethod, describeAnswer, hrefOf, psuOf, scaStatusOf } from './api-steps.js';

const MAX_STEPS = 4;
const DEFAULT_POLL_MS = 500;

/** Runs the trigger; returns a problem in words, or undefined when the bank took the decision. */
async function trigger(request: ScaDriveRequest, how: DecoupledTrigger, authorisationId: string, psuId: string): Promise<string | undefined> {
  const { session } = request;
  if ('hook' in how) {
    const hook = session.profile.hooks[how.hook];
    if (!hook) return `sca.decoupled names the hook ${how.hook}, which the profile does not declare (hooks)`;
    const path = hook.path.replace(/\{authorisationId\}/g, encodeURIComponent(authorisationId)).replace(/\{psuId\}/g, encodeURIComponent(psuId));
    const exchange = await session.sendHook({ method: hook.method, url: new URL(`${session.baseUrl}${path}`).toString(), headers: {}, origin: request.origin });
    const res = exchange.response;
    if (!res) return `the ${how.hook} hook got no answer: ${exchange.error?.message}`;
    return res.status >= 200 && res.status < 300 ? undefined : `the ${how.hook} hook answered ${res.status}: ${res.body.slice(0, 200)}`;
  }
  const timeout = session.profile.timeouts.requestMs;
  return new Promise((resolve) => {
    execFile(
      '/bin/sh',
      ['-c', how.command],
      { timeout, env: { ...process.env, XS2A_AUTHORISATION_ID: authorisationId, XS2A_PSU_ID: psuId, XS2A_OUTCOME: request.outcome } },
      (err, _stdout, stderr) => resolve(err ? `the decoupled ${request.outcome} command failed (${err.code ?? err.signal ?? err.message}): ${String(stderr).trim().slice(0, 200)}` : undefined),
    );
  });
}

export const decoupledDriver: ScaDriver = async (request) => {
  const { session } = request;
  const psu = psuOf(request);
  const settings = session.profile.sca.decoupled ?? {};
  let body: unknown = request.startedBody;
  let last: Answer | undefined;
  let authorisationId = authorisationIdOf(body);

  // Identify the PSU and select a method until the bank only names the scaStatus to poll.
  for (let i = 0; i < MAX_STEPS; i++) {
    const select = hrefOf(body, 'selectAuthenticationMethod');
    const identify = hrefOf(body, 'updatePsuIdentification');
    const start = hrefOf(body, 'startAuthorisationWithPsuIdentification') ?? hrefOf(body, 'startAuthorisation');
    let answer: Answer | string;
    if (select) {
      const id = chooseMethod(body, undefined);
      if (!id) return { ok: false, message: 'the bank asks to select a decoupled method but lists no scaMethods' };
      answer = await callLink(request, 'PUT', select, psu.id, { authenticationMethodId: id });
    } else if (identify) answer = await callLink(request, 'PUT', identify, psu.id, {});
    else if (start) answer = await callLink(request, 'POST', start, psu.id, {});
    else break;
    if (typeof answer === 'string') return { ok: false, message: answer };
    if (answer.status < 200 || answer.status > 299) return { ok: false, message: `the decoupled step answered ${describeAnswer(answer)}` };
    last = answer;
    body = answer.body;
    authorisationId ??= authorisationIdOf(body);
  }
  const statusLink = hrefOf(body, 'scaStatus');
  if (!statusLink || !authorisationId) return { ok: false, message: 'no scaStatus link to follow the decoupled authorisation' };

  const how = settings[request.outcome];
  if (!how) return { ok: false, message: `the profile says no way to ${request.outcome} in the bank's app (sca.decoupled.${request.outcome})` };
  const problem = await trigger(request, how, authorisationId, psu.id);
  if (problem) return { ok: false, message: problem };

  const every = settings.pollMs ?? DEFAULT_POLL_MS;
  const deadline = Date.now() + (settings.timeoutMs ?? session.profile.timeouts.pollMs);
  const seen: string[] = [];
  for (;;) {
    const read = await callLink(request, 'GET', statusLink, psu.id);
    if (typeof read === 'string') return { ok: false, message: read };
    last = read;
    const status = scaStatusOf(read.body);
    if (status && seen.at(-1) !== status) seen.push(status);
    if (status && FINAL_SCA_STATUSES.includes(status)) break;
    if (Date.now() + every > deadline) break;
    await new Promise((r) => setTimeout(r, every));
  }
  session.expectFinalScaStatus(authorisationId, last.exchange.id);
  const final = seen.at(-1);
  const wanted = request.outcome === 'approve' ? 'finalised' : 'failed';
  const vars = { authorisationId, ...(final ? { scaStatus: final } : {}) };
  if (final === wanted) return { ok: true, message: `the decoupled authorisation ended ${final}`, vars };
  return { ok: false, message: `after the PSU's ${request.outcome} in the app the scaStatus went ${seen.join(' → ') || 'unreported'}, expected ${wanted}`, vars };
};
