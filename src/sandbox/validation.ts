/** Field-level validation of request bodies; every problem becomes a tppMessage with its path. */
import { isIsoDate } from './dates.js';
import { ApiError, type TppMessage, message } from './errors.js';
import { isValidIban } from './iban.js';
import { AMOUNT_PATTERN, CURRENCY_PATTERN } from './money.js';

export type Json = Record<string, unknown>;

const IBAN_PATTERN = /^[A-Z]{2}[0-9]{2}[a-zA-Z0-9]{1,30}$/;
const BBAN_PATTERN = /^[a-zA-Z0-9]{1,30}$/;
const BIC_PATTERN = /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/;
const COUNTRY_PATTERN = /^[A-Z]{2}$/;

export class Issues {
  private readonly messages: TppMessage[] = [];

  add(path: string, text: string, code = 'FORMAT_ERROR'): void {
    this.messages.push(message(code, text, path));
  }

  get empty(): boolean {
    return this.messages.length === 0;
  }

  throwIfAny(status = 400): void {
    if (this.messages.length > 0) throw new ApiError(status, this.messages);
  }
}

export function join(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface StringRule {
  maxLength?: number;
  pattern?: RegExp;
  patternText?: string;
}

export function stringField(
  obj: Json,
  key: string,
  prefix: string,
  issues: Issues,
  required: boolean,
  rule: StringRule = {},
): string | undefined {
  const path = join(prefix, key);
  const v = obj[key];
  if (v === undefined || v === null) {
    if (required) issues.add(path, `${path} is missing`);
    return undefined;
  }
  if (typeof v !== 'string') return void issues.add(path, `${path} must be a string`);
  if (required && v.trim() === '') return void issues.add(path, `${path} must not be empty`);
  if (rule.maxLength !== undefined && v.length > rule.maxLength) {
    return void issues.add(path, `${path} is longer than ${rule.maxLength} characters`);
  }
  if (rule.pattern && !rule.pattern.test(v)) {
    return void issues.add(path, `${path} ${rule.patternText ?? `does not match ${rule.pattern.source}`}`);
  }
  return v;
}

export function dateField(obj: Json, key: string, prefix: string, issues: Issues, required: boolean): string | undefined {
  const v = stringField(obj, key, prefix, issues, required);
  if (v === undefined) return undefined;
  if (!isIsoDate(v)) return void issues.add(join(prefix, key), `${join(prefix, key)} is not a date (YYYY-MM-DD)`);
  return v;
}

export function booleanField(obj: Json, key: string, prefix: string, issues: Issues, required: boolean): boolean | undefined {
  const path = join(prefix, key);
  const v = obj[key];
  if (v === undefined || v === null) {
    if (required) issues.add(path, `${path} is missing`);
    return undefined;
  }
  if (typeof v !== 'boolean') return void issues.add(path, `${path} must be a boolean`);
  return v;
}

export function objectField(obj: Json, key: string, prefix: string, issues: Issues, required: boolean): Json | undefined {
  const path = join(prefix, key);
  const v = obj[key];
  if (v === undefined || v === null) {
    if (required) issues.add(path, `${path} is missing`);
    return undefined;
  }
  if (!isObject(v)) return void issues.add(path, `${path} must be an object`);
  return v;
}

export interface Amount {
  currency: string;
  amount: string;
}

export function amountField(obj: Json, key: string, prefix: string, issues: Issues, required: boolean): Amount | undefined {
  const path = join(prefix, key);
  const o = objectField(obj, key, prefix, issues, required);
  if (!o) return undefined;
  const currency = stringField(o, 'currency', path, issues, true, {
    pattern: CURRENCY_PATTERN,
    patternText: 'must be an ISO 4217 code of three capital letters',
  });
  const amount = stringField(o, 'amount', path, issues, true, {
    pattern: AMOUNT_PATTERN,
    patternText: 'must be a decimal string such as "123.45" (dot separator, at most 14 digits and 3 decimals)',
  });
  return currency !== undefined && amount !== undefined ? { currency, amount } : undefined;
}

export const IDENTIFIERS = ['iban', 'bban', 'pan', 'maskedPan', 'msisdn', 'other'] as const;
export type Identifier = (typeof IDENTIFIERS)[number];
const MASKED_PAN = /^[0-9]{6}[0-9*Xx]{2,9}[0-9]{4}$/;

/**
 * An accountReference with exactly one identifier, one of those the service accepts; IBANs must
 * have valid check digits, masked PANs show the first six and last four digits.
 */
export function accountReferenceAt(value: unknown, path: string, issues: Issues, accepted: readonly Identifier[]): Json | undefined {
  if (!isObject(value)) return void issues.add(path, `${path} must be an object`);
  const present = IDENTIFIERS.filter((k) => value[k] !== undefined);
  if (present.length !== 1) {
    return void issues.add(path, `${path} must carry exactly one of ${IDENTIFIERS.join(', ')}`);
  }
  const out: Json = {};
  const id = present[0]!;
  if (!accepted.includes(id)) {
    issues.add(join(path, id), `${path} must be identified by ${accepted.join(' or ')} for this service`, id === 'other' ? 'PARAMETER_NOT_SUPPORTED' : 'FORMAT_ERROR');
  } else if (id === 'iban') {
    const iban = stringField(value, 'iban', path, issues, true, { pattern: IBAN_PATTERN, patternText: 'is not an IBAN' });
    if (iban !== undefined && !isValidIban(iban)) issues.add(join(path, 'iban'), `${join(path, 'iban')} has invalid check digits`);
    else if (iban !== undefined) out.iban = iban;
  } else if (id === 'bban') {
    const bban = stringField(value, 'bban', path, issues, true, { pattern: BBAN_PATTERN, patternText: 'is not a BBAN' });
    if (bban !== undefined) out.bban = bban;
  } else if (id === 'maskedPan') {
    const pan = stringField(value, 'maskedPan', path, issues, true, { pattern: MASKED_PAN, patternText: 'must show the first six and the last four digits, e.g. 525412******3241' });
    if (pan !== undefined) out.maskedPan = pan;
  } else {
    const v = stringField(value, id, path, issues, true, { maxLength: 35 });
    if (v !== undefined) out[id] = v;
  }
  const currency = stringField(value, 'currency', path, issues, false, {
    pattern: CURRENCY_PATTERN,
    patternText: 'must be an ISO 4217 code of three capital letters',
  });
  if (currency !== undefined) out.currency = currency;
  return out[id] !== undefined ? out : undefined;
}

export function accountReferenceField(obj: Json, key: string, prefix: string, issues: Issues, required: boolean, accepted: readonly Identifier[]): Json | undefined {
  const path = join(prefix, key);
  const v = obj[key];
  if (v === undefined || v === null) {
    if (required) issues.add(path, `${path} is missing`);
    return undefined;
  }
  return accountReferenceAt(v, path, issues, accepted);
}

export function bicField(obj: Json, key: string, prefix: string, issues: Issues): string | undefined {
  return stringField(obj, key, prefix, issues, false, { pattern: BIC_PATTERN, patternText: 'is not a BIC' });
}

export function addressField(obj: Json, key: string, prefix: string, issues: Issues): Json | undefined {
  const path = join(prefix, key);
  const o = objectField(obj, key, prefix, issues, false);
  if (!o) return undefined;
  const out: Json = {};
  const streetName = stringField(o, 'streetName', path, issues, false, { maxLength: 70 });
  const buildingNumber = stringField(o, 'buildingNumber', path, issues, false, { maxLength: 16 });
  const townName = stringField(o, 'townName', path, issues, false, { maxLength: 35 });
  const postCode = stringField(o, 'postCode', path, issues, false, { maxLength: 16 });
  const country = stringField(o, 'country', path, issues, true, { pattern: COUNTRY_PATTERN, patternText: 'must be an ISO 3166 two-letter code' });
  Object.assign(
    out,
    streetName !== undefined ? { streetName } : {},
    buildingNumber !== undefined ? { buildingNumber } : {},
    townName !== undefined ? { townName } : {},
    postCode !== undefined ? { postCode } : {},
    country !== undefined ? { country } : {},
  );
  return out;
}
