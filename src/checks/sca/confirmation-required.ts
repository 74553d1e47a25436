/**
 * Redirect with confirmation (NextGenPSD2 1.3.8+): an authorisation whose answer linked
 * `confirmation` is finalised by the TPP's PUT {confirmationCode}, not by the PSU's return alone.
 * The learner remembers which authorisations were linked a confirmation and to which the code was
 * sent; the check judges every answer that reports one of them finalised.
 */
import { defineCheck, verdict } from '../check.js';
import type { Learner } from '../learn.js';
import { topic } from '../observations.js';
import { authorisationIdInHref, authorisationIdInPath, isObject, linkHref } from './sca-facts.js';

/** The confirmation link of an authorisation, by authorisationId. */
export const CONFIRMATION_LINKED = topic<string>('sca-confirmation-linked');
/** Authorisations the TPP sent a confirmation code to, by authorisationId. */
export const CONFIRMATION_SENT = topic<true>('sca-confirmation-sent');

const sendsCode = (body: unknown): boolean => isObject(body) && typeof body['confirmationCode'] === 'string';

export default defineCheck({
  id: 'sca.confirmation-required',
  level: 'MUST',
  rule: 'NextGenPSD2 1.3.8+ redirect SCA with confirmation (authorisationConfirmation; scaStatus unconfirmed until PUT {confirmationCode}); IG §7 scaStatus',
  description: 'An authorisation the bank linked a confirmation for is not reported finalised before the TPP sent the confirmation code.',
  appliesTo: (ex, ctx) => {
    const status = ex.response?.status ?? 0;
    const id = authorisationIdInPath(ctx);
    return (
      status >= 200 &&
      status < 300 &&
      id !== undefined &&
      isObject(ctx.responseJson) &&
      ctx.responseJson['scaStatus'] === 'finalised' &&
      !sendsCode(ctx.requestJson) &&
      ctx.observations.get(CONFIRMATION_LINKED, id) !== undefined
    );
  },
  judge(_ex, ctx) {
    const id = authorisationIdInPath(ctx)!;
    if (ctx.observations.get(CONFIRMATION_SENT, id)) return [];
    const link = ctx.observations.get(CONFIRMATION_LINKED, id);
    return [verdict(`authorisation ${id} is reported finalised, but the bank linked confirmation (${link}) and no confirmation code was sent to it yet`, { authorisationId: id, confirmation: link })];
  },
});

/** Remembers the confirmation links the bank gave and the authorisations the TPP sent a code to (whatever the answer). */
export const learnConfirmation: Learner = (ex, ctx, store) => {
  const target = authorisationIdInPath(ctx);
  if (ex.request.method === 'PUT' && target && sendsCode(ctx.requestJson)) store.set(CONFIRMATION_SENT, target, true);
  const status = ex.response?.status ?? 0;
  if (status < 200 || status > 299) return;
  const link = linkHref(ctx.responseJson, 'confirmation');
  const linked = link ? authorisationIdInHref(link) : undefined;
  if (link && linked) store.set(CONFIRMATION_LINKED, linked, link);
};
