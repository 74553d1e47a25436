import { describe, expect, it } from 'vitest';
import { cardBalancesOf, cardTransactionsOf } from '../../src/sandbox/card-ledger.js';
import { ACCOUNTS, CARD_ACCOUNTS, PSUS, balancesOf, transactionsOf } from '../../src/sandbox/data.js';
import { isValidIban, makeIban } from '../../src/sandbox/iban.js';

describe('sandbox data', () => {
  const today = '2025-03-15';

  it('computes IBAN check digits (mod 97)', () => {
    expect(makeIban('DE', '370400440532013000')).toBe('DE89370400440532013000');
    expect(makeIban('GB', 'WEST12345698765432')).toBe('GB82WEST12345698765432');
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('DE88370400440532013000')).toBe(false);
    expect(isValidIban('de89370400440532013000')).toBe(false);
  });

  it('has the three PSUs with accounts in several currencies, all with valid IBANs and BICs', () => {
    expect(PSUS.map((p) => [p.id, p.password])).toEqual([
      ['psu-alice', 'sandbox-alice-1'],
      ['psu-bob', 'sandbox-bob-2'],
      ['psu-nino', 'sandbox-nino-3'],
    ]);
    const alice = ACCOUNTS.filter((a) => a.psuId === 'psu-alice');
    expect(alice.map((a) => a.currency)).toEqual(['EUR', 'USD', 'GBP']);
    expect(ACCOUNTS.filter((a) => a.psuId === 'psu-bob').map((a) => a.currency)).toEqual(['EUR']);
    for (const a of ACCOUNTS) {
      expect(isValidIban(a.iban), a.iban).toBe(true);
      expect(a.iban.slice(0, 2)).toBe(a.psuId === 'psu-nino' ? 'GE' : 'DE');
      expect(a.iban).toHaveLength(22);
      expect(a.bic).toMatch(/^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/);
    }
    expect(ACCOUNTS.filter((a) => !a.piisEnabled).map((a) => a.resourceId)).toEqual(['acc-alice-gbp']);
  });

  it('gives the main account a history long enough to page (over 60 entries), every account booked and pending entries with unique ids', () => {
    expect(transactionsOf(ACCOUNTS[0]!, today).length).toBeGreaterThan(60);
    for (const a of ACCOUNTS) {
      const txs = transactionsOf(a, today);
      expect(txs.length).toBeGreaterThanOrEqual(5);
      expect(txs.filter((t) => t.status === 'booked').length).toBeGreaterThanOrEqual(4);
      expect(new Set(txs.map((t) => t.transactionId)).size).toBe(txs.length);
      for (let i = 1; i < txs.length; i++) expect(txs[i - 1]!.entryDate >= txs[i]!.entryDate).toBe(true);
      for (const t of txs) {
        if (t.counterparty.iban) expect(isValidIban(t.counterparty.iban), t.counterparty.iban).toBe(true);
        expect(t.remittance.length).toBeLessThanOrEqual(140);
        expect(t.entryDate <= today).toBe(true);
        if (t.status === 'booked') expect(t.bookingDate).toBe(t.entryDate);
      }
      expect(balancesOf(a, today).map((b) => b.type)).toEqual(['closingBooked', 'expected', 'interimAvailable']);
    }
    expect(ACCOUNTS.some((a) => transactionsOf(a, today).some((t) => t.status === 'pending'))).toBe(true);
  });

  it('has a credit card per PSU with masked PANs, purchases (some abroad) and balances that add up', () => {
    expect(CARD_ACCOUNTS.map((c) => [c.psuId, c.maskedPan])).toEqual([
      ['psu-alice', '525412******3241'],
      ['psu-bob', '545301******0045'],
    ]);
    for (const card of CARD_ACCOUNTS) {
      expect(card.maskedPan).toMatch(/^[0-9]{6}\*{6}[0-9]{4}$/);
      const txs = cardTransactionsOf(card, today);
      expect(new Set(txs.map((t) => t.cardTransactionId)).size).toBe(txs.length);
      for (const t of txs) if (t.bookingDate) expect(t.bookingDate <= today).toBe(true);
      const [booked, nonInvoiced, available] = cardBalancesOf(card, today);
      expect(booked!.type).toBe('interimBooked');
      expect(nonInvoiced!.cents).toBeGreaterThanOrEqual(booked!.cents);
      expect(available!.cents).toBe(card.creditLimitCents + txs.reduce((s, t) => s + t.cents, 0));
    }
    expect(cardTransactionsOf(CARD_ACCOUNTS[0]!, today).some((t) => t.template.original?.currency === 'USD')).toBe(true);
  });
});
