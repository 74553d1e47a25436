/**
 * The booking histories of the reference bank's accounts: counterparties and entry templates,
 * dated in days before today. Recurring entries (salary, rent, groceries, …) are generated so that
 * the main account has a history long enough for paging (well over 60 entries in 120 days).
 */
import { makeIban } from './iban.js';

export interface Counterparty {
  name: string;
  iban?: string;
}

export interface TransactionTemplate {
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

export const BANK_BIC = 'SBOXDEB1XXX';
export const BANK_CODE = '12345678';

export const de = (bankCode: string, accountNo: string): string => makeIban('DE', `${bankCode}${accountNo}`);

export const ALICE_EUR_IBAN = de(BANK_CODE, '0123456701');
export const ALICE_USD_IBAN = de(BANK_CODE, '0123456702');
export const ALICE_GBP_IBAN = de(BANK_CODE, '0123456703');
export const BOB_EUR_IBAN = de(BANK_CODE, '0987654301');
/** The firm account Alice and Bob sign for together (multilevel SCA); it has no booking history. */
export const CORPORATE_EUR_IBAN = de(BANK_CODE, '0555000101');

const employerA: Counterparty = { name: 'Muster Software GmbH', iban: de('20050000', '0004711001') };
const employerB: Counterparty = { name: 'Nordlicht Logistik AG', iban: de('30060000', '0008150002') };
const landlord: Counterparty = { name: 'Hausverwaltung Berg KG', iban: de('10070000', '0024680003') };
const utility: Counterparty = { name: 'Stadtwerke Sandbox', iban: de('10090000', '0013579004') };
const grocer: Counterparty = { name: 'Bio Markt Kreuzberg', iban: makeIban('NL', 'ABNA0417164300') };
const supermarket: Counterparty = { name: 'Frischemarkt Mitte', iban: de('10010010', '0055443307') };
const telco: Counterparty = { name: 'Funknetz Mobil GmbH', iban: de('60050000', '0011223305') };
const insurer: Counterparty = { name: 'Sicher Versicherung AG', iban: makeIban('AT', '1904300234573201') };
const gym: Counterparty = { name: 'FitWerk Studio', iban: de('50010000', '0099887706') };
const cafe: Counterparty = { name: 'Café Mitte' };
const atm: Counterparty = { name: 'Geldautomat Sandbox Bank' };
const bookshop: Counterparty = { name: 'Libris Buchhandlung', iban: makeIban('FR', '20041010050500013M02606') };
const alice: Counterparty = { name: 'Alice Schmidt', iban: ALICE_EUR_IBAN };
const aliceUsd: Counterparty = { name: 'Alice Schmidt', iban: ALICE_USD_IBAN };
const bob: Counterparty = { name: 'Bob Weber', iban: BOB_EUR_IBAN };

const t = (
  daysAgo: number,
  cents: number,
  counterparty: Counterparty,
  remittance: string,
  bankTransactionCode: string,
  extra: Partial<TransactionTemplate> = {},
): TransactionTemplate => ({ daysAgo, cents, counterparty, remittance, bankTransactionCode, ...extra });

/** Entries every `every` days from `from` days ago down to `to`, built by `make(n)` (n counts from 0). */
function every(every: number, from: number, to: number, make: (n: number, daysAgo: number) => TransactionTemplate): TransactionTemplate[] {
  const out: TransactionTemplate[] = [];
  for (let d = from, n = 0; d >= to; d -= every, n++) out.push(make(n, d));
  return out;
}

/** A deterministic spread of amounts: base plus a varying part below `spread` cents. */
const varying = (n: number, base: number, spread: number): number => base + ((n * 7919) % spread);

/** Alice's current account: four months of salary, rent, bills, groceries, cafés and cash. */
export const ALICE_EUR_HISTORY: readonly TransactionTemplate[] = [
  ...every(30, 118, 28, (n, d) => t(d, 320_000, employerA, `Gehalt Monat ${n + 1}`, 'PMNT-RCDT-ESCT')),
  ...every(30, 116, 26, (_n, d) => t(d, -115_000, landlord, 'Miete Wohnung 3B', 'PMNT-ICDT-STDO')),
  ...every(30, 110, 20, (n, d) => t(d, -7_800, utility, `Abschlag Strom Vertrag 884211 Rate ${n + 1}`, 'PMNT-IDDT-ESDD')),
  ...every(30, 103, 13, (n, d) => t(d, -2_999, telco, `Mobilfunk Rechnung 2025-${110 + n}`, 'PMNT-IDDT-ESDD')),
  ...every(30, 100, 10, (_n, d) => t(d, -3_490, gym, 'Mitgliedsbeitrag FitWerk', 'PMNT-IDDT-ESDD')),
  ...every(4, 117, 5, (n, d) =>
    t(d, -varying(n, 1_850, 6_400), n % 2 === 0 ? grocer : supermarket, `Einkauf Karte 4711 Beleg ${3100 + n}`, 'PMNT-CCRD-POSD', { valueShift: n % 3 === 0 ? 1 : 0 }),
  ),
  ...every(7, 111, 6, (n, d) => t(d, -varying(n, 380, 900), cafe, 'Kartenzahlung Cafe Mitte', 'PMNT-CCRD-POSD')),
  ...every(14, 109, 11, (n, d) => t(d, -(n % 2 === 0 ? 10_000 : 5_000), atm, `Bargeldauszahlung Automat ${41 + n}`, 'PMNT-CCRD-CWDL')),
  t(21, 2_500, bob, 'Anteil Konzertkarten', 'PMNT-RCDT-ESCT'),
  t(47, 35_000, aliceUsd, 'Transfer from USD account', 'PMNT-RCDT-XBCT'),
  t(14, -11_240, insurer, 'Haftpflicht Jahresbeitrag', 'PMNT-IDDT-ESDD'),
  t(6, -4_280, bookshop, 'Bestellung 99812', 'PMNT-ICDT-ESCT', { valueShift: 1 }),
  t(1, -1_560, cafe, 'Kartenzahlung Cafe Mitte', 'PMNT-CCRD-POSD', { pending: true }),
  t(0, 1_999, bookshop, 'Erstattung Bestellung 99812', 'PMNT-RCDT-ESCT', { pending: true }),
];

export const ALICE_USD_HISTORY: readonly TransactionTemplate[] = [
  t(60, 240_000, { name: 'Acme Analytics Inc' }, 'Invoice 2023-041 consulting', 'PMNT-RCDT-XBCT'),
  t(59, -1_500, { name: 'Sandbox Bank' }, 'Incoming wire fee', 'ACMT-MDOP-CHRG'),
  t(52, -4_900, { name: 'Cloud Tools Inc' }, 'Subscription March', 'PMNT-CCRD-POSD'),
  t(47, -38_150, alice, 'Transfer to EUR account', 'PMNT-ICDT-XBCT'),
  t(45, -12_000, { name: 'Skyline Hotels' }, 'Booking 55-1902', 'PMNT-CCRD-POSD', { valueShift: 2 }),
  t(40, 180_000, { name: 'Acme Analytics Inc' }, 'Invoice 2023-047 consulting', 'PMNT-RCDT-XBCT'),
  t(39, -1_500, { name: 'Sandbox Bank' }, 'Incoming wire fee', 'ACMT-MDOP-CHRG'),
  t(33, -4_900, { name: 'Cloud Tools Inc' }, 'Subscription April', 'PMNT-CCRD-POSD'),
  t(18, 95_000, { name: 'Brightside Media LLC' }, 'Invoice 2023-052 workshop', 'PMNT-RCDT-XBCT'),
  t(11, -8_750, { name: 'Conference Hub' }, 'Ticket API Days', 'PMNT-CCRD-POSD'),
  t(4, -4_900, { name: 'Cloud Tools Inc' }, 'Subscription May', 'PMNT-CCRD-POSD'),
  t(0, 60_000, { name: 'Acme Analytics Inc' }, 'Invoice 2023-055 consulting', 'PMNT-RCDT-XBCT', { pending: true }),
];

export const ALICE_GBP_HISTORY: readonly TransactionTemplate[] = [
  t(85, 150_000, alice, 'Savings transfer', 'PMNT-RCDT-XBCT'),
  t(55, 150_000, alice, 'Savings transfer', 'PMNT-RCDT-XBCT'),
  t(30, 412, { name: 'Sandbox Bank' }, 'Interest Q2', 'ACMT-MCOP-INTR'),
  t(25, 150_000, alice, 'Savings transfer', 'PMNT-RCDT-XBCT'),
  t(3, -60_000, { name: 'Harbour Lettings Ltd', iban: makeIban('GB', 'NWBK60161331926819') }, 'Deposit flat 4 Harbour Rd', 'PMNT-ICDT-XBCT'),
];

export const BOB_EUR_HISTORY: readonly TransactionTemplate[] = [
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
];
