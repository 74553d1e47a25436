/** Account information reads (AIS): account list, details, balances, transactions. */
import { accountDetailsJson, accountPath, balancesJson, transactionJson } from './account-views.js';
import { requireAccount, requireUsableConsent } from './ais-guard.js';
import { covers, listMayShowBalances, listedAccounts } from './consent-access.js';
import type { RequestContext } from './context.js';
import { transactionsOf } from './data.js';
import { isIsoDate, today } from './dates.js';
import { apiError, formatError, resourceUnknown } from './errors.js';
import { href } from './links.js';
import { sendJson } from './response.js';

const BOOKING_STATUSES = ['booked', 'pending', 'both'] as const;
type BookingStatus = (typeof BOOKING_STATUSES)[number];
const UNSUPPORTED_BOOKING_STATUSES = ['information', 'all'];

function booleanQuery(ctx: RequestContext, name: string): boolean {
  const v = ctx.query.get(name);
  if (v === null) return false;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw formatError(`Query parameter ${name} must be true or false`, name);
}

function dateQuery(ctx: RequestContext, name: string): string | undefined {
  const v = ctx.query.get(name);
  if (v === null) return undefined;
  if (!isIsoDate(v)) throw formatError(`Query parameter ${name} is not a date (YYYY-MM-DD)`, name);
  return v;
}

/** GET /v1/accounts */
export function getAccountList(ctx: RequestContext): void {
  const consent = requireUsableConsent(ctx);
  const withBalance = booleanQuery(ctx, 'withBalance');
  const accounts = listedAccounts(consent);
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
  sendJson(ctx, 200, { account: { iban: account.iban }, balances: balancesJson(ctx, account) });
}

function bookingStatusQuery(ctx: RequestContext): BookingStatus {
  const v = ctx.query.get('bookingStatus');
  if (v === null || v === '') throw formatError('Query parameter bookingStatus is missing', 'bookingStatus');
  if (UNSUPPORTED_BOOKING_STATUSES.includes(v)) {
    throw apiError(400, 'PARAMETER_NOT_SUPPORTED', `bookingStatus ${v} is not supported; use booked, pending or both`, 'bookingStatus');
  }
  if (!(BOOKING_STATUSES as readonly string[]).includes(v)) {
    throw formatError(`bookingStatus ${v} is not a permitted value`, 'bookingStatus');
  }
  return v as BookingStatus;
}

/** GET /v1/accounts/{account-id}/transactions */
export function getTransactionList(ctx: RequestContext): void {
  const consent = requireUsableConsent(ctx);
  const account = requireAccount(ctx, consent, 'transactions');
  const bookingStatus = bookingStatusQuery(ctx);
  for (const name of ['entryReferenceFrom', 'deltaList']) {
    if (ctx.query.has(name)) throw apiError(400, 'PARAMETER_NOT_SUPPORTED', `Delta access (${name}) is not supported`, name);
  }
  const dateFrom = dateQuery(ctx, 'dateFrom');
  if (dateFrom === undefined) throw formatError('Query parameter dateFrom is missing', 'dateFrom');
  const dateTo = dateQuery(ctx, 'dateTo') ?? today();
  if (dateFrom > dateTo) throw apiError(400, 'PERIOD_INVALID', 'dateFrom lies after dateTo', 'dateFrom');
  const withBalance = booleanQuery(ctx, 'withBalance');
  if (withBalance && !covers(consent, account, 'balances')) {
    throw apiError(401, 'CONSENT_INVALID', 'The consent does not cover the balances of this account', 'withBalance');
  }
  const inPeriod = transactionsOf(account, today()).filter((tx) => tx.entryDate >= dateFrom && tx.entryDate <= dateTo);
  const pick = (status: 'booked' | 'pending') =>
    inPeriod.filter((tx) => tx.status === status).map((tx) => transactionJson(ctx, account, tx));
  sendJson(ctx, 200, {
    account: { iban: account.iban },
    transactions: {
      ...(bookingStatus !== 'pending' ? { booked: pick('booked') } : {}),
      ...(bookingStatus !== 'booked' ? { pending: pick('pending') } : {}),
      _links: { account: href(ctx, accountPath(account)) },
    },
    ...(withBalance ? { balances: balancesJson(ctx, account) } : {}),
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
