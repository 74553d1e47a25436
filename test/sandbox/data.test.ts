import { describe, expect, it } from 'vitest';
import { ACCOUNTS, PSUS, balancesOf, transactionsOf } from '../../src/sandbox/data.js';
import { isValidIban, makeIban } from '../../src/sandbox/iban.js';

describe('sandbox data', () => {
  it('computes IBAN check digits (mod 97)', () => {
    expect(makeIban('DE', '370400440532013000')).toBe('DE89370400440532013000');
    expect(makeIban('GB', 'WEST12345698765432')).toBe('GB82WEST12345698765432');
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('DE88370400440532013000')).toBe(false);
    expect(isValidIban('de89370400440532013000')).toBe(false);
  });

  it('has the two PSUs with their accounts, all with valid IBANs and BICs', () => {
    expect(PSUS.map((p) => [p.id, p.password])).toEqual([
      ['psu-alice', 'sandbox-alice-1'],
      ['psu-bob', 'sandbox-bob-2'],
    ]);
    const alice = ACCOUNTS.filter((a) => a.psuId === 'psu-alice');
    expect(alice.map((a) => a.currency)).toEqual(['EUR', 'USD']);
    expect(ACCOUNTS.filter((a) => a.psuId === 'psu-bob').map((a) => a.currency)).toEqual(['EUR']);
    for (const a of ACCOUNTS) {
      expect(isValidIban(a.iban), a.iban).toBe(true);
      expect(a.iban.startsWith('DE')).toBe(true);
      expect(a.iban).toHaveLength(22);
      expect(a.bic).toMatch(/^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/);
    }
  });

  it('gives each account about 12 transactions, booked and pending, with valid counterparty IBANs', () => {
    const today = '2025-03-15';
    for (const a of ACCOUNTS) {
      const txs = transactionsOf(a, today);
      expect(txs).toHaveLength(12);
      expect(txs.some((t) => t.status === 'pending')).toBe(true);
      expect(txs.filter((t) => t.status === 'booked').length).toBeGreaterThanOrEqual(9);
      expect(new Set(txs.map((t) => t.transactionId)).size).toBe(12);
      for (const t of txs) {
        if (t.counterparty.iban) expect(isValidIban(t.counterparty.iban), t.counterparty.iban).toBe(true);
        expect(t.remittance.length).toBeLessThanOrEqual(140);
        expect(t.entryDate <= today).toBe(true);
        if (t.status === 'booked') expect(t.bookingDate).toBe(t.entryDate);
      }
      expect(balancesOf(a, today).map((b) => b.type)).toEqual(['closingBooked', 'expected', 'interimAvailable']);
    }
  });
});
