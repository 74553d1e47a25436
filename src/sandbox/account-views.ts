/** JSON shapes of AIS data for payment accounts: accountDetails, balances and transaction entries. */
import { covers, listMayShowBalances, withOwnerName } from './consent-access.js';
import type { RequestContext } from './context.js';
import { ACCOUNTS, type Balance, type BankAccount, type Counterparty, type Transaction, balancesOf } from './data.js';
import { today } from './dates.js';
import { type Href, href } from './links.js';
import { formatAmount } from './money.js';
import type { ConsentRecord } from './store.js';

const seg = encodeURIComponent;

export function accountPath(account: BankAccount): string {
  return `/v1/accounts/${seg(account.resourceId)}`;
}

export function balanceJson(ctx: RequestContext, b: Balance): Record<string, unknown> {
  const amount = ctx.env.defects.has('amount-as-number') ? b.cents / 100 : formatAmount(b.cents);
  return {
    balanceAmount: { currency: b.currency, amount },
    balanceType: ctx.env.defects.has('balance-type-outside-enum') ? 'available' : b.type,
    ...(b.lastChangeDateTime ? { lastChangeDateTime: b.lastChangeDateTime } : {}),
    ...(b.referenceDate ? { referenceDate: b.referenceDate } : {}),
  };
}

export function balancesJson(ctx: RequestContext, account: BankAccount): Record<string, unknown>[] {
  // Booking dates are data (the calendar day); the time stamp is the bank's.
  return balancesOf(account, today(), ctx.env.clock.now()).map((b) => balanceJson(ctx, b));
}

export interface DetailsOptions {
  withBalance: boolean;
  /** Account list: the consent may allow listing without per-account reads. */
  inList: boolean;
}

export function accountDetailsJson(
  ctx: RequestContext,
  account: BankAccount,
  consent: ConsentRecord,
  opts: DetailsOptions,
): Record<string, unknown> {
  const links: Record<string, Href> = {};
  // The defect: the balances link names another account of the bank.
  const other = ACCOUNTS.find((a) => !a.resourceId.includes(account.resourceId));
  const balancesOf = ctx.env.defects.has('balances-link-of-another-account') && other ? accountPath(other) : accountPath(account);
  if (covers(consent, account, 'balances')) links.balances = href(ctx, `${balancesOf}/balances`);
  if (covers(consent, account, 'transactions')) links.transactions = href(ctx, `${accountPath(account)}/transactions`);
  if (ctx.env.defects.has('account-links-missing')) for (const name of Object.keys(links)) delete links[name];
  const showBalances = opts.withBalance && (opts.inList ? listMayShowBalances(consent, account) : covers(consent, account, 'balances'));
  return {
    resourceId: account.resourceId,
    iban: account.iban,
    ...(ctx.env.defects.has('account-without-currency') ? {} : { currency: account.currency }),
    ...(withOwnerName(consent) ? { ownerName: account.ownerName } : {}),
    name: account.name,
    product: account.product,
    cashAccountType: account.cashAccountType,
    status: ctx.env.defects.has('account-status-outside-enum') ? 'active' : 'enabled',
    bic: account.bic,
    usage: account.usage,
    ...(showBalances ? { balances: balancesJson(ctx, account) } : {}),
    ...(Object.keys(links).length > 0 ? { _links: links } : {}),
  };
}

function party(prefix: 'creditor' | 'debtor', p: Counterparty): Record<string, unknown> {
  return { [`${prefix}Name`]: p.name, ...(p.iban ? { [`${prefix}Account`]: { iban: p.iban } } : {}) };
}

export function transactionJson(ctx: RequestContext, account: BankAccount, tx: Transaction): Record<string, unknown> {
  const outgoing = tx.cents < 0;
  const { defects } = ctx.env;
  const bookingDate = tx.bookingDate && defects.has('booking-date-as-datetime') ? `${tx.bookingDate}T00:00:00Z` : tx.bookingDate;
  const amount = defects.has('transaction-amount-as-number') ? tx.cents / 100 : formatAmount(tx.cents);
  // The defect: every entry's details link names the account's first transaction.
  const detailsId = defects.has('transaction-details-link-wrong') ? `${account.resourceId}-tx-001` : tx.transactionId;
  return {
    transactionId: tx.transactionId,
    entryReference: tx.transactionId,
    ...(bookingDate ? { bookingDate } : {}),
    valueDate: tx.valueDate,
    transactionAmount: { currency: tx.currency, amount },
    ...party('creditor', outgoing ? tx.counterparty : tx.self),
    ...party('debtor', outgoing ? tx.self : tx.counterparty),
    remittanceInformationUnstructured: tx.remittance,
    bankTransactionCode: tx.bankTransactionCode,
    _links: { transactionDetails: href(ctx, `${accountPath(account)}/transactions/${seg(detailsId)}`) },
  };
}
