/** JSON shapes of card account data: cardAccountDetails, card balances and card transactions. */
import { balanceJson } from './account-views.js';
import { cardBalancesOf, type CardTransaction } from './card-ledger.js';
import { covers, listMayShowBalances, withOwnerName } from './consent-access.js';
import type { RequestContext } from './context.js';
import type { CardAccount } from './data.js';
import { today } from './dates.js';
import { type Href, href } from './links.js';
import { formatAmount } from './money.js';
import type { ConsentRecord } from './store.js';

const seg = encodeURIComponent;

export function cardAccountPath(card: CardAccount): string {
  return `/v1/card-accounts/${seg(card.resourceId)}`;
}

export function cardBalancesJson(ctx: RequestContext, card: CardAccount): Record<string, unknown>[] {
  return cardBalancesOf(card, today()).map((b) => balanceJson(ctx, b));
}

export function cardAccountJson(ctx: RequestContext, card: CardAccount, consent: ConsentRecord, opts: { withBalance: boolean; inList: boolean }): Record<string, unknown> {
  const links: Record<string, Href> = {};
  if (covers(consent, card, 'balances')) links.balances = href(ctx, `${cardAccountPath(card)}/balances`);
  if (covers(consent, card, 'transactions')) links.transactions = href(ctx, `${cardAccountPath(card)}/transactions`);
  const showBalances = opts.withBalance && (opts.inList ? listMayShowBalances(consent, card) : covers(consent, card, 'balances'));
  return {
    resourceId: card.resourceId,
    ...(ctx.env.defects.has('card-account-without-masked-pan') ? { maskedPAN: card.maskedPan } : { maskedPan: card.maskedPan }),
    currency: card.currency,
    ...(withOwnerName(consent) ? { ownerName: card.ownerName } : {}),
    name: card.name,
    product: card.product,
    debitAccounting: card.debitAccounting,
    status: 'enabled',
    usage: card.usage,
    creditLimit: { currency: card.currency, amount: formatAmount(card.creditLimitCents) },
    ...(showBalances ? { balances: cardBalancesJson(ctx, card) } : {}),
    ...(Object.keys(links).length > 0 ? { _links: links } : {}),
  };
}

export function cardTransactionJson(ctx: RequestContext, card: CardAccount, tx: CardTransaction): Record<string, unknown> {
  const t = tx.template;
  const amount = ctx.env.defects.has('card-transaction-amount-as-number') ? tx.cents / 100 : formatAmount(tx.cents);
  return {
    cardTransactionId: tx.cardTransactionId,
    transactionDate: tx.entryDate,
    acceptorTransactionDateTime: tx.acceptorTransactionDateTime,
    ...(tx.bookingDate ? { bookingDate: tx.bookingDate } : {}),
    transactionAmount: { currency: tx.currency, amount },
    ...(t.original ? { originalAmount: { currency: t.original.currency, amount: formatAmount(t.original.cents) } } : {}),
    cardAcceptorAddress: { townName: t.townName, country: t.country },
    merchantCategoryCode: t.mcc,
    maskedPAN: card.maskedPan,
    transactionDetails: `${t.merchant}, ${t.townName}`,
    invoiced: tx.invoiced,
  };
}
