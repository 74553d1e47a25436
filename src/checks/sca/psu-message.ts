import { headerOf } from '../../http/exchange.js';
import { defineCheck, verdict } from '../check.js';
import { CREATES, STARTS_AUTHORISATION, UPDATES_PSU_DATA } from '../links/link-rules.js';
import { FINAL_SCA_STATUSES, isObject, linkHref } from './sca-facts.js';

/** Links that ask the TPP for another step: the PSU is not yet waiting in the app. */
const TPP_STEPS = [
  'startAuthorisation',
  'startAuthorisationWithPsuIdentification',
  'startAuthorisationWithAuthenticationMethodSelection',
  'updatePsuIdentification',
  'selectAuthenticationMethod',
];

export default defineCheck({
  id: 'sca.psu-message',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §4 (decoupled approach: the ASPSP tells the TPP, in psuMessage, what the PSU is to do in the app); DOMAIN §4.4',
  description:
    'A decoupled answer that leaves the PSU to confirm in the bank\'s app (no further TPP step linked, the SCA still running) carries a psuMessage telling them so.',
  appliesTo: (ex, ctx) => {
    const op = ctx.match?.operation.operationId;
    const status = ex.response?.status ?? 0;
    return (
      op !== undefined && status >= 200 && status < 300 && isObject(ctx.responseJson) &&
      (headerOf(ex.response!.headers, 'aspsp-sca-approach') ?? '').trim().toUpperCase() === 'DECOUPLED' &&
      (CREATES.has(op) || STARTS_AUTHORISATION.has(op) || UPDATES_PSU_DATA.has(op))
    );
  },
  judge(_ex, ctx) {
    const body = ctx.responseJson as Record<string, unknown>;
    const scaStatus = body['scaStatus'];
    if (typeof scaStatus === 'string' && FINAL_SCA_STATUSES.includes(scaStatus)) return [];
    if (TPP_STEPS.some((name) => linkHref(body, name))) return [];
    // A creation answer without an implicitly started authorisation waits for nothing in the app.
    if (CREATES.has(ctx.match!.operation.operationId) && !linkHref(body, 'scaStatus')) return [];
    const message = body['psuMessage'];
    return typeof message === 'string' && message.trim() !== '' ? [] : [verdict('the PSU is left to confirm in the app, but the answer has no psuMessage', { scaStatus: scaStatus ?? null })];
  },
});
