import { describe, expect, it } from 'vitest';
import { SpecValidator, oasToJsonSchema } from './spec-harness.js';

const RID = '99391c7e-ad88-49ec-a2ad-99ddcb1f7721';
const headers = (h: Record<string, string>) => new Headers({ 'X-Request-ID': RID, ...h });

describe('OAS 3.0 → JSON Schema conversion', () => {
  it('handles nullable, boolean exclusive bounds and oneOf', () => {
    expect(oasToJsonSchema({ type: 'string', nullable: true })).toEqual({ type: ['string', 'null'] });
    expect(oasToJsonSchema({ type: 'integer', minimum: 1, exclusiveMinimum: false })).toEqual({ type: 'integer', minimum: 1 });
    expect(oasToJsonSchema({ type: 'integer', minimum: 1, exclusiveMinimum: true })).toEqual({ type: 'integer', exclusiveMinimum: 1 });
    expect(oasToJsonSchema({ oneOf: [{ type: 'string' }] })).toEqual({ anyOf: [{ type: 'string' }] });
  });
});

describe('the spec harness itself catches what it should', () => {
  const spec = new SpecValidator();
  const balances = (amount: unknown) =>
    JSON.stringify({ balances: [{ balanceAmount: { currency: 'EUR', amount }, balanceType: 'expected' }] });
  const url = 'http://bank.test/v1/accounts/abc/balances';

  it('accepts a valid balances response', () => {
    expect(spec.judge({ method: 'GET', url, status: 200, headers: headers({ 'Content-Type': 'application/json' }), body: balances('1.00') })).toEqual([]);
  });

  it('flags a schema violation, an undeclared content type and status, a missing required header', () => {
    expect(spec.judge({ method: 'GET', url, status: 200, headers: headers({ 'Content-Type': 'application/json' }), body: balances(1) }).join()).toMatch(/amount/);
    expect(spec.judge({ method: 'GET', url, status: 200, headers: headers({ 'Content-Type': 'text/plain' }), body: balances('1.00') }).join()).toMatch(/content type text\/plain not declared/);
    expect(spec.judge({ method: 'POST', url: 'http://bank.test/v1/payments/sepa-credit-transfers', status: 200, headers: headers({}), body: '' }).join()).toMatch(/status 200 not declared/);
    expect(
      spec.judge({ method: 'GET', url, status: 200, headers: new Headers({ 'Content-Type': 'application/json' }), body: balances('1.00') }).join(),
    ).toMatch(/X-Request-ID missing/);
  });

  it('checks Location and ASPSP-SCA-Approach values against their schemas', () => {
    const res = spec.judge({
      method: 'POST',
      url: 'http://bank.test/v1/consents',
      status: 201,
      headers: headers({ 'Content-Type': 'application/json', 'ASPSP-SCA-Approach': 'SOMETIMES' }),
      body: JSON.stringify({ consentStatus: 'received', consentId: 'x', _links: {} }),
    });
    expect(res.join()).toMatch(/ASPSP-SCA-Approach/);
  });
});
