import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, loadSpecFromText, SpecError, type Operation, type Spec } from '../../src/spec/index.js';
import { BG_1_3_12 } from './official-files.js';

let spec: Spec;
beforeAll(async () => {
  spec = await loadSpec(BG_1_3_12);
});
const operation = (id: string): Operation => spec.operations.find((o) => o.operationId === id)!;

/** The payment initiation 201 example of the Berlin Group standard. */
const paymentCreated = {
  transactionStatus: 'RCVD',
  paymentId: '1234-wertiq-983',
  _links: {
    scaRedirect: { href: 'https://www.testbank.com/asdfasdfasdf' },
    self: { href: '/v1/payments/sepa-credit-transfers/1234-wertiq-983' },
  },
};

describe('validateResponseBody', () => {
  it('accepts the standard payment initiation 201 body', () => {
    expect(spec.validateResponseBody(operation('initiatePayment'), 201, 'application/json', paymentCreated)).toEqual([]);
  });

  it('names what is wrong: a missing paymentId, an unknown transactionStatus', () => {
    const { paymentId: _, ...withoutId } = paymentCreated;
    const errors = spec.validateResponseBody(operation('initiatePayment'), 201, 'application/json', { ...withoutId, transactionStatus: 'FOO' });
    expect(errors).toEqual(
      expect.arrayContaining([
        { instancePath: '', keyword: 'required', message: "must have required property 'paymentId'" },
        expect.objectContaining({ instancePath: '/transactionStatus', keyword: 'enum', message: expect.stringContaining('"RCVD"') }),
      ]),
    );
  });

  it('fails a balance amount sent as a number', () => {
    const body = { balances: [{ balanceAmount: { currency: 'EUR', amount: 500 }, balanceType: 'closingBooked' }] };
    expect(spec.validateResponseBody(operation('getBalances'), 200, 'application/json', body)).toEqual([
      { instancePath: '/balances/0/balanceAmount/amount', keyword: 'type', message: 'must be string' },
    ]);
  });

  it('accepts an update-PSU-data 200 that several overlapping oneOf branches match (oneOf read as anyOf)', () => {
    const body = { scaStatus: 'psuAuthenticated', _links: { scaStatus: { href: '/v1/payments/sepa-credit-transfers/p1/authorisations/a1' } } };
    expect(spec.validateResponseBody(operation('updatePaymentPsuData'), 200, 'application/json', body)).toEqual([]);
  });

  it('validates error bodies of the declared problem status', () => {
    const body = { tppMessages: [{ category: 'ERROR', code: 'FORMAT_ERROR', text: 'bad' }] };
    expect(spec.validateResponseBody(operation('createConsent'), 400, 'application/json', body)).toEqual([]);
    expect(spec.validateResponseBody(operation('createConsent'), 400, 'application/json', { tppMessages: {} })).not.toEqual([]);
  });

  it('matches the media type case-insensitively and ignores its parameters', () => {
    expect(spec.validateResponseBody(operation('initiatePayment'), 201, 'Application/JSON; charset=utf-8', paymentCreated)).toEqual([]);
  });

  it('falls back to a declared media type range', async () => {
    const own = await loadSpecFromText(
      [
        'openapi: 3.0.1',
        'info: { title: t, version: "1" }',
        'paths:',
        '  /x:',
        '    get:',
        '      responses:',
        "        '200':",
        '          description: ok',
        "          content: { 'application/json': { schema: { type: object } }, 'application/*': { schema: { type: string } }, '*/*': { schema: { type: integer } } }",
      ].join('\n'),
      'ranges.yaml',
    );
    const op = own.operations[0]!;
    expect(own.validateResponseBody(op, 200, 'application/json', {})).toEqual([]);
    expect(own.validateResponseBody(op, 200, 'application/problem+json', 'text')).toEqual([]);
    expect(own.validateResponseBody(op, 200, 'text/plain', 7)).toEqual([]);
    expect(own.validateResponseBody(op, 200, 'text/plain', 'seven')).toEqual([expect.objectContaining({ keyword: 'type' })]);
  });

  it('answers undefined when no schema is declared for the status or media type', () => {
    expect(spec.validateResponseBody(operation('initiatePayment'), 201, 'application/xml', paymentCreated)).toBeUndefined();
    expect(spec.validateResponseBody(operation('initiatePayment'), 201, 'application/problem+json', paymentCreated)).toBeUndefined();
    expect(spec.validateResponseBody(operation('createConsent'), 503, 'application/json', {})).toBeUndefined();
    expect(spec.validateResponseBody(operation('deleteConsent'), 204, 'application/json', {})).toBeUndefined();
  });

  it('accepts relative and absolute URLs for format url, and nothing with spaces', async () => {
    const own = await loadSpecFromText(
      [
        'openapi: 3.0.1',
        'info: { title: t, version: "1" }',
        'paths:',
        '  /x:',
        '    get:',
        "      responses: { '200': { description: ok, content: { 'application/json': { schema: { type: string, format: url } } } } }",
      ].join('\n'),
      'url.yaml',
    );
    const op = own.operations[0]!;
    expect(own.validateResponseBody(op, 200, 'application/json', '/v1/consents/1')).toEqual([]);
    expect(own.validateResponseBody(op, 200, 'application/json', 'https://bank.example/v1/consents/1')).toEqual([]);
    expect(own.validateResponseBody(op, 200, 'application/json', 'not a url')).toEqual([expect.objectContaining({ keyword: 'format' })]);
  });

  it('throws a SpecError naming the operation when a body schema cannot be compiled', async () => {
    const own = await loadSpecFromText(
      [
        'openapi: 3.0.1',
        'info: { title: t, version: "1" }',
        'paths:',
        '  /x:',
        '    get:',
        '      operationId: getX',
        "      responses: { '200': { description: ok, content: { 'application/json': { schema: { type: string, pattern: '(' } } } } }",
      ].join('\n'),
      'regex.yaml',
    );
    const validate = (): unknown => own.validateResponseBody(own.operations[0]!, 200, 'application/json', 'x');
    expect(validate).toThrow(SpecError);
    expect(validate).toThrow(/^regex\.yaml: cannot compile the schema of the 200 application\/json response of getX: /);
  });
});

describe('validateRequestBody', () => {
  it('accepts an update-PSU-data request with psuData (oneOf with an empty branch read as anyOf)', () => {
    expect(spec.validateRequestBody(operation('updatePaymentPsuData'), 'application/json', { psuData: { password: 'x' } })).toEqual([]);
  });

  it('accepts a periodic payment that the single payment schema also matches', () => {
    const periodic = {
      instructedAmount: { currency: 'EUR', amount: '123.50' },
      debtorAccount: { iban: 'DE40100100103307118608' },
      creditorName: 'Merchant123',
      creditorAccount: { iban: 'DE23100120020123456789' },
      startDate: '2024-03-01',
      frequency: 'Monthly',
      dayOfExecution: '1',
    };
    expect(spec.validateRequestBody(operation('initiatePayment'), 'application/json', periodic)).toEqual([]);
  });

  it('fails a consent request without access', () => {
    const errors = spec.validateRequestBody(operation('createConsent'), 'application/json', { recurringIndicator: true });
    expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ message: "must have required property 'access'" })]));
  });

  it('answers undefined for a media type the operation does not take', () => {
    expect(spec.validateRequestBody(operation('createConsent'), 'application/xml', {})).toBeUndefined();
    expect(spec.validateRequestBody(operation('getConsentStatus'), 'application/json', {})).toBeUndefined();
  });
});

describe('the operation index', () => {
  it('keeps response keys, media types and headers as written', () => {
    const initiate = operation('initiatePayment');
    expect(initiate.requestMediaTypes).toEqual(['application/json', 'multipart/form-data']);
    expect(initiate.requestBodyRequired).toBe(true);
    expect(Object.keys(initiate.responses)).toEqual(['201', '400', '401', '403', '404', '405', '406', '408', '409', '415', '429', '500', '503']);
    expect(initiate.responses['201']!.headers.map((h) => h.name)).toEqual([
      'X-Request-ID',
      'Location',
      'ASPSP-SCA-Approach',
      'ASPSP-Notification-Support',
      'ASPSP-Notification-Content',
    ]);
    expect(initiate.responses['201']!.headers[0]).toEqual({ name: 'X-Request-ID', required: true, schema: { type: 'string', format: 'uuid' } });
    expect(initiate.responses['503']!.mediaTypes).toEqual([]);
  });

  it('resolves referenced parameters, path parameters required', () => {
    const initiate = operation('initiatePayment');
    expect(initiate.parameters.find((p) => p.name === 'payment-service')).toMatchObject({ in: 'path', required: true });
    expect(initiate.parameters.find((p) => p.name === 'PSU-IP-Address')).toMatchObject({ in: 'header', required: true });
  });

  it('merges path-level parameters, the operation overriding them', async () => {
    const own = await loadSpecFromText(
      [
        'openapi: 3.0.1',
        'info: { title: t, version: "1" }',
        'paths:',
        '  /items/{id}:',
        '    parameters:',
        '      - { name: id, in: path, required: true, schema: { type: string } }',
        '      - { name: X-Trace, in: header, schema: { type: string } }',
        '    get:',
        '      parameters: [ { name: X-Trace, in: header, required: true, schema: { type: string, nullable: true } } ]',
        "      responses: { '200': { description: ok } }",
      ].join('\n'),
      'merge.yaml',
    );
    expect(own.operations[0]!.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'X-Trace', in: 'header', required: true, schema: { type: ['string', 'null'] } },
    ]);
  });
});
