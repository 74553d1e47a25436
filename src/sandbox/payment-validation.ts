/** Validation of a single payment initiation body (paymentInitiation_json). */
import { today } from './dates.js';
import { formatError } from './errors.js';
import { fitsCurrency } from './money.js';
import {
  Issues,
  type Json,
  accountReferenceField,
  addressField,
  amountField,
  bicField,
  dateField,
  isObject,
  stringField,
} from './validation.js';

export interface SinglePaymentRules {
  /** Currencies the product accepts (e.g. EUR only for SEPA). */
  currencies?: readonly string[];
  /** Accounts must be identified by IBAN. */
  requireIban: boolean;
}

export interface ValidatedPayment {
  /** The fields the bank understood, as GET will echo them. */
  data: Json;
  debtorIban?: string;
}

const CHARGE_BEARERS = ['DEBT', 'CRED', 'SHAR', 'SLEV'];

export function validateSinglePayment(body: unknown, rules: SinglePaymentRules): ValidatedPayment {
  if (!isObject(body)) throw formatError('The payment initiation body must be a JSON object', 'body');
  const issues = new Issues();
  const data: Json = {};
  const put = (key: string, value: unknown): void => {
    if (value !== undefined) data[key] = value;
  };
  put('endToEndIdentification', stringField(body, 'endToEndIdentification', '', issues, false, { maxLength: 35 }));
  put('instructionIdentification', stringField(body, 'instructionIdentification', '', issues, false, { maxLength: 35 }));
  put('debtorName', stringField(body, 'debtorName', '', issues, false, { maxLength: 70 }));
  const debtorAccount = accountReferenceField(body, 'debtorAccount', '', issues, true, rules.requireIban);
  put('debtorAccount', debtorAccount);
  put('ultimateDebtor', stringField(body, 'ultimateDebtor', '', issues, false, { maxLength: 70 }));
  const amount = amountField(body, 'instructedAmount', '', issues, true);
  if (amount) {
    if (amount.amount.startsWith('-') || /^-?0+(\.0+)?$/.test(amount.amount)) {
      issues.add('instructedAmount.amount', 'instructedAmount.amount must be greater than zero');
    } else if (!fitsCurrency(amount.amount, amount.currency)) {
      issues.add('instructedAmount.amount', `instructedAmount.amount has more decimals than ${amount.currency} allows`);
    } else if (rules.currencies && !rules.currencies.includes(amount.currency)) {
      issues.add('instructedAmount.currency', `This payment product accepts only ${rules.currencies.join(', ')}`);
    } else {
      data.instructedAmount = amount;
    }
  }
  put('creditorAccount', accountReferenceField(body, 'creditorAccount', '', issues, true, rules.requireIban));
  put('creditorAgent', bicField(body, 'creditorAgent', '', issues));
  put('creditorAgentName', stringField(body, 'creditorAgentName', '', issues, false, { maxLength: 140 }));
  put('creditorName', stringField(body, 'creditorName', '', issues, true, { maxLength: 70 }));
  put('creditorAddress', addressField(body, 'creditorAddress', '', issues));
  put('creditorId', stringField(body, 'creditorId', '', issues, false, { maxLength: 35 }));
  put('ultimateCreditor', stringField(body, 'ultimateCreditor', '', issues, false, { maxLength: 70 }));
  put(
    'chargeBearer',
    stringField(body, 'chargeBearer', '', issues, false, {
      pattern: new RegExp(`^(${CHARGE_BEARERS.join('|')})$`),
      patternText: `must be one of ${CHARGE_BEARERS.join(', ')}`,
    }),
  );
  put('remittanceInformationUnstructured', stringField(body, 'remittanceInformationUnstructured', '', issues, false, { maxLength: 140 }));
  const execDate = dateField(body, 'requestedExecutionDate', '', issues, false);
  if (execDate !== undefined && execDate < today()) {
    issues.add('requestedExecutionDate', 'requestedExecutionDate lies in the past', 'EXECUTION_DATE_INVALID');
  } else {
    put('requestedExecutionDate', execDate);
  }
  issues.throwIfAny();
  const debtorIban = typeof debtorAccount?.iban === 'string' ? debtorAccount.iban : undefined;
  return { data, ...(debtorIban ? { debtorIban } : {}) };
}
