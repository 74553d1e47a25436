/** Validation of a consent request body (consents). */
import { addDays } from './dates.js';
import { apiError, formatError } from './errors.js';
import type { AccessForm, AccountRef, ConsentAccess } from './store.js';
import { Issues, type Json, accountReferenceAt, booleanField, dateField, isObject, join } from './validation.js';

/** The bank shortens validUntil to at most this many days ahead (GET consent shows the result). */
export const MAX_CONSENT_DAYS = 180;

const ALL_VALUES = ['allAccounts', 'allAccountsWithOwnerName'];
const GLOBAL_KEYS = ['allPsd2', 'availableAccounts', 'availableAccountsWithBalance'] as const;
const LIST_KEYS = ['accounts', 'balances', 'transactions'] as const;
const UNSUPPORTED_KEYS = ['additionalInformation', 'restrictedTo'];

export interface ValidatedConsent {
  form: AccessForm;
  access: ConsentAccess;
  recurringIndicator: boolean;
  validUntil: string;
  frequencyPerDay: number;
  combinedServiceIndicator: boolean;
}

function refList(access: Json, key: string, issues: Issues): AccountRef[] | undefined {
  const path = join('access', key);
  const v = access[key];
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) return void issues.add(path, `${path} must be an array of account references`);
  const refs: AccountRef[] = [];
  v.forEach((item, i) => {
    // payment accounts by IBAN, card accounts by masked PAN
    const ref = accountReferenceAt(item, `${path}[${i}]`, issues, ['iban', 'maskedPan']);
    if (ref && (typeof ref.iban === 'string' || typeof ref.maskedPan === 'string')) {
      refs.push({
        ...(typeof ref.iban === 'string' ? { iban: ref.iban } : { maskedPan: ref.maskedPan as string }),
        ...(typeof ref.currency === 'string' ? { currency: ref.currency } : {}),
      });
    }
  });
  return refs;
}

function validateAccess(body: Json, issues: Issues): { form: AccessForm; access: ConsentAccess } | undefined {
  const access = body.access;
  if (access === undefined || access === null) return void issues.add('access', 'access is missing');
  if (!isObject(access)) return void issues.add('access', 'access must be an object');
  for (const key of UNSUPPORTED_KEYS) {
    if (access[key] !== undefined) {
      throw apiError(400, 'PARAMETER_NOT_SUPPORTED', `access.${key} is not supported by this bank`, `access.${key}`);
    }
  }
  const globals: ConsentAccess = {};
  for (const key of GLOBAL_KEYS) {
    const v = access[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || !ALL_VALUES.includes(v)) issues.add(`access.${key}`, `access.${key} must be one of ${ALL_VALUES.join(', ')}`);
    else globals[key] = v;
  }
  const lists: Partial<Record<(typeof LIST_KEYS)[number], AccountRef[]>> = {};
  for (const key of LIST_KEYS) {
    const refs = refList(access, key, issues);
    if (refs) lists[key] = refs;
  }
  if (!issues.empty) return undefined;
  const globalCount = Object.keys(globals).length;
  const listed = LIST_KEYS.some((k) => (lists[k]?.length ?? 0) > 0);
  if (globalCount > 1 || (globalCount === 1 && listed)) {
    throw apiError(400, 'PARAMETER_NOT_CONSISTENT', 'access combines allPsd2 / availableAccounts / account lists', 'access');
  }
  if (globalCount === 1) {
    const form = Object.keys(globals)[0] as AccessForm;
    return { form, access: globals };
  }
  if (listed) return { form: 'dedicated', access: lists };
  if (Object.keys(lists).length > 0) {
    return { form: 'bankOffered', access: { accounts: [], balances: [], transactions: [] } };
  }
  issues.add('access', 'access must name accounts or one of allPsd2, availableAccounts, availableAccountsWithBalance');
  return undefined;
}

/** The consent request, judged on the bank's date `day`. */
export function validateConsentRequest(body: unknown, day: string, minFrequencyPerDay = 1): ValidatedConsent {
  if (!isObject(body)) throw formatError('The consent request body must be a JSON object', 'body');
  const issues = new Issues();
  const access = validateAccess(body, issues);
  const recurringIndicator = booleanField(body, 'recurringIndicator', '', issues, true);
  let validUntil = dateField(body, 'validUntil', '', issues, true);
  if (validUntil !== undefined && validUntil < day) issues.add('validUntil', 'validUntil lies in the past');
  const freq = body.frequencyPerDay;
  if (freq === undefined || freq === null) issues.add('frequencyPerDay', 'frequencyPerDay is missing');
  else if (typeof freq !== 'number' || !Number.isInteger(freq) || freq < minFrequencyPerDay) {
    issues.add('frequencyPerDay', `frequencyPerDay must be an integer of at least ${minFrequencyPerDay}`);
  }
  const combinedServiceIndicator = booleanField(body, 'combinedServiceIndicator', '', issues, false) ?? false;
  issues.throwIfAny();
  const frequencyPerDay = freq as number;
  if (recurringIndicator === false && frequencyPerDay > 1) {
    throw apiError(400, 'PARAMETER_NOT_CONSISTENT', 'A one-off consent (recurringIndicator false) must have frequencyPerDay 1', 'frequencyPerDay');
  }
  const latest = addDays(day, MAX_CONSENT_DAYS);
  if (validUntil! > latest) validUntil = latest;
  return {
    form: access!.form,
    access: access!.access,
    recurringIndicator: recurringIndicator!,
    validUntil: validUntil!,
    frequencyPerDay,
    combinedServiceIndicator,
  };
}
