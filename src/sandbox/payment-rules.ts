/**
 * What each payment product asks of a credit transfer, whatever the body format (JSON or pain.001):
 * currencies, amount limits, the creditor agent and address, the execution date.
 */
import { addDays } from './dates.js';
import { AMOUNT_PATTERN, fitsCurrency } from './money.js';
import type { Identifier, Issues } from './validation.js';

export interface ProductRules {
  /** Human name, for messages. */
  label: string;
  /** Currencies the product accepts; absent: any ISO 4217 code. */
  currencies?: readonly string[];
  /** How the creditor account may be identified. */
  creditorIdentifiers: readonly Identifier[];
  /** Largest amount of one transfer, in minor units (SCT Inst: 100 000.00). */
  maxAmountCents?: number;
  creditorAgentRequired: boolean;
  creditorAddressRequired: boolean;
  /** Settles at once: no execution date other than today. */
  instant: boolean;
  /** The pain.001 service level (PmtTpInf/SvcLvl/Cd) the product implies. */
  serviceLevel?: 'SEPA' | 'URGP';
  /** The pain.001 local instrument (PmtTpInf/LclInstrm/Cd) the product implies. */
  localInstrument?: 'INST';
  /** The debtorAccount may be left out (the bank picks the account with the PSU during SCA; myPOS). */
  debtorAccountOptional?: boolean;
}

/** Latest execution date the bank accepts. */
export const MAX_EXECUTION_DAYS = 365;

/** Where each checked element sits in the request, for the tppMessage paths. */
export interface TransferPaths {
  amount: string;
  currency: string;
  creditorAgent: string;
  creditorAddress: string;
}

export interface TransferFacts {
  amount?: { currency: string; amount: string };
  creditorAgent?: string;
  creditorAddress?: unknown;
}

function cents(amount: string): number {
  const [whole, fraction = ''] = amount.replace('-', '').split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

/** The product's rules on one transfer (the amount's own format included); true when the amount passed them. */
export function checkTransfer(t: TransferFacts, rules: ProductRules, paths: TransferPaths, issues: Issues): boolean {
  let ok = true;
  const fail = (path: string, text: string, code?: string): void => {
    ok = false;
    issues.add(path, text, code);
  };
  if (t.amount) {
    const { amount, currency } = t.amount;
    if (!AMOUNT_PATTERN.test(amount)) fail(paths.amount, `${paths.amount} must be a decimal such as "123.45"`);
    else if (amount.startsWith('-') || /^0+(\.0+)?$/.test(amount)) fail(paths.amount, `${paths.amount} must be greater than zero`);
    else if (!fitsCurrency(amount, currency)) fail(paths.amount, `${paths.amount} has more decimals than ${currency} allows`);
    else if (rules.currencies && !rules.currencies.includes(currency)) {
      fail(paths.currency, `${rules.label} accepts only ${rules.currencies.join(', ')}, not ${currency}`);
    } else if (rules.maxAmountCents !== undefined && cents(amount) > rules.maxAmountCents) {
      fail(paths.amount, `${rules.label} is limited to ${rules.maxAmountCents / 100} ${currency} per transfer`);
    }
  }
  if (rules.creditorAgentRequired && !t.creditorAgent) fail(paths.creditorAgent, `${rules.label} needs the creditor agent (BIC) at ${paths.creditorAgent}`);
  if (rules.creditorAddressRequired && !t.creditorAddress) fail(paths.creditorAddress, `${rules.label} needs the creditor address at ${paths.creditorAddress}`);
  return ok;
}

/**
 * A requested execution (or start) date: not in the past, not beyond a year, and today only for
 * instant products, judged on the bank's date `day`. Returns the date when it lies after it (a
 * future-dated payment).
 */
export function checkExecutionDate(date: string | undefined, rules: ProductRules, path: string, issues: Issues, day: string): string | undefined {
  if (date === undefined) return undefined;
  if (date < day) issues.add(path, `${path} lies in the past`, 'EXECUTION_DATE_INVALID');
  else if (date > addDays(day, MAX_EXECUTION_DAYS)) issues.add(path, `${path} lies more than ${MAX_EXECUTION_DAYS} days ahead`, 'EXECUTION_DATE_INVALID');
  else if (rules.instant && date !== day) issues.add(path, `${rules.label} are executed at once; ${path} can only be today`, 'EXECUTION_DATE_INVALID');
  else return date > day ? date : undefined;
  return undefined;
}
