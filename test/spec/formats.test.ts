import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMON_URI_REFERENCE, FORMAT_OVERRIDES, RFC_3986_URI_REFERENCE } from '../../src/spec/formats.js';

const uriReference = FORMAT_OVERRIDES['uri-reference'].validate;

/** Strings made of the characters that matter to the grammar, with the prefixes links start with. */
const candidates = fc
  .tuple(
    fc.constantFrom('', 'http://', 'https://', 'HTTP://', '/', '//', 'ftp://', 'http:', 'mailto:'),
    fc.array(fc.constantFrom(...'aZ09.-_~!$&\'()*+,;=:@/?#%[] "\\<>'.split(''), 'bank.example', ':8080', '/v1', '%2F', '%zz'), { maxLength: 24 }),
  )
  .map(([prefix, parts]) => prefix + parts.join(''));

describe('the uri-reference format', () => {
  it('takes its fast path only for strings the RFC 3986 grammar accepts', () => {
    fc.assert(
      fc.property(candidates, (value) => {
        if (COMMON_URI_REFERENCE.test(value)) expect(RFC_3986_URI_REFERENCE.test(value)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('gives the verdict of the full grammar for every string', () => {
    fc.assert(
      fc.property(candidates, (value) => {
        expect(uriReference(value)).toBe(RFC_3986_URI_REFERENCE.test(value));
      }),
      { numRuns: 5_000 },
    );
  });

  it.each([
    'http://127.0.0.1:44641/v1/payments/sepa-credit-transfers/ee315be3-732e-4e06-9008-0f2ade9962b8',
    'https://bank.example/v1/accounts/3dc3d5b3/transactions?bookingStatus=booked&page=2',
    '/v1/consents/1234-wertiq-983/authorisations',
    '/',
  ])('takes the fast path for the links banks send: %s', (href) => {
    expect(COMMON_URI_REFERENCE.test(href)).toBe(true);
    expect(uriReference(href)).toBe(true);
  });

  it.each(['//a@b@c', 'http://bank.example/a b', '/x%zz', 'http://[::1', ''])('decides %j as the full grammar does', (value) => {
    expect(uriReference(value)).toBe(RFC_3986_URI_REFERENCE.test(value));
  });
});
