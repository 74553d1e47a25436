/**
 * The bank's static data: PSUs, their payment accounts and card accounts, and each account's
 * transactions and balances. Dates are relative to "today" so the data always looks recent;
 * IBANs get computed check digits. The histories themselves are in history.ts and card-history.ts.
 */
import { CARD_HISTORIES, type CardTemplate } from './card-history.js';
import { addDays } from './dates.js';
import {
  ALICE_EUR_HISTORY,
  ALICE_EUR_IBAN,
  ALICE_GBP_HISTORY,
  ALICE_GBP_IBAN,
  ALICE_USD_HISTORY,
  ALICE_USD_IBAN,
  BANK_BIC,
  BOB_EUR_HISTORY,
  BOB_EUR_IBAN,
  CORPORATE_EUR_IBAN,
  type Counterparty,
  type TransactionTemplate,
} from './history.js';

export { BANK_BIC, type Counterparty } from './history.js';

/** An SCA method of a PSU: embedded ones answer a challenge through the TPP, decoupled ones in the bank's app. */
export interface ScaMethod {
  authenticationType: 'SMS_OTP' | 'CHIP_OTP' | 'PHOTO_OTP' | 'PUSH_OTP';
  authenticationMethodId: string;
  name: string;
  explanation: string;
  decoupled: boolean;
}

export interface Psu {
  id: string;
  password: string;
  name: string;
  /** The one-time password this PSU's embedded challenges accept (sandbox test data, as the password). */
  otp: string;
  scaMethods: readonly ScaMethod[];
}

/** An account whose payments need several PSUs' authorisations (multilevel SCA): every authoriser signs. */
export interface JointAccount {
  iban: string;
  name: string;
  currency: string;
  authorisers: readonly string[];
}

export interface BankAccount {
  kind: 'account';
  resourceId: string;
  psuId: string;
  iban: string;
  bic: string;
  currency: string;
  name: string;
  product: string;
  ownerName: string;
  cashAccountType: 'CACC' | 'SVGS';
  usage: 'PRIV' | 'ORGA';
  /** The PSU has enabled confirmation of funds (PIIS) on this account. */
  piisEnabled: boolean;
  /** Booked balance before the oldest listed transaction, in cents. */
  openingCents: number;
  templates: readonly TransactionTemplate[];
}

export interface CardAccount {
  kind: 'card';
  resourceId: string;
  psuId: string;
  maskedPan: string;
  currency: string;
  name: string;
  product: string;
  ownerName: string;
  usage: 'PRIV' | 'ORGA';
  creditLimitCents: number;
  /** false: the card's balance is a credit limit drawn down (credit card). */
  debitAccounting: boolean;
  templates: readonly CardTemplate[];
}

/** An account of either kind, as consents and AIS reads see it. */
export type AnyAccount = BankAccount | CardAccount;

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

export type BalanceType = 'closingBooked' | 'expected' | 'interimAvailable' | 'interimBooked' | 'nonInvoiced' | 'openingBooked';

export interface Balance {
  type: BalanceType;
  cents: number;
  currency: string;
  referenceDate?: string;
  lastChangeDateTime?: string;
}

/** Nino's GEL current account at the bank's Georgian branch (bank code XS). */
export const NINO_GEL_IBAN = 'GE18XS0000000101904917';

const SMS: ScaMethod = { authenticationType: 'SMS_OTP', authenticationMethodId: 'sms-otp', name: 'SMS to +49 170 ***4321', explanation: 'A code by text message', decoupled: false };
const CHIP: ScaMethod = { authenticationType: 'CHIP_OTP', authenticationMethodId: 'chip-otp', name: 'chipTAN reader', explanation: 'A code from the card reader', decoupled: false };
const APP: ScaMethod = { authenticationType: 'PUSH_OTP', authenticationMethodId: 'app-push', name: 'Sandbox Bank app', explanation: 'Confirm in the banking app', decoupled: true };
const WATCH: ScaMethod = { authenticationType: 'PUSH_OTP', authenticationMethodId: 'watch-push', name: 'Sandbox Bank watch app', explanation: 'Confirm on the watch', decoupled: true };

/**
 * Alice has two embedded methods (the TPP selects one) and one decoupled app; Bob one embedded
 * method (chosen at once) and two decoupled apps (the TPP selects one).
 */
export const PSUS: readonly Psu[] = [
  { id: 'psu-alice', password: 'sandbox-alice-1', name: 'Alice Schmidt', otp: '246810', scaMethods: [SMS, CHIP, APP] },
  { id: 'psu-bob', password: 'sandbox-bob-2', name: 'Bob Weber', otp: '135790', scaMethods: [SMS, APP, WATCH] },
  // A customer of the bank's Georgian branch: the PSU of the bank-variant mode's GEL payments.
  { id: 'psu-nino', password: 'sandbox-nino-3', name: 'Nino Beridze', otp: '975311', scaMethods: [SMS, APP] },
];

/** The firm account of Alice and Bob: a payment from it needs both (multilevel SCA, explicit start). */
export const JOINT_ACCOUNTS: readonly JointAccount[] = [
  { iban: CORPORATE_EUR_IBAN, name: 'Schmidt & Weber GbR', currency: 'EUR', authorisers: ['psu-alice', 'psu-bob'] },
];

export function jointAccountByIban(iban: string | undefined): JointAccount | undefined {
  return iban === undefined ? undefined : JOINT_ACCOUNTS.find((a) => a.iban === iban);
}

const account = (a: Omit<BankAccount, 'kind' | 'bic' | 'usage'> & Partial<Pick<BankAccount, 'usage'>>): BankAccount => ({
  kind: 'account',
  bic: BANK_BIC,
  usage: 'PRIV',
  ...a,
});

export const ACCOUNTS: readonly BankAccount[] = [
  account({
    resourceId: 'acc-alice-eur',
    psuId: 'psu-alice',
    iban: ALICE_EUR_IBAN,
    currency: 'EUR',
    name: 'Girokonto',
    product: 'Girokonto Plus',
    ownerName: 'Alice Schmidt',
    cashAccountType: 'CACC',
    piisEnabled: true,
    openingCents: 184_250,
    templates: ALICE_EUR_HISTORY,
  }),
  account({
    resourceId: 'acc-alice-usd',
    psuId: 'psu-alice',
    iban: ALICE_USD_IBAN,
    currency: 'USD',
    name: 'US Dollar Account',
    product: 'Fremdwaehrungskonto',
    ownerName: 'Alice Schmidt',
    cashAccountType: 'CACC',
    piisEnabled: true,
    openingCents: 521_000,
    templates: ALICE_USD_HISTORY,
  }),
  account({
    resourceId: 'acc-alice-gbp',
    psuId: 'psu-alice',
    iban: ALICE_GBP_IBAN,
    currency: 'GBP',
    name: 'Sterling Savings',
    product: 'Tagesgeld GBP',
    ownerName: 'Alice Schmidt',
    cashAccountType: 'SVGS',
    piisEnabled: false,
    openingCents: 20_000,
    templates: ALICE_GBP_HISTORY,
  }),
  account({
    resourceId: 'acc-bob-eur',
    psuId: 'psu-bob',
    iban: BOB_EUR_IBAN,
    currency: 'EUR',
    name: 'Girokonto',
    product: 'Girokonto Basis',
    ownerName: 'Bob Weber',
    cashAccountType: 'CACC',
    piisEnabled: true,
    openingCents: 97_310,
    templates: BOB_EUR_HISTORY,
  }),
  {
    ...account({
      resourceId: 'acc-nino-gel',
      psuId: 'psu-nino',
      iban: NINO_GEL_IBAN,
      currency: 'GEL',
      name: 'მიმდინარე ანგარიში',
      product: 'Current account GEL',
      ownerName: 'Nino Beridze',
      cashAccountType: 'CACC',
      piisEnabled: true,
      openingCents: 412_560,
      templates: BOB_EUR_HISTORY,
    }),
    bic: 'XSBKGE22',
  },
];

export const CARD_ACCOUNTS: readonly CardAccount[] = [
  {
    kind: 'card',
    resourceId: 'card-alice-visa',
    psuId: 'psu-alice',
    maskedPan: '525412******3241',
    currency: 'EUR',
    name: 'Visa Gold',
    product: 'Kreditkarte Gold',
    ownerName: 'Alice Schmidt',
    usage: 'PRIV',
    creditLimitCents: 300_000,
    debitAccounting: false,
    templates: CARD_HISTORIES['card-alice-visa']!,
  },
  {
    kind: 'card',
    resourceId: 'card-bob-master',
    psuId: 'psu-bob',
    maskedPan: '545301******0045',
    currency: 'EUR',
    name: 'Mastercard Standard',
    product: 'Kreditkarte Standard',
    ownerName: 'Bob Weber',
    usage: 'PRIV',
    creditLimitCents: 150_000,
    debitAccounting: false,
    templates: CARD_HISTORIES['card-bob-master']!,
  },
];

export function findPsu(id: string): Psu | undefined {
  return PSUS.find((p) => p.id === id);
}

export function accountsOf(psuId: string): BankAccount[] {
  return ACCOUNTS.filter((a) => a.psuId === psuId);
}

export function cardAccountsOf(psuId: string): CardAccount[] {
  return CARD_ACCOUNTS.filter((a) => a.psuId === psuId);
}

export function accountById(resourceId: string): BankAccount | undefined {
  return ACCOUNTS.find((a) => a.resourceId === resourceId);
}

export function cardAccountById(resourceId: string): CardAccount | undefined {
  return CARD_ACCOUNTS.find((a) => a.resourceId === resourceId);
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
    .sort((a, b) => (a.entryDate < b.entryDate ? 1 : a.entryDate > b.entryDate ? -1 : a.transactionId < b.transactionId ? 1 : -1));
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

/** The balance a funds check compares against: interimAvailable. */
export function availableCents(account: BankAccount, today: string): number {
  return balancesOf(account, today).find((b) => b.type === 'interimAvailable')!.cents;
}
