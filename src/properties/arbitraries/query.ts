/** Valid and invalid values of the AIS read parameters (DOMAIN §7: getTransactionList). */
import fc from 'fast-check';
import { digits, form, forms, printable, type FormedArbitrary } from './forms.js';

export interface ParameterDomain {
  name: string;
  valid: FormedArbitrary;
  invalid?: FormedArbitrary;
  odd?: FormedArbitrary;
  /** Codes besides FORMAT_ERROR the standard allows for an invalid value. */
  invalidCodes?: string[];
  /** A valid value may still be refused as an optional feature: 400 with one of these codes. */
  optionalFeature?: string[];
}

const DAY = 86_400_000;
const FROM = Date.UTC(2000, 0, 1);

/** A calendar date in a fixed past range: the same seed gives the same dates on any day. */
export function isoDate(minDay = 0, maxDay = 7300): fc.Arbitrary<string> {
  return fc.integer({ min: minDay, max: maxDay }).map((d) => new Date(FROM + d * DAY).toISOString().slice(0, 10));
}

const DATE_INVALID = forms(
  form('month 13', fc.tuple(digits(4, 4), digits(2, 2)).map(([y]) => `${y.replace(/^0/, '2')}-13-01`)),
  form('February 30', fc.integer({ min: 2000, max: 2030 }).map((y) => `${y}-02-30`)),
  form('slashes', isoDate().map((d) => d.replaceAll('-', '/'))),
  form('day first', isoDate().map((d) => d.split('-').reverse().join('.'))),
  form('no separators', isoDate().map((d) => d.replaceAll('-', ''))),
  form('date-time', isoDate().map((d) => `${d}T00:00:00Z`)),
  form('free text', printable(1, 12).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s))),
);

const BOOLEAN_VALID = forms(form('true', fc.constant('true')), form('false', fc.constant('false')));
const BOOLEAN_INVALID = forms(form('yes / no', fc.constantFrom('yes', 'no')), form('1 / 0', fc.constantFrom('1', '0')), form('upper-case', fc.constantFrom('TRUE', 'False')));

export const BOOKING_STATUS: ParameterDomain = {
  name: 'bookingStatus',
  valid: forms(form('booked', fc.constant('booked')), form('pending / both', fc.constantFrom('pending', 'both'))),
  invalid: forms(form('upper-case', fc.constantFrom('BOOKED', 'Booked', 'PENDING')), form('free text', fc.stringMatching(/^[a-z]{1,10}$/).filter((s) => !['booked', 'pending', 'both', 'information', 'all'].includes(s)))),
  invalidCodes: ['PARAMETER_NOT_SUPPORTED'],
  optionalFeature: ['PARAMETER_NOT_SUPPORTED'],
};

/** dateFrom in the past; a dateTo (when sent) after it is the caller's business. */
export const DATE_FROM: ParameterDomain = { name: 'dateFrom', valid: form('date', isoDate(0, 7000)), invalid: DATE_INVALID };
export const DATE_TO: ParameterDomain = { name: 'dateTo', valid: form('date', isoDate(7001, 7300)), invalid: DATE_INVALID };
export const WITH_BALANCE: ParameterDomain = { name: 'withBalance', valid: BOOLEAN_VALID, invalid: BOOLEAN_INVALID, optionalFeature: ['PARAMETER_NOT_SUPPORTED'] };
export const DELTA_LIST: ParameterDomain = { name: 'deltaList', valid: BOOLEAN_VALID, invalid: BOOLEAN_INVALID, invalidCodes: ['PARAMETER_NOT_SUPPORTED'], optionalFeature: ['PARAMETER_NOT_SUPPORTED'] };
/** An entry reference the bank never issued: the bank may refuse it (400) or answer an empty delta. */
export const ENTRY_REFERENCE_FROM: ParameterDomain = { name: 'entryReferenceFrom', valid: form('entry reference', fc.stringMatching(/^[A-Za-z0-9-]{1,35}$/)), odd: form('oversized', printable(36, 300)) };
