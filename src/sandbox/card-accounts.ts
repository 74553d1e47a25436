/** Account information reads (AIS) on card accounts: list, details, balances, transactions (JSON, paged). */
import { requireCardAccount, requireUsableConsent } from './ais-guard.js';
import { cardTransactionsOf } from './card-ledger.js';
import { cardAccountJson, cardAccountPath, cardBalancesJson, cardTransactionJson } from './card-views.js';
import { covers, listMayShowBalances, listedCardAccounts } from './consent-access.js';
import type { RequestContext } from './context.js';
import { today } from './dates.js';
import { apiError } from './errors.js';
import { href } from './links.js';
import { pageOf } from './paging.js';
import { booleanQuery, reportQuery } from './report-query.js';
import { sendJson } from './response.js';
import { byBookingStatus } from './transaction-selection.js';

/** GET /v1/card-accounts */
export function getCardAccountList(ctx: RequestContext): void {
  const consent = requireUsableConsent(ctx);
  const withBalance = booleanQuery(ctx, 'withBalance');
  const cards = listedCardAccounts(consent);
  if (withBalance && !cards.every((c) => listMayShowBalances(consent, c))) {
    throw apiError(401, 'CONSENT_INVALID', 'The consent does not cover the balances of every card account', 'withBalance');
  }
  sendJson(ctx, 200, { cardAccounts: cards.map((c) => cardAccountJson(ctx, c, consent, { withBalance, inList: true })) });
}

/** GET /v1/card-accounts/{account-id} */
export function readCardAccountDetails(ctx: RequestContext): void {
  const consent = requireUsableConsent(ctx);
  const card = requireCardAccount(ctx, consent, 'accounts');
  const withBalance = booleanQuery(ctx, 'withBalance');
  if (withBalance && !covers(consent, card, 'balances')) {
    throw apiError(401, 'CONSENT_INVALID', 'The consent does not cover the balances of this card account', 'withBalance');
  }
  sendJson(ctx, 200, { cardAccount: cardAccountJson(ctx, card, consent, { withBalance, inList: false }) });
}

/** GET /v1/card-accounts/{account-id}/balances */
export function getCardAccountBalances(ctx: RequestContext): void {
  const consent = requireUsableConsent(ctx);
  const card = requireCardAccount(ctx, consent, 'balances');
  sendJson(ctx, 200, { cardAccount: { maskedPan: card.maskedPan }, debitAccounting: card.debitAccounting, balances: cardBalancesJson(ctx, card) });
}

/** GET /v1/card-accounts/{account-id}/transactions */
export function getCardAccountTransactionList(ctx: RequestContext): void {
  const consent = requireUsableConsent(ctx);
  const card = requireCardAccount(ctx, consent, 'transactions');
  const query = reportQuery(ctx, true);
  if (query.withBalance && !covers(consent, card, 'balances')) {
    throw apiError(401, 'CONSENT_INVALID', 'The consent does not cover the balances of this card account', 'withBalance');
  }
  const inPeriod = cardTransactionsOf(card, today()).filter((t) => t.entryDate >= query.dateFrom! && t.entryDate <= query.dateTo);
  const page = pageOf(ctx, `${cardAccountPath(card)}/transactions`, byBookingStatus(inPeriod, query.bookingStatus), query.page);
  const pick = (status: 'booked' | 'pending') => page.items.filter((t) => t.status === status).map((t) => cardTransactionJson(ctx, card, t));
  sendJson(ctx, 200, {
    cardAccount: { maskedPan: card.maskedPan },
    debitAccounting: card.debitAccounting,
    cardTransactions: {
      ...(query.bookingStatus !== 'pending' ? { booked: pick('booked') } : {}),
      ...(query.bookingStatus !== 'booked' ? { pending: pick('pending') } : {}),
      _links: { cardAccount: href(ctx, cardAccountPath(card)), ...page.links },
    },
    ...(query.withBalance ? { balances: cardBalancesJson(ctx, card) } : {}),
  });
}
