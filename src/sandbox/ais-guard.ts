/** The Consent-ID gate in front of every AIS read (DOMAIN §3c). */
import type { AccessKind } from './consent-access.js';
import { covers } from './consent-access.js';
import type { RequestContext } from './context.js';
import { type AnyAccount, accountById, cardAccountById } from './data.js';
import { apiError, resourceUnknown } from './errors.js';
import { requireConsentId } from './headers.js';
import { consentToday, refreshConsent } from './lifecycle.js';
import type { ConsentRecord } from './store.js';
import { consentIdFromBearer } from './oauth/bearer.js';

/**
 * Accesses without the PSU (no PSU-IP-Address) count against frequencyPerDay; one more than it
 * allows is refused with 429 ACCESS_EXCEEDED.
 */
function countUnattendedAccess(ctx: RequestContext, consent: ConsentRecord, day: string): void {
  if (ctx.header('PSU-IP-Address') !== undefined) return;
  const counter = consent.unattendedAccesses.day === day ? consent.unattendedAccesses : { day, count: 0 };
  // frequencyPerDay 0 (accepted only by the mockbank mode) sets no daily limit
  if (consent.frequencyPerDay > 0 && counter.count >= consent.frequencyPerDay) {
    throw apiError(429, 'ACCESS_EXCEEDED', `The consent allows ${consent.frequencyPerDay} accesses a day without the PSU; this one exceeds it`, 'Consent-ID');
  }
  consent.unattendedAccesses = { day, count: counter.count + 1 };
}

/** The answer to a Consent-ID the bank does not know: 403 CONSENT_UNKNOWN (or a defect's wrong status or code). */
function unknownConsent(ctx: RequestContext, id: string) {
  if (ctx.env.defects.has('consent-unknown-404')) return apiError(404, 'CONSENT_UNKNOWN', `Consent ${id} does not exist`, 'Consent-ID');
  if (ctx.env.defects.has('consent-unknown-as-resource-unknown')) return apiError(403, 'RESOURCE_UNKNOWN', `Consent ${id} does not exist`, 'Consent-ID');
  return apiError(403, 'CONSENT_UNKNOWN', `Consent ${id} does not exist`, 'Consent-ID');
}

/** The consent named by Consent-ID, if it may be used now; records the access. */
export function requireUsableConsent(ctx: RequestContext): ConsentRecord {
  // Without Consent-ID, a PSU-bound bearer token may name the consent (OAuth as a pre-step).
  const id = ctx.header('Consent-ID') === undefined && ctx.header('Authorization') !== undefined ? consentIdFromBearer(ctx)! : requireConsentId(ctx);
  const consent = ctx.env.store.consents.get(id);
  if (!consent) throw unknownConsent(ctx, id);
  const day = consentToday(ctx.env.clock, consent);
  refreshConsent(consent, day);
  switch (consent.consentStatus) {
    case 'valid':
      break;
    case 'terminatedByTpp':
      // The defect: a consent the TPP deleted still opens the accounts.
      if (ctx.env.defects.has('deleted-consent-still-readable')) break;
      throw apiError(401, 'CONSENT_EXPIRED', 'The consent is terminatedByTpp', 'Consent-ID');
    case 'received':
      throw apiError(401, 'CONSENT_INVALID', 'The consent is not authorised yet', 'Consent-ID');
    case 'revokedByPsu':
      if (ctx.env.defects.has('revoked-consent-still-readable')) break;
      throw apiError(401, 'CONSENT_INVALID', 'The consent was revoked by the PSU', 'Consent-ID');
    case 'expired':
      if (ctx.env.defects.has('expired-consent-still-readable')) break;
      throw apiError(401, 'CONSENT_EXPIRED', 'The consent is expired', 'Consent-ID');
    default:
      throw apiError(401, 'CONSENT_EXPIRED', `The consent is ${consent.consentStatus}`, 'Consent-ID');
  }
  countUnattendedAccess(ctx, consent, day);
  consent.lastActionDate = day;
  consent.firstUsedDate ??= day;
  return consent;
}

function requireCovered<T extends AnyAccount>(ctx: RequestContext, consent: ConsentRecord, account: T | undefined, kind: AccessKind): T {
  const id = ctx.params.accountId ?? '';
  if (!account) throw resourceUnknown(`Account ${id} does not exist`, 'account-id');
  const leaky = kind === 'balances' && ctx.env.defects.has('balances-of-unconsented-account') && account.psuId === consent.psuId;
  if (!covers(consent, account, kind) && !leaky) {
    throw apiError(401, 'CONSENT_INVALID', `The consent does not cover ${kind} of account ${id}`, 'Consent-ID');
  }
  return account;
}

/** The payment account in the path, if the consent allows `kind` on it. */
export function requireAccount(ctx: RequestContext, consent: ConsentRecord, kind: AccessKind) {
  return requireCovered(ctx, consent, accountById(ctx.params.accountId ?? ''), kind);
}

/** The card account in the path, if the consent allows `kind` on it. */
export function requireCardAccount(ctx: RequestContext, consent: ConsentRecord, kind: AccessKind) {
  return requireCovered(ctx, consent, cardAccountById(ctx.params.accountId ?? ''), kind);
}
