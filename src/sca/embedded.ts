/**
 * The embedded SCA driver: from the answer that asked for the SCA, it follows the link of each
 * next step the bank gives (DOMAIN §4.4), as the TPP carrying the PSU's credentials:
 *   start… / updatePsuIdentification          → PSU-ID (and {} as body)
 *   startAuthorisationWithPsuAuthentication,
 *   updatePsuAuthentication                   → {psuData:{password}}
 *   selectAuthenticationMethod                → {authenticationMethodId} (sca.embedded.method, else the first offered)
 *   authoriseTransaction                      → {scaAuthenticationData} (psu.otp)
 * until the scaStatus is final. To reject, the PSU's OTP is answered wrongly until the bank fails
 * the authorisation. It never builds a path itself.
 */
import type { ScaDriver } from './driver.js';
import {
  type Answer,
  FINAL_SCA_STATUSES,
  authorisationIdOf,
  callLink,
  chooseMethod,
  describeAnswer,
  hrefOf,
  psuOf,
  scaStatusOf,
} from './api-steps.js';

const MAX_STEPS = 8;
/** Wrong OTPs sent at most when the PSU rejects (the bank's bound is usually 3). */
const MAX_WRONG_OTPS = 5;

/** A code no bank issues as a real OTP for the sandbox PSU: the rejecting PSU's answer. */
const WRONG_OTP = '00000000';

interface Step {
  link: string;
  method: 'POST' | 'PUT';
  body: unknown;
  kind: 'identification' | 'password' | 'method' | 'otp';
}

export const embeddedDriver: ScaDriver = async (request) => {
  const { session } = request;
  const psu = psuOf(request);
  const wantedMethod = session.profile.sca.embedded?.method;
  let body: unknown = request.startedBody;
  let last: Answer | undefined;
  let authorisationId = authorisationIdOf(body);
  let authoriseTransaction: string | undefined;

  const nextStep = (b: unknown): Step | string => {
    const at = (name: string) => hrefOf(b, name);
    const authorise = at('authoriseTransaction');
    if (authorise) {
      if (request.outcome === 'approve' && !psu.otp) return `the profile gives no OTP for ${psu.id} (psu.otp)`;
      return { link: authorise, method: 'PUT', kind: 'otp', body: { scaAuthenticationData: request.outcome === 'approve' ? psu.otp : WRONG_OTP } };
    }
    const select = at('selectAuthenticationMethod');
    if (select) {
      const id = chooseMethod(b, wantedMethod);
      if (!id) return 'the bank asks to select an SCA method but lists no scaMethods';
      return { link: select, method: 'PUT', kind: 'method', body: { authenticationMethodId: id } };
    }
    const password = at('updatePsuAuthentication') ?? at('startAuthorisationWithPsuAuthentication');
    if (password) {
      if (!psu.password) return `the profile gives no password for ${psu.id}`;
      return { link: password, method: at('updatePsuAuthentication') ? 'PUT' : 'POST', kind: 'password', body: { psuData: { password: psu.password } } };
    }
    const identify = at('updatePsuIdentification');
    if (identify) return { link: identify, method: 'PUT', kind: 'identification', body: {} };
    const start = at('startAuthorisationWithPsuIdentification') ?? at('startAuthorisation');
    if (start) return { link: start, method: 'POST', kind: 'identification', body: {} };
    return `no link to a next embedded step (links: ${Object.keys((b as { _links?: object })?._links ?? {}).join(', ') || 'none'})`;
  };

  let wrongOtps = 0;
  for (let i = 0; i < MAX_STEPS + MAX_WRONG_OTPS; i++) {
    const status = scaStatusOf(body);
    if (status && FINAL_SCA_STATUSES.includes(status)) break;
    const step = nextStep(body);
    if (typeof step === 'string') return { ok: false, message: step };
    const answer = await callLink(request, step.method, step.link, psu.id, step.body);
    if (typeof answer === 'string') return { ok: false, message: answer };
    last = answer;
    if (step.kind === 'otp') authoriseTransaction = step.link;
    if (step.kind === 'otp' && request.outcome === 'reject' && answer.status >= 400) {
      // The wrong OTP was refused: once the bank gives up, the authorisation reads failed.
      wrongOtps++;
      const statusLink = hrefOf(body, 'scaStatus');
      if (statusLink) {
        const read = await callLink(request, 'GET', statusLink, psu.id);
        if (typeof read === 'string') return { ok: false, message: read };
        last = read;
        if (scaStatusOf(read.body) === 'failed') {
          body = read.body;
          break;
        }
      }
      if (wrongOtps >= MAX_WRONG_OTPS) return { ok: false, message: `the bank did not fail the authorisation after ${wrongOtps} wrong OTPs` };
      continue;
    }
    if (answer.status < 200 || answer.status > 299) return { ok: false, message: `${step.method} ${step.link} (${step.kind}) answered ${describeAnswer(answer)}` };
    authorisationId ??= authorisationIdOf(answer.body);
    body = answer.body;
  }
  const final = scaStatusOf(body);
  if (authorisationId && last) session.expectFinalScaStatus(authorisationId, last.exchange.id);
  const vars = { ...(authorisationId ? { authorisationId } : {}), ...(authoriseTransaction ? { authoriseTransaction } : {}), ...(final ? { scaStatus: final } : {}) };
  const wanted = request.outcome === 'approve' ? ['finalised', 'exempted'] : ['failed'];
  if (final && wanted.includes(final)) return { ok: true, message: `the embedded authorisation ended ${final}`, vars };
  return { ok: false, message: `the embedded authorisation ended ${final ?? 'without a scaStatus'}, expected ${wanted.join(' or ')}`, vars };
};
