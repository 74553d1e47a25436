/**
 * State transitions of payments, consents and authorisations (DOMAIN §3): forward only,
 * never out of a final status.
 */
import { foreignReferences, grantBankOffered } from './consent-access.js';
import { type Psu, accountsOf } from './data.js';
import { today } from './dates.js';
import {
  type AuthorisableRecord,
  type AuthorisationRecord,
  type ConsentRecord,
  FINAL_SCA_STATUSES,
  type PaymentRecord,
  type ScaApproach,
  type Store,
  type TppRedirect,
} from './store.js';

/** After SCA a payment is ACTC, then moves one step per status read until settled. */
const AFTER_SCA: PaymentRecord['transactionStatus'][] = ['ACTC', 'ACSP', 'ACSC'];

export function isFinalSca(auth: AuthorisationRecord): boolean {
  return FINAL_SCA_STATUSES.includes(auth.scaStatus);
}

/** True while the resource still waits for its SCA. */
export function awaitingSca(parent: AuthorisableRecord): boolean {
  return parent.kind === 'payment' ? parent.transactionStatus === 'RCVD' : parent.consentStatus === 'received';
}

export function hasFinalisedAuthorisation(store: Store, parent: AuthorisableRecord): boolean {
  return store.authorisationsOf(parent).some((a) => a.scaStatus === 'finalised');
}

export function createAuthorisation(
  store: Store,
  parent: AuthorisableRecord,
  approach: ScaApproach,
  redirect: TppRedirect,
): AuthorisationRecord {
  const auth: AuthorisationRecord = {
    id: store.newId(),
    parent: { kind: parent.kind, id: parent.id },
    scaStatus: 'received',
    approach,
    formToken: store.newToken(),
    redirect: { ...parent.redirect, ...redirect },
    failedLogins: 0,
  };
  store.authorisations.set(auth.id, auth);
  parent.authorisationIds.push(auth.id);
  return auth;
}

/** The PSU opened the SCA page. */
export function markStarted(auth: AuthorisationRecord): void {
  if (auth.scaStatus === 'received') auth.scaStatus = 'started';
}

/** Why this PSU cannot authorise the resource, or undefined when it can. */
export function refusalFor(parent: AuthorisableRecord, psu: Psu): string | undefined {
  if (parent.psuIdHint && parent.psuIdHint !== psu.id) {
    return `This ${parent.kind} was initiated for another PSU; log in as that PSU or reject it.`;
  }
  if (parent.kind === 'payment') {
    if (parent.debtorIban && !accountsOf(psu.id).some((a) => a.iban === parent.debtorIban)) {
      return `The debtor account ${parent.debtorIban} is not held by ${psu.id}.`;
    }
    return undefined;
  }
  const foreign = foreignReferences(parent, psu.id);
  if (foreign.length > 0) {
    return `The consent names accounts not held by ${psu.id}: ${foreign.map((r) => r.iban).join(', ')}.`;
  }
  return undefined;
}

export function approve(store: Store, auth: AuthorisationRecord, psu: Psu): void {
  const parent = store.parentOf(auth);
  if (!parent || isFinalSca(auth) || !awaitingSca(parent)) return;
  auth.scaStatus = 'finalised';
  auth.psuId = psu.id;
  parent.psuId = psu.id;
  if (parent.kind === 'payment') {
    parent.transactionStatus = AFTER_SCA[0]!;
    parent.progression = AFTER_SCA.slice(1);
  } else {
    grantBankOffered(parent, psu.id);
    parent.consentStatus = 'valid';
    parent.lastActionDate = today();
  }
}

export function reject(store: Store, auth: AuthorisationRecord): void {
  const parent = store.parentOf(auth);
  if (isFinalSca(auth)) return;
  auth.scaStatus = 'failed';
  if (!parent || !awaitingSca(parent)) return;
  if (parent.kind === 'payment') parent.transactionStatus = 'RJCT';
  else {
    parent.consentStatus = 'rejected';
    parent.lastActionDate = today();
  }
}

/** Authorisations still open when their resource ends fail with it. */
export function failOpenAuthorisations(store: Store, parent: AuthorisableRecord): void {
  for (const auth of store.authorisationsOf(parent)) if (!isFinalSca(auth)) auth.scaStatus = 'failed';
}

/** The payment status as one read sees it; each read after SCA moves it one step on. */
export function observeTransactionStatus(payment: PaymentRecord): PaymentRecord['transactionStatus'] {
  const current = payment.transactionStatus;
  const next = payment.progression.shift();
  if (next) payment.transactionStatus = next;
  return current;
}

/** Expiry: validUntil passed, or a one-off consent used on an earlier day. */
export function refreshConsent(consent: ConsentRecord, day: string = today()): void {
  if (consent.consentStatus !== 'valid') return;
  const oneOffUsed = !consent.recurringIndicator && consent.firstUsedDate !== undefined && consent.firstUsedDate < day;
  if (consent.validUntil < day || oneOffUsed) consent.consentStatus = 'expired';
}
