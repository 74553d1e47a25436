/** Account information reads (AIS) on payment accounts: account list, details, balances, transactions. */
import { accountDetailsJson, accountPath, balancesJson, transactionJson } from './account-views.js';
import { requireAccount, requireUsableConsent } from './ais-guard.js';
import { renderCamt053 } from './camt053.js';
import { covers, listMayShowBalances, listedAccounts } from './consent-access.js';
import type { RequestContext } from './context.js';
import { type BankAccount, type Transaction, accountsOf, transactionsOf } from './data.js';
import { today } from './dates.js';
import { apiError, resourceUnknown } from './errors.js';
import { href } from './links.js';
import { renderMt940 } from './mt940.js';
import { negotiate } from './negotiation.js';
import { pageOf } from './paging.js';
import { booleanQuery, reportQuery } from './report-query.js';
import { sendJson, sendText } from './response.js';
import { requireBookedOnly, statementOf } from './statement.js';
import { markReported, selectTransactions } from './transaction-selection.js';

/** The formats a transaction list is offered in: JSON, camt.053 and MT940. */
export const TRANSACTION_FORMATS = ['application/json', 'application/xml', 'text/plain'] as const;

/** The defect transactions-outside-period: booked entries from before dateFrom are added to the report. */
function withEarlierEntries(ctx: RequestContext, account: BankAccount, dateFrom: string | undefined, entries: Transaction[]): Transaction[] {
  if (!ctx.env.defects.has('transactions-outside-period') || !dateFrom) return entries;
  const earlier = transactionsOf(account, today()).filter((t) => t.status === 'booked' && t.bookingDate !== undefined && t.bookingDate < dateFrom);
  return [...earlier.slice(-2), ...entries];
}

/** GET /v1/accounts */
export function getAccountList(ctx: RequestContext): void {
  const consent = requireUsableConsent(ctx);
  const withBalance = booleanQuery(ctx, 'withBalance');
  // The defect: the list shows every account of the PSU, whatever the consent names.
  const accounts = ctx.env.defects.has('accounts-outside-consent') && consent.psuId ? accountsOf(consent.psuId) : listedAccounts(consent);
  if (withBalance && !accounts.every((a) => listMayShowBalances(consent, a))) {
    throw apiError(401, 'CONSENT_INVALID', 'The consent does not cover the balances of every account', 'withBalance');
  }
  sendJson(ctx, 200, {
    accounts: accounts.map((a) => accountDetailsJson(ctx, a, consent, { withBalance, inList: true })),
  });
}

/** GET /v1/accounts/{account-id} */
export function readAccountDetails(ctx: RequestContext): void {
  const consent = requireUsableConsent(ctx);
  const account = requireAccount(ctx, consent, 'accounts');
  const withBalance = booleanQuery(ctx, 'withBalance');
  if (withBalance && !covers(consent, account, 'balances')) {
    throw apiError(401, 'CONSENT_INVALID', 'The consent does not cover the balances of this account', 'withBalance');
  }
  sendJson(ctx, 200, { account: accountDetailsJson(ctx, account, consent, { withBalance, inList: false }) });
}

/** GET /v1/accounts/{account-id}/balances */
export function getBalances(ctx: RequestContext): void {
  const consent = requireUsableConsent(ctx);
  const account = requireAccount(ctx, consent, 'balances');
  const body = { account: { iban: account.iban }, balances: balancesJson(ctx, account) };
  // The defect: the body is cut off before its end.
  if (ctx.env.defects.has('truncated-balances-body')) return sendText(ctx, 200, 'application/json', JSON.stringify(body).slice(0, -20));
  sendJson(ctx, 200, body);
}

/** GET /v1/accounts/{account-id}/transactions: JSON (paged), camt.053 or MT940 as Accept asks. */
export function getTransactionList(ctx: RequestContext): void {
  // The defect: the connection is reset instead of answered.
  if (ctx.env.defects.has('reset-on-transaction-list')) return void ctx.req.socket.destroy();
  const consent = requireUsableConsent(ctx);
  const account = requireAccount(ctx, consent, 'transactions');
  const format = negotiate(ctx, TRANSACTION_FORMATS);
  const query = reportQuery(ctx);
  if (query.withBalance && !covers(consent, account, 'balances')) {
    throw apiError(401, 'CONSENT_INVALID', 'The consent does not cover the balances of this account', 'withBalance');
  }
  const entries = withEarlierEntries(ctx, account, query.dateFrom, selectTransactions(account, consent, query));
  if (format !== 'application/json') {
    requireBookedOnly(query, format === 'application/xml' ? 'camt.053' : 'MT940');
    const statement = statementOf(account, entries, query);
    markReported(consent, account, statement.entries);
    if (format === 'application/xml') return sendText(ctx, 200, 'application/xml', renderCamt053(statement, ctx.env.defects, ctx.env.clock.now()));
    return sendText(ctx, 200, 'text/plain', renderMt940(statement));
  }
  const path = `${accountPath(account)}/transactions`;
  const page = pageOf(ctx, path, entries, query.page);
  markReported(consent, account, page.items);
  const pick = (status: 'booked' | 'pending') => page.items.filter((tx) => tx.status === status).map((tx) => transactionJson(ctx, account, tx));
  sendJson(ctx, 200, {
    account: { iban: account.iban },
    transactions: {
      ...(query.bookingStatus !== 'pending' ? { booked: pick('booked') } : {}),
      ...(query.bookingStatus !== 'booked' ? { pending: pick('pending') } : {}),
      _links: { ...(ctx.env.defects.has('report-without-account-link') ? {} : { account: href(ctx, accountPath(account)) }), ...page.links },
    },
    ...(query.withBalance ? { balances: balancesJson(ctx, account) } : {}),
  });
}

/** GET /v1/accounts/{account-id}/transactions/{transactionId} */
export function getTransactionDetails(ctx: RequestContext): void {
  const consent = requireUsableConsent(ctx);
  const account = requireAccount(ctx, consent, 'transactions');
  const id = ctx.params.transactionId ?? '';
  const tx = transactionsOf(account, today()).find((t) => t.transactionId === id);
  if (!tx) throw resourceUnknown(`Transaction ${id} does not exist on account ${account.resourceId}`, 'transactionId');
  sendJson(ctx, 200, { transactionsDetails: transactionJson(ctx, account, tx) });
}
