/**
 * A booked-entries statement of one account over a period, the common ground of the camt.053 and
 * MT940 renderings: opening and closing booked balances around the period's entries.
 */
import { type BankAccount, type Transaction, transactionsOf } from './data.js';
import { addDays, today } from './dates.js';
import { apiError } from './errors.js';
import type { ReportQuery } from './report-query.js';

export interface Statement {
  account: BankAccount;
  from: string;
  to: string;
  /** Booked balance at the start of `from`, in cents. */
  openingCents: number;
  closingCents: number;
  /** Booked entries, oldest first (statement order). */
  entries: Transaction[];
  /** Statement number: days since the account's first entry, so it grows day by day. */
  sequence: number;
}

/** Statements (camt.053, MT940) carry booked entries only. */
export function requireBookedOnly(query: ReportQuery, format: string): void {
  if (query.bookingStatus !== 'booked') {
    throw apiError(400, 'PARAMETER_NOT_SUPPORTED', `${format} statements report booked entries only; ask for bookingStatus=booked or for JSON`, 'bookingStatus');
  }
}

export function statementOf(account: BankAccount, entries: Transaction[], query: ReportQuery): Statement {
  const booked = entries.filter((t) => t.status === 'booked').sort((a, b) => (a.entryDate < b.entryDate ? -1 : a.entryDate > b.entryDate ? 1 : a.transactionId < b.transactionId ? -1 : 1));
  const from = query.dateFrom ?? booked[0]?.entryDate ?? query.dateTo;
  const all = transactionsOf(account, today()).filter((t) => t.status === 'booked');
  const before = all.filter((t) => t.entryDate < from).reduce((s, t) => s + t.cents, 0);
  const openingCents = account.openingCents + before;
  const closingCents = openingCents + booked.reduce((s, t) => s + t.cents, 0);
  const oldest = all.reduce((d, t) => (t.entryDate < d ? t.entryDate : d), today());
  let sequence = 1;
  for (let d = oldest; d < query.dateTo; d = addDays(d, 1)) sequence++;
  return { account, from, to: query.dateTo, openingCents, closingCents, entries: booked, sequence };
}

/** ISO 20022 bank transaction code parts of a "DOMAIN-FAMILY-SUBFAMILY" code. */
export function bankTransactionCodeParts(code: string): { domain: string; family: string; subFamily: string } {
  const [domain = 'PMNT', family = 'MCOP', subFamily = 'OTHR'] = code.split('-');
  return { domain, family, subFamily };
}
