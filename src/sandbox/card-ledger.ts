/** Card transactions and card balances computed from a card account's history. */
import type { CardTemplate } from './card-history.js';
import type { Balance, CardAccount } from './data.js';
import { addDays } from './dates.js';

export interface CardTransaction {
  cardTransactionId: string;
  status: 'booked' | 'pending';
  /** Purchase date; the filter date. */
  entryDate: string;
  bookingDate?: string;
  acceptorTransactionDateTime: string;
  cents: number;
  currency: string;
  template: CardTemplate;
  /** Booked entries up to the last statement date are invoiced. */
  invoiced: boolean;
}

/** Card statements close on the 1st of the month. */
function lastStatementDate(today: string): string {
  return `${today.slice(0, 8)}01`;
}

/** The card's transactions, newest first. */
export function cardTransactionsOf(card: CardAccount, today: string): CardTransaction[] {
  const statement = lastStatementDate(today);
  return card.templates
    .map((tpl, i): CardTransaction => {
      const entryDate = addDays(today, -tpl.daysAgo);
      const booked = !tpl.pending;
      // booked the day after the purchase, but never in the future
      const bookingDate = booked ? addDays(entryDate, tpl.daysAgo >= 1 ? 1 : 0) : undefined;
      return {
        cardTransactionId: `${card.resourceId}-ctx-${String(i + 1).padStart(3, '0')}`,
        status: booked ? 'booked' : 'pending',
        entryDate,
        ...(bookingDate ? { bookingDate } : {}),
        acceptorTransactionDateTime: `${entryDate}T${tpl.time}:00Z`,
        cents: tpl.cents,
        currency: card.currency,
        template: tpl,
        invoiced: bookingDate !== undefined && bookingDate < statement,
      };
    })
    .sort((a, b) => (a.entryDate < b.entryDate ? 1 : a.entryDate > b.entryDate ? -1 : a.cardTransactionId < b.cardTransactionId ? 1 : -1));
}

/**
 * A credit card's balances: what is booked and not yet invoiced (nonInvoiced), the booked total
 * (interimBooked) and the credit still available (interimAvailable, pending purchases included).
 */
export function cardBalancesOf(card: CardAccount, today: string): Balance[] {
  const txs = cardTransactionsOf(card, today);
  const sum = (list: CardTransaction[]): number => list.reduce((acc, tx) => acc + tx.cents, 0);
  const booked = txs.filter((t) => t.status === 'booked');
  const nonInvoiced = booked.filter((t) => !t.invoiced);
  return [
    { type: 'interimBooked', cents: sum(booked), currency: card.currency, referenceDate: today },
    { type: 'nonInvoiced', cents: sum(nonInvoiced), currency: card.currency, referenceDate: today },
    { type: 'interimAvailable', cents: card.creditLimitCents + sum(txs), currency: card.currency, referenceDate: today },
  ];
}
