/**
 * State transitions of payments, consents, signing baskets and authorisations (DOMAIN §3):
 * forward only, never out of a final status.
 */
import type { SandboxClock } from './clock.js';
import { foreignReferences, grantBankOffered, holds } from './consent-access.js';
import type { SandboxEnv } from './context.js';
import { type Psu, accountsOf } from './data.js';
import type { DefectSet } from './defects.js';
import { authorisersOf, multilevelRefusal, signedBy } from './multilevel.js';
import {
  type AuthorisableRecord,
  type AuthorisationPurpose,
  type AuthorisationRecord,
  type ConsentRecord,
  FINAL_SCA_STATUSES,
  type PaymentRecord,
  type PaymentSchedule,
  type ScaApproach,
  type Store,
  type TppRedirect,
  type TransactionStatus,
} from './store.js';

const FINAL_TRANSACTION_STATUSES: readonly TransactionStatus[] = ['ACSC', 'RJCT', 'CANC'];

export function isFinalSca(auth: AuthorisationRecord): boolean {
  return FINAL_SCA_STATUSES.includes(auth.scaStatus);
}

export function isFinalPayment(payment: PaymentRecord): boolean {
  return FINAL_TRANSACTION_STATUSES.includes(payment.transactionStatus);
}

/**
 * The statuses a payment goes through once authorised, one per status read: instant payments
 * settle at once; standing orders and future-dated payments wait in ACSP; others settle.
 */
export function progressionAfterSca(schedule: PaymentSchedule): TransactionStatus[] {
  if (schedule.periodic || schedule.futureDate) return ['ACTC', 'ACSP'];
  if (schedule.instant) return ['ACTC', 'ACSC'];
  return ['ACTC', 'ACSP', 'ACSC'];
}

/** The statuses after SCA as the bank reports them; a defect may reorder them. */
function progressionOf(schedule: PaymentSchedule, defects: DefectSet): TransactionStatus[] {
  const steps = progressionAfterSca(schedule);
  if (!defects.has('status-goes-backwards')) return steps;
  // ACSP reported before ACTC: the processing appears to go backwards.
  return steps.map((s) => (s === 'ACTC' ? 'ACSP' : s === 'ACSP' ? 'ACTC' : s));
}

/** The consent's date: the bank's, or later when a sandbox hook moved the consent's own time on. */
export function consentToday(clock: SandboxClock, consent: ConsentRecord): string {
  return clock.today(consent.clockAheadMs ?? 0);
}

/** An authorised payment can still be cancelled while it waits for its execution date or runs as a standing order. */
export function cancellableAfterSca(payment: PaymentRecord): boolean {
  if (isFinalPayment(payment)) return false;
  return payment.schedule.periodic || (payment.schedule.futureDate !== undefined && !payment.schedule.instant);
}

/** True while the resource (or, for a cancellation, the payment's cancellation) waits for its SCA. */
export function awaitingSca(parent: AuthorisableRecord, purpose: AuthorisationPurpose = 'authorisation'): boolean {
  if (purpose === 'cancellation') return parent.kind === 'payment' && parent.cancellationRequested && !isFinalPayment(parent);
  switch (parent.kind) {
    case 'payment':
    case 'basket':
      return parent.transactionStatus === 'RCVD' || parent.transactionStatus === 'PATC';
    default:
      return parent.consentStatus === 'received' || parent.consentStatus === 'partiallyAuthorised';
  }
}

/** True when the resource needs no further authorisation of this purpose (multilevel: every authoriser has signed). */
export function hasFinalisedAuthorisation(store: Store, parent: AuthorisableRecord, purpose: AuthorisationPurpose = 'authorisation'): boolean {
  const authorisers = purpose === 'authorisation' ? authorisersOf(store, parent) : undefined;
  if (authorisers) return authorisers.every((id) => signedBy(store, parent).has(id));
  return store.authorisationsOf(parent, purpose).some((a) => a.scaStatus === 'finalised' || a.scaStatus === 'exempted');
}

export function createAuthorisation(
  store: Store,
  parent: AuthorisableRecord,
  approach: ScaApproach,
  redirect: TppRedirect,
  purpose: AuthorisationPurpose = 'authorisation',
): AuthorisationRecord {
  const auth: AuthorisationRecord = {
    id: store.newId(),
    parent: { kind: parent.kind, id: parent.id },
    purpose,
    scaStatus: 'received',
    approach,
    formToken: store.newToken(),
    redirect: { ...parent.redirect, ...redirect },
    failedLogins: 0,
  };
  store.authorisations.set(auth.id, auth);
  if (purpose === 'cancellation' && parent.kind === 'payment') parent.cancellationIds.push(auth.id);
  else parent.authorisationIds.push(auth.id);
  return auth;
}

/** The PSU opened the SCA page. */
export function markStarted(auth: AuthorisationRecord): void {
  if (auth.scaStatus === 'received') auth.scaStatus = 'started';
}

/** Why this PSU cannot authorise the resource, or undefined when it can. */
export function refusalFor(store: Store, parent: AuthorisableRecord, psu: Psu): string | undefined {
  if (authorisersOf(store, parent)) return multilevelRefusal(store, parent, psu.id);
  if (parent.psuIdHint && parent.psuIdHint !== psu.id) {
    return `This ${parent.kind === 'basket' ? 'signing basket' : parent.kind} was initiated for another PSU; log in as that PSU or reject it.`;
  }
  switch (parent.kind) {
    case 'payment':
      if (parent.debtorIban && !accountsOf(psu.id).some((a) => a.iban === parent.debtorIban)) {
        return `The debtor account ${parent.debtorIban} is not held by ${psu.id}.`;
      }
      return undefined;
    case 'consent': {
      const foreign = foreignReferences(parent, psu.id);
      if (foreign.length === 0) return undefined;
      return `The consent names accounts not held by ${psu.id}: ${foreign.map((r) => r.iban ?? r.maskedPan).join(', ')}.`;
    }
    case 'fundsConsent':
      return holds(psu.id, parent.account) ? undefined : `The account ${parent.account.iban ?? parent.account.maskedPan} is not held by ${psu.id}.`;
    case 'basket':
      return store.membersOf(parent).map((m) => refusalFor(store, m, psu)).find((r) => r !== undefined);
  }
}

/** The resource is authorised by this PSU: it moves on (a basket takes its members along). */
function grant(env: SandboxEnv, record: AuthorisableRecord, psuId: string): void {
  const { store, defects } = env;
  record.psuId = psuId;
  switch (record.kind) {
    case 'payment': {
      if (defects.has('sca-without-effect')) return; // the payment stays RCVD
      const [first, ...rest] = progressionOf(record.schedule, defects);
      record.transactionStatus = first!;
      record.progression = rest;
      return;
    }
    case 'consent':
      grantBankOffered(record, psuId);
      record.consentStatus = 'valid';
      record.lastActionDate = consentToday(env.clock, record);
      return;
    case 'fundsConsent':
      record.consentStatus = 'valid';
      return;
    case 'basket':
      record.transactionStatus = 'ACTC';
      for (const member of store.membersOf(record)) grant(env, member, psuId);
  }
}

/** The resource's SCA failed: it ends (a basket takes its members along). */
function refuse(env: SandboxEnv, record: AuthorisableRecord): void {
  switch (record.kind) {
    case 'payment':
      record.transactionStatus = 'RJCT';
      return;
    case 'consent':
      record.consentStatus = 'rejected';
      record.lastActionDate = consentToday(env.clock, record);
      return;
    case 'fundsConsent':
      record.consentStatus = 'rejected';
      return;
    case 'basket':
      record.transactionStatus = 'RJCT';
      for (const member of env.store.membersOf(record)) refuse(env, member);
  }
}

/** Multilevel SCA: some authorisers have signed, not all (PATC, partiallyAuthorised). */
function partlyGrant(record: AuthorisableRecord): void {
  if (record.kind === 'payment' || record.kind === 'basket') record.transactionStatus = 'PATC';
  else record.consentStatus = 'partiallyAuthorised';
}

/**
 * The PSU's SCA succeeded (finalised) or was not needed (exempted): the resource moves on once
 * every authoriser it needs has signed.
 */
export function approve(env: SandboxEnv, auth: AuthorisationRecord, psu: Psu, status: 'finalised' | 'exempted' = 'finalised'): void {
  const { store } = env;
  const parent = store.parentOf(auth);
  if (!parent || isFinalSca(auth) || !awaitingSca(parent, auth.purpose)) return;
  auth.scaStatus = status;
  auth.psuId = psu.id;
  delete auth.confirmationCode;
  if (auth.purpose === 'cancellation') return cancel(store, parent as PaymentRecord);
  const authorisers = authorisersOf(store, parent);
  if (authorisers && !authorisers.every((id) => signedBy(store, parent).has(id))) return partlyGrant(parent);
  grant(env, parent, psu.id);
}

export function reject(env: SandboxEnv, auth: AuthorisationRecord): void {
  const parent = env.store.parentOf(auth);
  if (isFinalSca(auth)) return;
  auth.scaStatus = 'failed';
  if (!parent || !awaitingSca(parent, auth.purpose)) return;
  if (auth.purpose === 'cancellation') (parent as PaymentRecord).cancellationRequested = false;
  else refuse(env, parent);
}

/** The payment is cancelled: CANC, nothing more to come, every open authorisation fails. */
export function cancel(store: Store, payment: PaymentRecord): void {
  payment.transactionStatus = 'CANC';
  payment.progression = [];
  payment.cancellationRequested = false;
  failOpenAuthorisations(store, payment);
}

/** Authorisations (of either purpose) still open when their resource ends fail with it. */
export function failOpenAuthorisations(store: Store, parent: AuthorisableRecord): void {
  for (const purpose of ['authorisation', 'cancellation'] as const) {
    for (const auth of store.authorisationsOf(parent, purpose)) if (!isFinalSca(auth)) auth.scaStatus = 'failed';
  }
}

/** The payment status as one read sees it; each read after SCA moves it one step on. */
export function observeTransactionStatus(payment: PaymentRecord, defects: DefectSet): PaymentRecord['transactionStatus'] {
  const current = payment.transactionStatus;
  const next = payment.progression.shift();
  if (next) payment.transactionStatus = next;
  // Once reported settled, the payment falls back to "settlement in process".
  else if (current === 'ACSC' && defects.has('settled-payment-regresses')) payment.transactionStatus = 'ACSP';
  return current;
}

/**
 * Expiry on the consent's date: validUntil is the last day it is valid (inclusive), and a one-off
 * consent is used up on the day after its first use.
 */
export function refreshConsent(consent: ConsentRecord, day: string): void {
  if (consent.consentStatus !== 'valid') return;
  const oneOffUsed = !consent.recurringIndicator && consent.firstUsedDate !== undefined && consent.firstUsedDate < day;
  if (consent.validUntil < day || oneOffUsed) consent.consentStatus = 'expired';
}
