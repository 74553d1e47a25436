/**
 * Redirect with confirmation (NextGenPSD2 1.3.8+, DOMAIN §4.4): after the PSU approved on the
 * bank's pages, the redirect back to the TPP may carry a confirmation code (query parameter
 * `sca.redirect.confirmationCodeParam`, default confirmationCode). When it does and the bank linked
 * `confirmation` (in the answer that gave the scaRedirect, or in the authorisation it names), the
 * TPP finishes the authorisation: it reads the authorisation's scaStatus (unconfirmed at a bank
 * that waits for the code), then sends PUT {confirmationCode} on the link as given. The SCA
 * succeeded when that answer reports finalised. Every call goes through the Session, so the
 * checks judge it (sca.confirmation-required among them); the code is redacted in every output.
 */
import type { Exchange } from '../http/exchange.js';
import { type Answer, authorisationIdOf, callLink, describeAnswer, hrefOf, psuOf, scaStatusOf } from './api-steps.js';
import type { ScaDriveOutcome, ScaDriveRequest } from './driver.js';

export const DEFAULT_CONFIRMATION_PARAM = 'confirmationCode';

/** The confirmation code in the URI the bank sent the PSU back to, under the profile's parameter name. */
export function confirmationCodeIn(returnedTo: string, param: string = DEFAULT_CONFIRMATION_PARAM): string | undefined {
  try {
    const code = new URL(returnedTo).searchParams.get(param);
    return code !== null && code !== '' ? code : undefined;
  } catch {
    return undefined;
  }
}

function parse(ex: Exchange): unknown {
  try {
    return JSON.parse(ex.response?.body ?? '');
  } catch {
    return undefined;
  }
}

/**
 * The answer whose scaRedirect the PSU followed: the newest answer of the session that linked one
 * (the started answer, or the explicit start the driver made), else the started answer itself.
 */
function redirectAnswer(request: ScaDriveRequest): unknown {
  const kept = request.session.exchanges;
  for (let i = kept.length - 1; i >= 0; i--) {
    const body = parse(kept[i]!);
    if (hrefOf(body, 'scaRedirect') !== undefined) return body;
  }
  return request.startedBody;
}

/**
 * Confirms a redirect authorisation when the return URI carries a code; undefined when it carries
 * none (the redirect SCA is complete as it is).
 */
export async function confirmRedirect(request: ScaDriveRequest, returnedTo: string): Promise<ScaDriveOutcome | undefined> {
  const { session } = request;
  const param = session.profile.sca.redirect?.confirmationCodeParam ?? DEFAULT_CONFIRMATION_PARAM;
  const code = confirmationCodeIn(returnedTo, param);
  if (code === undefined) return undefined;
  session.learnSecret(code);
  const psuId = psuOf(request).id;
  const answer = redirectAnswer(request);
  let confirmation = hrefOf(answer, 'confirmation');
  const statusLink = hrefOf(answer, 'scaStatus');
  let before: string | undefined;
  if (statusLink) {
    const read = await callLink(request, 'GET', statusLink, psuId);
    if (typeof read === 'string') return { ok: false, message: read };
    before = scaStatusOf(read.body);
    confirmation ??= hrefOf(read.body, 'confirmation');
  }
  if (!confirmation) {
    return { ok: false, message: `the bank sent the PSU back with a ${param} but linked no confirmation to send it to` };
  }
  const sent: Answer | string = await callLink(request, 'PUT', confirmation, psuId, { confirmationCode: code });
  if (typeof sent === 'string') return { ok: false, message: sent };
  const after = scaStatusOf(sent.body);
  if (sent.status !== 200 || after !== 'finalised') {
    return { ok: false, message: `the confirmation code was sent to ${confirmation} (scaStatus before: ${before ?? 'not read'}); the bank answered ${session.redact(describeAnswer(sent))}` };
  }
  const authorisationId = authorisationIdOf(answer) ?? authorisationIdOf({ _links: { scaStatus: { href: confirmation } } });
  if (authorisationId) session.expectFinalScaStatus(authorisationId, sent.exchange.id);
  return {
    ok: true,
    message: `the PSU came back with a confirmation code; the authorisation was ${before ?? 'not read'} and is finalised after PUT ${confirmation}`,
    vars: { ...(authorisationId ? { authorisationId } : {}), scaStatusBeforeConfirmation: before ?? null },
  };
}
