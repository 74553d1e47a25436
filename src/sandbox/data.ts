/**
 * The bank's static data: PSUs, their accounts, and each account's transactions and balances.
 * Dates are relative to "today" so the data always looks recent; IBANs get computed check digits.
 */
import { addDays } from './dates.js';
import { makeIban } from './iban.js';

export interface Psu {
  id: string;
  password: string;
  name: string;
}

export interface Counterparty {
  name: string;
  iban?: string;
}

interface TransactionTemplate {
  /** Days before today of the entry (booking date for booked entries). */
  daysAgo: number;
  cents: number;
  counterparty: Counterparty;
  remittance: string;
  pending?: boolean;
  /** Value date offset from the entry date. */
  valueShift?: number;
  bankTransactionCode: string;
}

export interface BankAccount {
  resourceId: string;
  psuId: string;
  iban: string;
  bic: string;
  currency: string;
  name: string;
  product: string;
  ownerName: string;
  cashAccountType: 'CACC';
  usage: 'PRIV' | 'ORGA';
  /** Booked balance before the oldest listed transaction, in cents. */
  openingCents: number;
  templates: TransactionTemplate[];
}

export interface Transaction {
  transactionId: string;
  status: 'booked' | 'pending';
  /** The date the filter uses: booking date for booked, entry date for pending. */
  entryDate: string;
  bookingDate?: string;
  valueDate: string;
  cents: number;
  currency: string;
  /** For outgoing entries (negative amounts) the creditor, else the debtor. */
  counterparty: Counterparty;
  /** The account holder, the other party of the entry. */
  self: Counterparty;
  remittance: string;
  bankTransactionCode: string;
}

export type BalanceType = 'closingBooked' | 'expected' | 'interimAvailable';

export interface Balance {
  type: BalanceType;
  cents: number;
  currency: string;
  referenceDate?: string;
  lastChangeDateTime?: string;
}

export const BANK_BIC = 'SBOXDEB1XXX';
const BANK_CODE = '12345678';

export const PSUS: readonly Psu[] = [
  { id: 'psu-alice', password: 'sandbox-alice-1', name: 'Alice Schmidt' },
  { id: 'psu-bob', password: 'sandbox-bob-2', name: 'Bob Weber' },
];

const de = (bankCode: string, accountNo: string): string => makeIban('DE', `${bankCode}${accountNo}`);

const ALICE_EUR_IBAN = de(BANK_CODE, '0123456701');
const ALICE_USD_IBAN = de(BANK_CODE, '0123456702');
const BOB_EUR_IBAN = de(BANK_CODE, '0987654301');

const employerA: Counterparty = { name: 'Muster Software GmbH', iban: de('20050000', '0004711001') };
const employerB: Counterparty = { name: 'Nordlicht Logistik AG', iban: de('30060000', '0008150002') };
const landlord: Counterparty = { name: 'Hausverwaltung Berg KG', iban: de('10070000', '0024680003') };
const utility: Counterparty = { name: 'Stadtwerke Sandbox', iban: de('10090000', '0013579004') };
const grocer: Counterparty = { name: 'Bio Markt Kreuzberg', iban: makeIban('NL', 'ABNA0417164300') };
const telco: Counterparty = { name: 'Funknetz Mobil GmbH', iban: de('60050000', '0011223305') };
const insurer: Counterparty = { name: 'Sicher Versicherung AG', iban: makeIban('AT', '1904300234573201') };
const gym: Counterparty = { name: 'FitWerk Studio', iban: de('50010000', '0099887706') };
const cafe: Counterparty = { name: 'Cafe Mitte' };
const bookshop: Counterparty = { name: 'Libris Buchhandlung', iban: makeIban('FR', '20041010050500013M02606') };
const alice: Counterparty = { name: 'Alice Schmidt', iban: ALICE_EUR_IBAN };
const bob: Counterparty = { name: 'Bob Weber', iban: BOB_EUR_IBAN };

const t = (
  daysAgo: number,
  cents: number,
  counterparty: Counterparty,
  remittance: string,
  bankTransactionCode: string,
  extra: Partial<TransactionTemplate> = {},
): TransactionTemplate => ({ daysAgo, cents, counterparty, remittance, bankTransactionCode, ...extra });

export const ACCOUNTS: readonly BankAccount[] = [
  {
    resourceId: 'acc-alice-eur',
    psuId: 'psu-alice',
    iban: ALICE_EUR_IBAN,
    bic: BANK_BIC,
    currency: 'EUR',
    name: 'Girokonto',
    product: 'Girokonto Plus',
    ownerName: 'Alice Schmidt',
    cashAccountType: 'CACC',
    usage: 'PRIV',
    openingCents: 184_250,
    templates: [
      t(58, 320_000, employerA, 'Gehalt Monat 1', 'PMNT-RCDT-ESCT'),
      t(56, -115_000, landlord, 'Miete Wohnung 3B', 'PMNT-ICDT-STDO'),
      t(50, -6_437, grocer, 'Einkauf Karte 4711', 'PMNT-CCRD-POSD', { valueShift: 1 }),
      t(44, -7_800, utility, 'Abschlag Strom Vertrag 884211', 'PMNT-IDDT-ESDD'),
      t(37, -2_999, telco, 'Mobilfunk Rechnung 2023-118', 'PMNT-IDDT-ESDD'),
      t(30, 320_000, employerA, 'Gehalt Monat 2', 'PMNT-RCDT-ESCT'),
      t(28, -115_000, landlord, 'Miete Wohnung 3B', 'PMNT-ICDT-STDO'),
      t(21, 2_500, bob, 'Anteil Konzertkarten', 'PMNT-RCDT-ESCT'),
      t(14, -11_240, insurer, 'Haftpflicht Jahresbeitrag', 'PMNT-IDDT-ESDD'),
      t(6, -4_280, bookshop, 'Bestellung 99812', 'PMNT-ICDT-ESCT', { valueShift: 1 }),
      t(1, -1_560, cafe, 'Kartenzahlung Cafe Mitte', 'PMNT-CCRD-POSD', { pending: true }),
      t(0, 1_999, bookshop, 'Erstattung Bestellung 99812', 'PMNT-RCDT-ESCT', { pending: true }),
    ],
  },
  {
    resourceId: 'acc-alice-usd',
    psuId: 'psu-alice',
    iban: ALICE_USD_IBAN,
    bic: BANK_BIC,
    currency: 'USD',
    name: 'US Dollar Account',
    product: 'Fremdwaehrungskonto',
    ownerName: 'Alice Schmidt',
    cashAccountType: 'CACC',
    usage: 'PRIV',
    openingCents: 521_000,
    templates: [
      t(60, 240_000, { name: 'Acme Analytics Inc' }, 'Invoice 2023-041 consulting', 'PMNT-RCDT-XBCT'),
      t(59, -1_500, { name: 'Sandbox Bank' }, 'Incoming wire fee', 'ACMT-MDOP-CHRG'),
      t(52, -4_900, { name: 'Cloud Tools Inc' }, 'Subscription March', 'PMNT-CCRD-POSD'),
      t(45, -12_000, { name: 'Skyline Hotels' }, 'Booking 55-1902', 'PMNT-CCRD-POSD', { valueShift: 2 }),
      t(40, 180_000, { name: 'Acme Analytics Inc' }, 'Invoice 2023-047 consulting', 'PMNT-RCDT-XBCT'),
      t(39, -1_500, { name: 'Sandbox Bank' }, 'Incoming wire fee', 'ACMT-MDOP-CHRG'),
      t(33, -4_900, { name: 'Cloud Tools Inc' }, 'Subscription April', 'PMNT-CCRD-POSD'),
      t(24, -35_000, alice, 'Transfer to EUR account', 'PMNT-ICDT-XBCT'),
      t(18, 95_000, { name: 'Brightside Media LLC' }, 'Invoice 2023-052 workshop', 'PMNT-RCDT-XBCT'),
      t(11, -8_750, { name: 'Conference Hub' }, 'Ticket API Days', 'PMNT-CCRD-POSD'),
      t(4, -4_900, { name: 'Cloud Tools Inc' }, 'Subscription May', 'PMNT-CCRD-POSD'),
      t(0, 60_000, { name: 'Acme Analytics Inc' }, 'Invoice 2023-055 consulting', 'PMNT-RCDT-XBCT', { pending: true }),
    ],
  },
  {
    resourceId: 'acc-bob-eur',
    psuId: 'psu-bob',
    iban: BOB_EUR_IBAN,
    bic: BANK_BIC,
    currency: 'EUR',
    name: 'Girokonto',
    product: 'Girokonto Basis',
    ownerName: 'Bob Weber',
    cashAccountType: 'CACC',
    usage: 'PRIV',
    openingCents: 97_310,
    templates: [
      t(57, 275_000, employerB, 'Lohn Monat 1', 'PMNT-RCDT-ESCT'),
      t(55, -89_000, landlord, 'Miete Whg 12', 'PMNT-ICDT-STDO'),
      t(49, -3_490, gym, 'Mitgliedsbeitrag', 'PMNT-IDDT-ESDD'),
      t(42, -5_212, grocer, 'Einkauf Karte 1188', 'PMNT-CCRD-POSD', { valueShift: 1 }),
      t(35, -6_400, utility, 'Abschlag Gas Vertrag 771002', 'PMNT-IDDT-ESDD'),
      t(29, 275_000, employerB, 'Lohn Monat 2', 'PMNT-RCDT-ESCT'),
      t(27, -89_000, landlord, 'Miete Whg 12', 'PMNT-ICDT-STDO'),
      t(21, -2_500, alice, 'Anteil Konzertkarten', 'PMNT-ICDT-ESCT'),
      t(19, -3_490, gym, 'Mitgliedsbeitrag', 'PMNT-IDDT-ESDD'),
      t(9, -1_999, telco, 'Prepaid Aufladung', 'PMNT-CCRD-POSD'),
      t(2, -2_315, grocer, 'Einkauf Karte 1188', 'PMNT-CCRD-POSD', { pending: true }),
      t(0, -890, cafe, 'Kartenzahlung Cafe Mitte', 'PMNT-CCRD-POSD', { pending: true }),
    ],
  },
];

export function findPsu(id: string): Psu | undefined {
  return PSUS.find((p) => p.id === id);
}

export function accountsOf(psuId: string): BankAccount[] {
  return ACCOUNTS.filter((a) => a.psuId === psuId);
}

export function accountById(resourceId: string): BankAccount | undefined {
  return ACCOUNTS.find((a) => a.resourceId === resourceId);
}

export function accountByIban(iban: string): BankAccount | undefined {
  return ACCOUNTS.find((a) => a.iban === iban);
}

/** The account's transactions, newest first, dated relative to `today`. */
export function transactionsOf(account: BankAccount, today: string): Transaction[] {
  const self: Counterparty = { name: account.ownerName, iban: account.iban };
  return account.templates
    .map((tpl, i): Transaction => {
      const entryDate = addDays(today, -tpl.daysAgo);
      const booked = !tpl.pending;
      return {
        transactionId: `${account.resourceId}-tx-${String(i + 1).padStart(3, '0')}`,
        status: booked ? 'booked' : 'pending',
        entryDate,
        ...(booked ? { bookingDate: entryDate } : {}),
        valueDate: addDays(entryDate, tpl.valueShift ?? 0),
        cents: tpl.cents,
        currency: account.currency,
        counterparty: tpl.counterparty,
        self,
        remittance: tpl.remittance,
        bankTransactionCode: tpl.bankTransactionCode,
      };
    })
    .sort((a, b) => (a.entryDate < b.entryDate ? 1 : a.entryDate > b.entryDate ? -1 : 0));
}

/** Balances consistent with the transactions: booked up to yesterday, expected incl. pending. */
export function balancesOf(account: BankAccount, today: string, now: Date = new Date()): Balance[] {
  const txs = transactionsOf(account, today);
  const sum = (list: Transaction[]): number => list.reduce((acc, tx) => acc + tx.cents, 0);
  const yesterday = addDays(today, -1);
  const bookedToYesterday = txs.filter((tx) => tx.status === 'booked' && tx.entryDate <= yesterday);
  const bookedAll = txs.filter((tx) => tx.status === 'booked');
  const pending = txs.filter((tx) => tx.status === 'pending');
  const closingBooked = account.openingCents + sum(bookedToYesterday);
  const expected = account.openingCents + sum(bookedAll) + sum(pending);
  const outgoingPending = pending.filter((tx) => tx.cents < 0);
  const interimAvailable = account.openingCents + sum(bookedAll) + sum(outgoingPending);
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    { type: 'closingBooked', cents: closingBooked, currency: account.currency, referenceDate: yesterday },
    { type: 'expected', cents: expected, currency: account.currency, lastChangeDateTime: stamp },
    { type: 'interimAvailable', cents: interimAvailable, currency: account.currency, referenceDate: today },
  ];
}
