/**
 * Validation of the JSON payment initiation bodies: single (paymentInitiation_json), bulk
 * (bulkPaymentInitiation_json) and periodic (periodicPaymentInitiation_json).
 */
import { formatError } from './errors.js';
import { type ProductRules, checkExecutionDate, checkTransfer } from './payment-rules.js';
import type { PaymentSchedule } from './store.js';
import {
  Issues,
  type Json,
  accountReferenceField,
  addressField,
  amountField,
  bicField,
  booleanField,
  dateField,
  isObject,
  join,
  stringField,
} from './validation.js';

export interface ValidatedPayment {
  /** The fields the bank understood, as GET will echo them. */
  data: Json;
  debtorIban?: string;
  schedule: PaymentSchedule;
}

const CHARGE_BEARERS = ['DEBT', 'CRED', 'SHAR', 'SLEV'];
export const FREQUENCIES = ['Daily', 'Weekly', 'EveryTwoWeeks', 'Monthly', 'EveryTwoMonths', 'Quarterly', 'SemiAnnual', 'Annual', 'MonthlyVariable'];
const MAX_BULK_ENTRIES = 100;

type Put = (key: string, value: unknown) => void;

function collector(data: Json): Put {
  return (key, value) => {
    if (value !== undefined) data[key] = value;
  };
}

/** The creditor side of one credit transfer (everything but the debtor and the dates). */
function transferFields(body: Json, prefix: string, issues: Issues, rules: ProductRules, put: Put): void {
  put('endToEndIdentification', stringField(body, 'endToEndIdentification', prefix, issues, false, { maxLength: 35 }));
  put('instructionIdentification', stringField(body, 'instructionIdentification', prefix, issues, false, { maxLength: 35 }));
  const amount = amountField(body, 'instructedAmount', prefix, issues, true);
  const creditorAgent = bicField(body, 'creditorAgent', prefix, issues);
  const creditorAddress = addressField(body, 'creditorAddress', prefix, issues);
  const path = (k: string): string => join(prefix, k);
  const ok = checkTransfer({ ...(amount ? { amount } : {}), ...(creditorAgent ? { creditorAgent } : {}), creditorAddress }, rules, {
    amount: path('instructedAmount.amount'),
    currency: path('instructedAmount.currency'),
    creditorAgent: path('creditorAgent'),
    creditorAddress: path('creditorAddress'),
  }, issues);
  if (ok) put('instructedAmount', amount);
  put('creditorAccount', accountReferenceField(body, 'creditorAccount', prefix, issues, true, rules.creditorIdentifiers));
  put('creditorAgent', creditorAgent);
  put('creditorAgentName', stringField(body, 'creditorAgentName', prefix, issues, false, { maxLength: 140 }));
  put('creditorName', stringField(body, 'creditorName', prefix, issues, true, { maxLength: 70 }));
  put('creditorAddress', creditorAddress);
  put('ultimateCreditor', stringField(body, 'ultimateCreditor', prefix, issues, false, { maxLength: 70 }));
  put(
    'chargeBearer',
    stringField(body, 'chargeBearer', prefix, issues, false, {
      pattern: new RegExp(`^(${CHARGE_BEARERS.join('|')})$`),
      patternText: `must be one of ${CHARGE_BEARERS.join(', ')}`,
    }),
  );
  put('remittanceInformationUnstructured', stringField(body, 'remittanceInformationUnstructured', prefix, issues, false, { maxLength: 140 }));
}

/** The debtor side of a single or periodic payment, or of a bulk. */
function debtorFields(body: Json, issues: Issues, put: Put, rules: ProductRules): string | undefined {
  put('debtorName', stringField(body, 'debtorName', '', issues, false, { maxLength: 70 }));
  const debtorAccount = accountReferenceField(body, 'debtorAccount', '', issues, rules.debtorAccountOptional !== true, ['iban']);
  put('debtorAccount', debtorAccount);
  put('ultimateDebtor', stringField(body, 'ultimateDebtor', '', issues, false, { maxLength: 70 }));
  return typeof debtorAccount?.iban === 'string' ? debtorAccount.iban : undefined;
}

function requireObject(body: unknown, what: string): Json {
  if (!isObject(body)) throw formatError(`The ${what} body must be a JSON object`, 'body');
  return body;
}

function done(issues: Issues, data: Json, debtorIban: string | undefined, schedule: PaymentSchedule): ValidatedPayment {
  issues.throwIfAny();
  return { data, ...(debtorIban ? { debtorIban } : {}), schedule };
}

/** payments: one credit transfer. */
export function validateSinglePayment(raw: unknown, rules: ProductRules, day: string): ValidatedPayment {
  const body = requireObject(raw, 'payment initiation');
  const issues = new Issues();
  const data: Json = {};
  const put = collector(data);
  const debtorIban = debtorFields(body, issues, put, rules);
  transferFields(body, '', issues, rules, put);
  const date = dateField(body, 'requestedExecutionDate', '', issues, false);
  const futureDate = checkExecutionDate(date, rules, 'requestedExecutionDate', issues, day);
  put('requestedExecutionDate', date);
  return done(issues, data, debtorIban, { instant: rules.instant, periodic: false, ...(futureDate ? { futureDate } : {}) });
}

/** bulk-payments: several credit transfers from one debtor account. */
export function validateBulkPayment(raw: unknown, rules: ProductRules, day: string): ValidatedPayment {
  const body = requireObject(raw, 'bulk payment initiation');
  const issues = new Issues();
  const data: Json = {};
  const put = collector(data);
  put('batchBookingPreferred', booleanField(body, 'batchBookingPreferred', '', issues, false));
  const debtorIban = debtorFields(body, issues, put, rules);
  const date = dateField(body, 'requestedExecutionDate', '', issues, false);
  const futureDate = checkExecutionDate(date, rules, 'requestedExecutionDate', issues, day);
  put('requestedExecutionDate', date);
  const entries = body.payments;
  if (!Array.isArray(entries) || entries.length === 0) issues.add('payments', 'payments must be a non-empty array of credit transfers');
  else if (entries.length > MAX_BULK_ENTRIES) issues.add('payments', `a bulk holds at most ${MAX_BULK_ENTRIES} payments`);
  else {
    data.payments = entries.map((entry, i) => {
      const prefix = `payments[${i}]`;
      const out: Json = {};
      if (!isObject(entry)) return void issues.add(prefix, `${prefix} must be an object`);
      for (const key of ['debtorAccount', 'requestedExecutionDate', 'requestedExecutionTime']) {
        if (entry[key] !== undefined) issues.add(join(prefix, key), `${join(prefix, key)} belongs to the bulk, not to one of its payments`);
      }
      transferFields(entry, prefix, issues, rules, collector(out));
      return out;
    });
  }
  return done(issues, data, debtorIban, { instant: rules.instant, periodic: false, ...(futureDate ? { futureDate } : {}) });
}

/** The standing-order part of a periodic payment (JSON body fields, or the multipart's JSON part). */
export function standingOrderFields(body: Json, prefix: string, issues: Issues, rules: ProductRules, put: Put, day: string): string | undefined {
  const startDate = dateField(body, 'startDate', prefix, issues, true);
  const futureDate = checkExecutionDate(startDate, { ...rules, instant: false }, join(prefix, 'startDate'), issues, day);
  put('startDate', startDate);
  const endDate = dateField(body, 'endDate', prefix, issues, false);
  if (endDate !== undefined && startDate !== undefined && endDate < startDate) issues.add(join(prefix, 'endDate'), `${join(prefix, 'endDate')} lies before startDate`);
  put('endDate', endDate);
  put('executionRule', stringField(body, 'executionRule', prefix, issues, false, { pattern: /^(following|preceding)$/, patternText: 'must be following or preceding' }));
  put('frequency', stringField(body, 'frequency', prefix, issues, true, { pattern: new RegExp(`^(${FREQUENCIES.join('|')})$`), patternText: `must be one of ${FREQUENCIES.join(', ')}` }));
  put('dayOfExecution', stringField(body, 'dayOfExecution', prefix, issues, false, { pattern: /^(0?[1-9]|[12][0-9]|3[01])$/, patternText: 'must be a day of the month, "1" to "31"' }));
  const months = body.monthsOfExecution;
  if (months !== undefined) {
    const path = join(prefix, 'monthsOfExecution');
    if (!Array.isArray(months) || months.length === 0 || !months.every((m) => typeof m === 'string' && /^(0?[1-9]|1[0-2])$/.test(m))) {
      issues.add(path, `${path} must be a list of months, "1" to "12"`);
    } else put('monthsOfExecution', months);
  }
  return futureDate;
}

/** periodic-payments: a standing order of one credit transfer. */
export function validatePeriodicPayment(raw: unknown, rules: ProductRules, day: string): ValidatedPayment {
  const body = requireObject(raw, 'periodic payment initiation');
  const issues = new Issues();
  const data: Json = {};
  const put = collector(data);
  const debtorIban = debtorFields(body, issues, put, rules);
  transferFields(body, '', issues, rules, put);
  const futureDate = standingOrderFields(body, '', issues, rules, put, day);
  if (body.requestedExecutionDate !== undefined) issues.add('requestedExecutionDate', 'a standing order has startDate, not requestedExecutionDate');
  return done(issues, data, debtorIban, { instant: rules.instant, periodic: true, ...(futureDate ? { futureDate } : {}) });
}
