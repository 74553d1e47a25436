/**
 * Which entries a transaction list reports: by period, or since the last report (deltaList) or
 * since a given entry (entryReferenceFrom); then by booking status. Every report is remembered
 * per consent and account, so the next deltaList request starts after it.
 */
import type { BankAccount, Transaction } from './data.js';
import { transactionsOf } from './data.js';
import { today } from './dates.js';
import { formatError } from './errors.js';
import type { BookingStatus, ReportQuery } from './report-query.js';
import type { ConsentRecord } from './store.js';

export function byBookingStatus<T extends { status: 'booked' | 'pending' }>(entries: T[], status: BookingStatus): T[] {
  return status === 'both' ? entries : entries.filter((e) => e.status === status);
}

export function selectTransactions(account: BankAccount, consent: ConsentRecord, query: ReportQuery): Transaction[] {
  const all = transactionsOf(account, today());
  let chosen: Transaction[];
  if (query.entryReferenceFrom !== undefined) {
    const at = all.findIndex((t) => t.transactionId === query.entryReferenceFrom);
    if (at === -1) throw formatError(`entryReferenceFrom ${query.entryReferenceFrom} names no entry of this account`, 'entryReferenceFrom');
    chosen = all.slice(0, at); // newest first: the entries after the named one
  } else if (query.deltaList) {
    const seen = consent.reported.get(account.resourceId) ?? new Set<string>();
    chosen = all.filter((t) => !seen.has(t.transactionId));
  } else {
    chosen = all.filter((t) => t.entryDate >= query.dateFrom! && t.entryDate <= query.dateTo);
  }
  return byBookingStatus(chosen, query.bookingStatus);
}

/** Remember what a report showed, for the next deltaList request under this consent. */
export function markReported(consent: ConsentRecord, account: BankAccount, entries: Transaction[]): void {
  const seen = consent.reported.get(account.resourceId) ?? new Set<string>();
  for (const t of entries) seen.add(t.transactionId);
  consent.reported.set(account.resourceId, seen);
}
