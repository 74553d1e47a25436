/** The Consent-ID gate in front of every AIS read (DOMAIN §3c). */
import type { AccessKind } from './consent-access.js';
import { covers } from './consent-access.js';
import type { RequestContext } from './context.js';
import { type BankAccount, accountById } from './data.js';
import { today } from './dates.js';
import { apiError, resourceUnknown } from './errors.js';
import { requireConsentId } from './headers.js';
import { refreshConsent } from './lifecycle.js';
import type { ConsentRecord } from './store.js';

/** The consent named by Consent-ID, if it may be used now; records the access. */
export function requireUsableConsent(ctx: RequestContext): ConsentRecord {
  const id = requireConsentId(ctx);
  const consent = ctx.env.store.consents.get(id);
  if (!consent) throw apiError(403, 'CONSENT_UNKNOWN', `Consent ${id} does not exist`, 'Consent-ID');
  const day = today();
  refreshConsent(consent, day);
  switch (consent.consentStatus) {
    case 'valid':
      break;
    case 'received':
      throw apiError(401, 'CONSENT_INVALID', 'The consent is not authorised yet', 'Consent-ID');
    case 'revokedByPsu':
      throw apiError(401, 'CONSENT_INVALID', 'The consent was revoked by the PSU', 'Consent-ID');
    default:
      throw apiError(401, 'CONSENT_EXPIRED', `The consent is ${consent.consentStatus}`, 'Consent-ID');
  }
  consent.lastActionDate = day;
  consent.firstUsedDate ??= day;
  return consent;
}

/** The account in the path, if the consent allows `kind` on it. */
export function requireAccount(ctx: RequestContext, consent: ConsentRecord, kind: AccessKind): BankAccount {
  const id = ctx.params.accountId ?? '';
  const account = accountById(id);
  if (!account) throw resourceUnknown(`Account ${id} does not exist`, 'account-id');
  if (!covers(consent, account, kind)) {
    throw apiError(401, 'CONSENT_INVALID', `The consent does not cover ${kind} of account ${id}`, 'Consent-ID');
  }
  return account;
}
