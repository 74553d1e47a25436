/** What a consent grants: which payment and card accounts it shows and which reads it allows on each. */
import { type AnyAccount, type BankAccount, type CardAccount, accountsOf, cardAccountsOf } from './data.js';
import type { AccountRef, ConsentRecord } from './store.js';

export type AccessKind = 'accounts' | 'balances' | 'transactions';

export function refMatches(ref: AccountRef, account: AnyAccount): boolean {
  const id = account.kind === 'account' ? ref.iban === account.iban : ref.maskedPan === account.maskedPan;
  return id && (ref.currency === undefined || ref.currency === account.currency);
}

/** The reference a consent uses for an account: iban for payment accounts, maskedPan for cards. */
export function referenceOf(account: AnyAccount): AccountRef {
  return account.kind === 'account' ? { iban: account.iban, currency: account.currency } : { maskedPan: account.maskedPan, currency: account.currency };
}

function listedIn(refs: AccountRef[] | undefined, account: AnyAccount): boolean {
  return (refs ?? []).some((r) => refMatches(r, account));
}

/** True when the consent allows reading `kind` on this account (consent must be bound to a PSU). */
export function covers(consent: ConsentRecord, account: AnyAccount, kind: AccessKind): boolean {
  if (!consent.psuId || account.psuId !== consent.psuId) return false;
  const a = consent.access;
  if (a.allPsd2) return true;
  if (a.availableAccounts || a.availableAccountsWithBalance) return false;
  const { accounts, balances, transactions } = a;
  if (kind === 'balances') return listedIn(balances, account);
  if (kind === 'transactions') return listedIn(transactions, account);
  // An account listed for balances or transactions implies access to its details.
  return listedIn(accounts, account) || listedIn(balances, account) || listedIn(transactions, account);
}

function listed<T extends AnyAccount>(consent: ConsentRecord, own: T[]): T[] {
  const a = consent.access;
  if (a.allPsd2 || a.availableAccounts || a.availableAccountsWithBalance) return own;
  return own.filter((acc) => covers(consent, acc, 'accounts'));
}

/** The payment accounts GET /accounts lists under this consent. */
export function listedAccounts(consent: ConsentRecord): BankAccount[] {
  return consent.psuId ? listed(consent, accountsOf(consent.psuId)) : [];
}

/** The card accounts GET /card-accounts lists under this consent. */
export function listedCardAccounts(consent: ConsentRecord): CardAccount[] {
  return consent.psuId ? listed(consent, cardAccountsOf(consent.psuId)) : [];
}

/** True when an account list may carry balances for this account. */
export function listMayShowBalances(consent: ConsentRecord, account: AnyAccount): boolean {
  return Boolean(consent.access.availableAccountsWithBalance) || covers(consent, account, 'balances');
}

/** True when the consent asks for owner names (…WithOwnerName). */
export function withOwnerName(consent: ConsentRecord): boolean {
  const a = consent.access;
  return [a.allPsd2, a.availableAccounts, a.availableAccountsWithBalance].includes('allAccountsWithOwnerName');
}

/** True when the PSU holds the account the reference names. */
export function holds(psuId: string, ref: AccountRef): boolean {
  return [...accountsOf(psuId), ...cardAccountsOf(psuId)].some((acc) => refMatches(ref, acc));
}

/** References of a dedicated consent that the given PSU does not hold. */
export function foreignReferences(consent: ConsentRecord, psuId: string): AccountRef[] {
  const refs = [...(consent.access.accounts ?? []), ...(consent.access.balances ?? []), ...(consent.access.transactions ?? [])];
  return refs.filter((r) => !holds(psuId, r));
}

/** A bank-offered consent (empty arrays) gets the PSU's payment and card accounts once the PSU approves. */
export function grantBankOffered(consent: ConsentRecord, psuId: string): void {
  if (consent.form !== 'bankOffered') return;
  const refs = [...accountsOf(psuId), ...cardAccountsOf(psuId)].map(referenceOf);
  consent.access = { accounts: refs, balances: refs.map((r) => ({ ...r })), transactions: refs.map((r) => ({ ...r })) };
}
