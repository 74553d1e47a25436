/** What a consent grants: which accounts it shows and which reads it allows on each. */
import { type BankAccount, accountsOf } from './data.js';
import type { AccountRef, ConsentRecord } from './store.js';

export type AccessKind = 'accounts' | 'balances' | 'transactions';

function refMatches(ref: AccountRef, account: BankAccount): boolean {
  return ref.iban === account.iban && (ref.currency === undefined || ref.currency === account.currency);
}

function listedIn(refs: AccountRef[] | undefined, account: BankAccount): boolean {
  return (refs ?? []).some((r) => refMatches(r, account));
}

/** True when the consent allows reading `kind` on this account (consent must be bound to a PSU). */
export function covers(consent: ConsentRecord, account: BankAccount, kind: AccessKind): boolean {
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

/** The accounts GET /accounts lists under this consent. */
export function listedAccounts(consent: ConsentRecord): BankAccount[] {
  if (!consent.psuId) return [];
  const own = accountsOf(consent.psuId);
  const a = consent.access;
  if (a.allPsd2 || a.availableAccounts || a.availableAccountsWithBalance) return own;
  return own.filter((acc) => covers(consent, acc, 'accounts'));
}

/** True when the account list may carry balances for this account. */
export function listMayShowBalances(consent: ConsentRecord, account: BankAccount): boolean {
  return Boolean(consent.access.availableAccountsWithBalance) || covers(consent, account, 'balances');
}

/** True when the consent asks for owner names (…WithOwnerName). */
export function withOwnerName(consent: ConsentRecord): boolean {
  const a = consent.access;
  return [a.allPsd2, a.availableAccounts, a.availableAccountsWithBalance].includes('allAccountsWithOwnerName');
}

/** References of a dedicated consent that the given PSU does not hold. */
export function foreignReferences(consent: ConsentRecord, psuId: string): AccountRef[] {
  const own = accountsOf(psuId);
  const refs = [...(consent.access.accounts ?? []), ...(consent.access.balances ?? []), ...(consent.access.transactions ?? [])];
  return refs.filter((r) => !own.some((acc) => refMatches(r, acc)));
}

/** A bank-offered consent (empty arrays) gets the PSU's accounts once the PSU approves. */
export function grantBankOffered(consent: ConsentRecord, psuId: string): void {
  if (consent.form !== 'bankOffered') return;
  const refs = accountsOf(psuId).map((acc) => ({ iban: acc.iban, currency: acc.currency }));
  consent.access = { accounts: refs, balances: refs.map((r) => ({ ...r })), transactions: refs.map((r) => ({ ...r })) };
}
