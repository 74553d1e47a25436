import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, loadSpecFromText, type Spec } from '../../src/spec/index.js';
import { BG_1_3_12 } from './official-files.js';

let spec: Spec;
beforeAll(async () => {
  spec = await loadSpec(BG_1_3_12);
});

const operationOf = (method: string, url: string, basePath?: string): string | undefined =>
  spec.match(method, url, basePath)?.operation.operationId;

describe('match', () => {
  it.each([
    ['POST', '/v1/payments/sepa-credit-transfers', 'initiatePayment'],
    ['GET', '/v1/payments/sepa-credit-transfers/abc/status', 'getPaymentInitiationStatus'],
    ['GET', '/v1/consents/abc', 'getConsentInformation'],
    ['DELETE', '/v1/consents/abc', 'deleteConsent'],
    ['GET', '/v1/accounts/acc1', 'readAccountDetails'],
    ['GET', '/v1/accounts/acc1/transactions', 'getTransactionList'],
    ['GET', '/v1/accounts/acc1/transactions?bookingStatus=booked&dateFrom=2024-01-01', 'getTransactionList'],
    ['POST', '/v1/consents', 'createConsent'],
    ['post', '/v1/consents/', 'createConsent'],
    ['PUT', '/v1/consents/c1/authorisations/a1', 'updateConsentsPsuData'],
  ])('%s %s is %s', (method, url, operationId) => {
    expect(operationOf(method, url)).toBe(operationId);
  });

  it('gives the decoded path parameters', () => {
    expect(spec.match('PUT', '/v1/payments/instant-sepa-credit-transfers/p%201/authorisations/a%2F1')?.pathParams).toEqual({
      'payment-service': 'payments',
      'payment-product': 'instant-sepa-credit-transfers',
      paymentId: 'p 1',
      authorisationId: 'a/1',
    });
  });

  it('does not enforce path-parameter enums: banks define their own products', () => {
    expect(operationOf('POST', '/v1/payments/domestic')).toBe('initiatePayment');
  });

  it('strips the target base path, and the document server path', () => {
    expect(operationOf('POST', '/psd2/v1/consents', '/psd2')).toBe('createConsent');
    expect(operationOf('POST', '/bank/xs2a/v1/consents', '/bank/xs2a/')).toBe('createConsent');
    expect(operationOf('POST', '/psd2/v1/consents')).toBe('createConsent');
    expect(operationOf('GET', 'https://api.testbank.com/psd2/v1/consents/c1/status?x=1')).toBe('getConsentStatus');
  });

  it('answers nothing for an unknown path, or a method the best path does not have', () => {
    expect(spec.match('GET', '/v2/unknown')).toBeUndefined();
    expect(spec.match('GET', '/v1')).toBeUndefined();
    expect(spec.match('POST', '/v1/accounts/acc1')).toBeUndefined();
    expect(spec.match('GET', 'http://[bad')).toBeUndefined();
  });

  it('prefers the template whose first literal comes earlier when literal counts tie', async () => {
    const own = await loadSpecFromText(
      [
        'openapi: 3.0.1',
        'info: { title: t, version: "1" }',
        'paths:',
        "  /{a}/b: { get: { operationId: late, responses: { '200': { description: ok } } } }",
        "  /a/{b}: { get: { operationId: early, responses: { '200': { description: ok } } } }",
        "  /files/{name}.json: { get: { operationId: file, responses: { '200': { description: ok } } } }",
      ].join('\n'),
      'tie.yaml',
    );
    expect(own.match('GET', '/a/b')?.operation.operationId).toBe('early');
    expect(own.match('GET', '/files/report.json')?.pathParams).toEqual({ name: 'report' });
  });
});

describe('responseFor', () => {
  it('takes the exact status, then the 4XX-style range, then default', async () => {
    const own = await loadSpecFromText(
      [
        'openapi: 3.0.1',
        'info: { title: t, version: "1" }',
        'paths:',
        '  /x:',
        '    get:',
        "      responses: { '200': { description: ok }, '4XX': { description: client }, default: { description: other } }",
      ].join('\n'),
      'ranges.yaml',
    );
    const op = own.operations[0]!;
    expect(own.responseFor(op, 200)?.status).toBe('200');
    expect(own.responseFor(op, 404)?.status).toBe('4XX');
    expect(own.responseFor(op, 503)?.status).toBe('default');
    const consent = spec.match('GET', '/v1/consents/c1')!.operation;
    expect(spec.responseFor(consent, 418)).toBeUndefined();
  });
});
