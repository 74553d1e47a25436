// Checks the project's own OpenAPI description of NextGenPSD2 XS2A 1.3.x
// (specs/berlin-group/nextgenpsd2-1.3.yaml): OpenAPI validity, the operation
// inventory, header and response conventions, anchored patterns, and that the
// schemas accept bodies from the standard while rejecting the exploits the
// official file's unanchored patterns and overlapping oneOfs let through.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import YAML from 'yaml';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const here = path.dirname(fileURLToPath(import.meta.url));
const SPEC_FILE = path.resolve(here, '../../specs/berlin-group/nextgenpsd2-1.3.yaml');
const raw: Json = YAML.parse(readFileSync(SPEC_FILE, 'utf8'));

const ROOT_ID = 'urn:xs2a-conformance:own-spec';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

// --- operation inventory (DOMAIN §1) -----------------------------------
const PAY = '/v1/{payment-service}/{payment-product}';
const PART_A: Array<[string, string, string]> = [
  ['post', PAY, 'initiatePayment'],
  ['get', `${PAY}/{paymentId}`, 'getPaymentInformation'],
  ['get', `${PAY}/{paymentId}/status`, 'getPaymentInitiationStatus'],
  ['post', `${PAY}/{paymentId}/authorisations`, 'startPaymentAuthorisation'],
  ['get', `${PAY}/{paymentId}/authorisations`, 'getPaymentInitiationAuthorisation'],
  ['get', `${PAY}/{paymentId}/authorisations/{authorisationId}`, 'getPaymentInitiationScaStatus'],
  ['put', `${PAY}/{paymentId}/authorisations/{authorisationId}`, 'updatePaymentPsuData'],
  ['post', '/v1/consents', 'createConsent'],
  ['get', '/v1/consents/{consentId}', 'getConsentInformation'],
  ['get', '/v1/consents/{consentId}/status', 'getConsentStatus'],
  ['delete', '/v1/consents/{consentId}', 'deleteConsent'],
  ['post', '/v1/consents/{consentId}/authorisations', 'startConsentAuthorisation'],
  ['get', '/v1/consents/{consentId}/authorisations', 'getConsentAuthorisation'],
  ['get', '/v1/consents/{consentId}/authorisations/{authorisationId}', 'getConsentScaStatus'],
  ['put', '/v1/consents/{consentId}/authorisations/{authorisationId}', 'updateConsentsPsuData'],
  ['get', '/v1/accounts', 'getAccountList'],
  ['get', '/v1/accounts/{account-id}', 'readAccountDetails'],
  ['get', '/v1/accounts/{account-id}/balances', 'getBalances'],
  ['get', '/v1/accounts/{account-id}/transactions', 'getTransactionList'],
  ['get', '/v1/accounts/{account-id}/transactions/{transactionId}', 'getTransactionDetails'],
];
const PART_B: Array<[string, string, string]> = [
  ['delete', `${PAY}/{paymentId}`, 'cancelPayment'],
  ['post', `${PAY}/{paymentId}/cancellation-authorisations`, 'startPaymentInitiationCancellationAuthorisation'],
  ['get', `${PAY}/{paymentId}/cancellation-authorisations`, 'getPaymentInitiationCancellationAuthorisationInformation'],
  ['get', `${PAY}/{paymentId}/cancellation-authorisations/{authorisationId}`, 'getPaymentCancellationScaStatus'],
  ['put', `${PAY}/{paymentId}/cancellation-authorisations/{authorisationId}`, 'updatePaymentCancellationPsuData'],
  ['get', '/v1/card-accounts', 'getCardAccountList'],
  ['get', '/v1/card-accounts/{account-id}', 'readCardAccountDetails'],
  ['get', '/v1/card-accounts/{account-id}/balances', 'getCardAccountBalances'],
  ['get', '/v1/card-accounts/{account-id}/transactions', 'getCardAccountTransactionList'],
  ['post', '/v1/funds-confirmations', 'checkAvailabilityOfFunds'],
  ['post', '/v1/signing-baskets', 'createSigningBasket'],
  ['get', '/v1/signing-baskets/{basketId}', 'getSigningBasket'],
  ['delete', '/v1/signing-baskets/{basketId}', 'deleteSigningBasket'],
  ['get', '/v1/signing-baskets/{basketId}/status', 'getSigningBasketStatus'],
  ['post', '/v1/signing-baskets/{basketId}/authorisations', 'startSigningBasketAuthorisation'],
  ['get', '/v1/signing-baskets/{basketId}/authorisations', 'getSigningBasketAuthorisation'],
  ['put', '/v1/signing-baskets/{basketId}/authorisations/{authorisationId}', 'updateSigningBasketPsuData'],
  ['get', '/v1/signing-baskets/{basketId}/authorisations/{authorisationId}', 'getSigningBasketScaStatus'],
];
// PIIS consent 2.0 (the confirmation-of-funds consent), namespaced operationIds
const COF = '/v2/consents/confirmation-of-funds';
const PIIS_V2: Array<[string, string, string]> = [
  ['post', COF, 'createConsentConfirmationOfFunds'],
  ['get', `${COF}/{consentId}`, 'getConsentConfirmationOfFunds'],
  ['delete', `${COF}/{consentId}`, 'deleteConsentConfirmationOfFunds'],
  ['get', `${COF}/{consentId}/status`, 'getConsentConfirmationOfFundsStatus'],
  ['post', `${COF}/{consentId}/authorisations`, 'startConsentConfirmationOfFundsAuthorisation'],
  ['get', `${COF}/{consentId}/authorisations`, 'getConsentConfirmationOfFundsAuthorisations'],
  ['get', `${COF}/{consentId}/authorisations/{authorisationId}`, 'getConsentConfirmationOfFundsScaStatus'],
  ['put', `${COF}/{consentId}/authorisations/{authorisationId}`, 'updateConsentConfirmationOfFundsPsuData'],
];
const ALL_OPS = [...PART_A, ...PART_B, ...PIIS_V2];
const AIS_READS = [
  'getAccountList', 'readAccountDetails', 'getBalances', 'getTransactionList', 'getTransactionDetails',
  'getCardAccountList', 'readCardAccountDetails', 'getCardAccountBalances', 'getCardAccountTransactionList',
];
const CREATING = ['initiatePayment', 'createConsent', 'createSigningBasket'];

// --- helpers -------------------------------------------------------------
/** Visits every object node of a JSON tree with its JSON path. */
function walk(node: Json, visit: (obj: Json, at: string) => void, at = '#'): void {
  if (Array.isArray(node)) node.forEach((v, i) => walk(v, visit, `${at}/${i}`));
  else if (node && typeof node === 'object') {
    visit(node, at);
    for (const [k, v] of Object.entries(node)) walk(v, visit, `${at}/${k}`);
  }
}

/**
 * The usual OAS 3.0 -> JSON Schema conversion: nullable becomes a "null" type,
 * boolean exclusiveMinimum/Maximum become numeric ones, and local references
 * are made absolute so that any sub-schema compiles on its own.
 */
function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = toJsonSchema(v);
  if (typeof out.$ref === 'string' && out.$ref.startsWith('#/')) out.$ref = `${ROOT_ID}${out.$ref}`;
  if (out.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  delete out.nullable;
  for (const [ex, lim] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (out[ex] === true) {
      out[ex] = out[lim];
      delete out[lim];
    } else if (out[ex] === false) delete out[ex];
  }
  return out;
}

function makeAjv(): Ajv {
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
  const addFormats = ((addFormatsModule as Json).default ?? addFormatsModule) as (a: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addSchema({ $id: ROOT_ID, components: toJsonSchema(raw.components) });
  return ajv;
}

function operations(doc: Json): Array<{ path: string; method: string; op: Json; params: Json[] }> {
  const out: Array<{ path: string; method: string; op: Json; params: Json[] }> = [];
  for (const [p, item] of Object.entries<Json>(doc.paths)) {
    for (const m of HTTP_METHODS) {
      if (!item[m]) continue;
      const params = [...(item.parameters ?? []), ...(item[m].parameters ?? [])];
      out.push({ path: p, method: m, op: item[m], params });
    }
  }
  return out;
}

// --- tests ---------------------------------------------------------------
describe('own NextGenPSD2 1.3 description: document', () => {
  it('is a valid OpenAPI 3.0.3 document (swagger-parser)', async () => {
    expect(raw.openapi).toBe('3.0.3');
    await expect(SwaggerParser.validate(structuredClone(raw))).resolves.toBeTruthy();
  });

  it('declares the server and the standard security alternatives', () => {
    expect(raw.servers[0].url).toBe('https://api.testbank.example/psd2');
    expect(raw.security).toEqual([{}, { BearerAuthOAuth: [] }]);
    expect(raw.components.securitySchemes.BearerAuthOAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('lists its deliberate differences from the official file', () => {
    const diffs = raw['x-xs2a-conformance']?.differences ?? [];
    const ids = diffs.map((d: Json) => d.id);
    for (const id of [
      'anchored-patterns', 'payment-body-by-service', 'update-psu-data-request-exclusive',
      'update-psu-data-response-anyof', 'combined-service-indicator-optional', 'psu-ip-address-ipv6',
      'day-of-execution-leading-zero', 'payment-product-open', 'piis-consent-v2',
    ]) expect(ids).toContain(id);
    for (const d of diffs) expect(typeof d.text === 'string' && d.text.length > 20).toBe(true);
  });
});

describe('own NextGenPSD2 1.3 description: operations', () => {
  it.each(PART_A)('part A: %s %s is %s', (method, p, id) => {
    expect(raw.paths[p]?.[method]?.operationId).toBe(id);
  });
  it.each(PART_B)('part B: %s %s is %s', (method, p, id) => {
    expect(raw.paths[p]?.[method]?.operationId).toBe(id);
  });

  it.each(PIIS_V2)('PIIS consent 2.0: %s %s is %s', (method, p, id) => {
    expect(raw.paths[p]?.[method]?.operationId).toBe(id);
  });

  it('has the 38 operations of 1.3.12 on 27 paths under /v1, and the 8 of the PIIS consent on 5 paths under /v2', () => {
    const ops = operations(raw);
    expect(ops).toHaveLength(46);
    expect(Object.keys(raw.paths)).toHaveLength(32);
    expect(new Set(ops.map((o) => o.op.operationId))).toEqual(new Set(ALL_OPS.map((o) => o[2])));
    expect(new Set(ops.map((o) => o.op.operationId)).size).toBe(46);
    for (const o of ops) expect(o.path.startsWith('/v1/') || o.path.startsWith(`${COF}`), o.path).toBe(true);
    expect(ops.filter((o) => o.path.startsWith('/v1/'))).toHaveLength(38);
  });
});

describe('own NextGenPSD2 1.3 description: parameters, headers and responses', () => {
  let doc: Json;
  beforeAll(async () => {
    doc = await SwaggerParser.dereference(structuredClone(raw));
  });
  const find = (params: Json[], name: string, where = 'header') =>
    params.find((p) => p.in === where && p.name.toLowerCase() === name.toLowerCase());

  it('requires X-Request-ID (uuid) on every operation', () => {
    for (const { op, params } of operations(doc)) {
      const p = find(params, 'X-Request-ID');
      expect(p, op.operationId).toBeTruthy();
      expect(p.required, op.operationId).toBe(true);
      expect(p.schema.format).toBe('uuid');
    }
  });

  it('requires PSU-IP-Address exactly on the three creating calls, accepting IPv4 and IPv6', () => {
    for (const { op, params } of operations(doc)) {
      const p = find(params, 'PSU-IP-Address');
      if (CREATING.includes(op.operationId)) expect(p?.required, op.operationId).toBe(true);
      else if (p) expect(p.required ?? false, op.operationId).toBe(false);
      if (p) expect(p.schema.format).toBeUndefined();
    }
  });

  it('requires Consent-ID on the nine AIS reads', () => {
    for (const { op, params } of operations(doc)) {
      if (!AIS_READS.includes(op.operationId)) continue;
      expect(find(params, 'Consent-ID')?.required, op.operationId).toBe(true);
    }
  });

  it('declares the SCA steering and signature headers where the standard has them', () => {
    const ops = Object.fromEntries(operations(doc).map((o) => [o.op.operationId, o.params]));
    for (const id of ['initiatePayment', 'createConsent', 'createSigningBasket']) {
      for (const h of ['TPP-Redirect-Preferred', 'TPP-Redirect-URI', 'TPP-Nok-Redirect-URI',
        'TPP-Explicit-Authorisation-Preferred', 'TPP-Decoupled-Preferred', 'PSU-ID', 'Digest', 'Signature',
        'TPP-Signature-Certificate', 'PSU-Geo-Location']) expect(find(ops[id], h), `${id} ${h}`).toBeTruthy();
    }
    for (const id of ['updatePaymentPsuData', 'updateConsentsPsuData', 'updatePaymentCancellationPsuData', 'updateSigningBasketPsuData'])
      expect(find(ops[id], 'PSU-ID'), id).toBeTruthy();
  });

  it('keeps payment-service as an enum and payment-product open', () => {
    const params = operations(doc).find((o) => o.op.operationId === 'initiatePayment')!.params;
    expect(find(params, 'payment-service', 'path').schema.enum).toEqual(['payments', 'bulk-payments', 'periodic-payments']);
    const product = find(params, 'payment-product', 'path');
    expect(product.schema.enum).toBeUndefined();
    expect(product.description).toContain('sepa-credit-transfers');
  });

  it('has the AIS query parameters, bookingStatus required', () => {
    const ops = Object.fromEntries(operations(doc).map((o) => [o.op.operationId, o.params]));
    const tl = ops.getTransactionList;
    expect(find(tl, 'bookingStatus', 'query').required).toBe(true);
    expect(find(tl, 'bookingStatus', 'query').schema.enum).toEqual(['booked', 'pending', 'both', 'information', 'all']);
    for (const q of ['dateFrom', 'dateTo', 'entryReferenceFrom', 'deltaList', 'withBalance'])
      expect(find(tl, q, 'query'), q).toBeTruthy();
    expect(find(ops.getCardAccountTransactionList, 'bookingStatus', 'query').required).toBe(true);
    expect(find(ops.getAccountList, 'withBalance', 'query')).toBeTruthy();
  });

  it('declares the success statuses of the standard', () => {
    const ops = Object.fromEntries(operations(doc).map((o) => [o.op.operationId, o.op]));
    const ok = (id: string) => Object.keys(ops[id].responses).filter((s) => s.startsWith('2')).sort();
    expect(ok('initiatePayment')).toEqual(['201']);
    expect(ok('cancelPayment')).toEqual(['202', '204']);
    expect(ok('deleteConsent')).toEqual(['204']);
    expect(ok('deleteSigningBasket')).toEqual(['204']);
    expect(ok('checkAvailabilityOfFunds')).toEqual(['200']);
    for (const id of ['startPaymentAuthorisation', 'startConsentAuthorisation', 'startSigningBasketAuthorisation',
      'startPaymentInitiationCancellationAuthorisation', 'createConsent', 'createSigningBasket']) expect(ok(id)).toEqual(['201']);
    for (const id of CREATING) {
      const h = ops[id].responses['201'].headers;
      expect(h.Location.required, id).toBe(true);
      expect(h.Location.schema.format).toBe('uri-reference');
      expect(h['ASPSP-SCA-Approach'].schema.enum).toEqual(['EMBEDDED', 'DECOUPLED', 'REDIRECT']);
    }
  });

  it('declares X-Request-ID on every response and the error responses as the standard', () => {
    for (const { op } of operations(doc)) {
      for (const [status, r] of Object.entries<Json>(op.responses)) {
        expect(r.headers?.['X-Request-ID'], `${op.operationId} ${status}`).toBeTruthy();
      }
      for (const s of ['400', '401', '403', '404', '405', '406', '409', '429']) {
        const c = op.responses[s]?.content;
        expect(c?.['application/json']?.schema?.properties?.tppMessages, `${op.operationId} ${s}`).toBeTruthy();
        expect(c?.['application/problem+json']?.schema?.required, `${op.operationId} ${s}`).toEqual(['type', 'code']);
      }
      for (const s of ['408', '415', '500', '503']) {
        expect(op.responses[s], `${op.operationId} ${s}`).toBeTruthy();
        expect(op.responses[s].content, `${op.operationId} ${s}`).toBeUndefined();
      }
    }
    // error responses are shared components
    for (const { op } of operations(raw))
      for (const s of ['400', '401', '403', '404', '405', '406', '408', '409', '415', '429', '500', '503'])
        expect(op.responses[s].$ref).toBe(`#/components/responses/Error${s}`);
  });
});

describe('own NextGenPSD2 1.3 description: schema hygiene', () => {
  it('anchors every pattern with ^ and $', () => {
    const patterns: string[] = [];
    walk(raw, (obj, at) => {
      if (typeof obj.pattern === 'string') {
        patterns.push(at);
        expect(obj.pattern.startsWith('^'), at).toBe(true);
        expect(obj.pattern.endsWith('$'), at).toBe(true);
        expect(() => new RegExp(obj.pattern, 'u'), at).not.toThrow();
      }
    });
    expect(patterns.length).toBeGreaterThanOrEqual(10);
  });

  it('uses no format url, no boolean exclusive bounds and no closed objects', () => {
    walk(raw, (obj, at) => {
      expect(obj.format === 'url', at).toBe(false);
      expect(typeof obj.exclusiveMinimum === 'boolean' || typeof obj.exclusiveMaximum === 'boolean', at).toBe(false);
      expect(obj.additionalProperties === false, at).toBe(false);
    });
  });

  it('compiles every component schema and every inline schema with ajv', () => {
    const ajv = makeAjv();
    const names = Object.keys(raw.components.schemas);
    expect(names.length).toBeGreaterThan(100);
    for (const n of names) expect(() => ajv.getSchema(`${ROOT_ID}#/components/schemas/${n}`), n).not.toThrow();
    let inline = 0;
    walk({ paths: raw.paths, parameters: raw.components.parameters, responses: raw.components.responses,
      headers: raw.components.headers, requestBodies: raw.components.requestBodies }, (obj, at) => {
      if (obj.schema && typeof obj.schema === 'object') {
        inline++;
        expect(() => ajv.compile(toJsonSchema(obj.schema)), at).not.toThrow();
      }
    });
    expect(inline).toBeGreaterThan(50);
  });
});

describe('own NextGenPSD2 1.3 description: bodies', () => {
  const ajv = makeAjv();
  const validators = new Map<string, ValidateFunction>();
  const v = (name: string) => {
    if (!validators.has(name)) {
      const fn = ajv.getSchema(`${ROOT_ID}#/components/schemas/${name}`);
      if (!fn) throw new Error(`no schema ${name}`);
      validators.set(name, fn);
    }
    return validators.get(name)!;
  };
  const ok = (name: string, body: unknown) => {
    const fn = v(name);
    expect(fn(body), `${name}: ${JSON.stringify(fn.errors)}`).toBe(true);
  };
  const bad = (name: string, body: unknown) => expect(v(name)(body), `${name} accepted ${JSON.stringify(body)}`).toBe(false);

  const eur = (amount: string) => ({ currency: 'EUR', amount });
  const single = {
    instructedAmount: eur('123.50'),
    debtorAccount: { iban: 'DE40100100103307118608' },
    creditorName: 'Merchant123',
    creditorAccount: { iban: 'DE02100100109307118603' },
    remittanceInformationUnstructured: 'Ref Number Merchant',
  };
  const periodic = { ...single, startDate: '2018-03-01', executionRule: 'preceding', frequency: 'Monthly', dayOfExecution: '01' };
  const bulk = {
    batchBookingPreferred: true,
    debtorAccount: { iban: 'DE40100100103307118608' },
    requestedExecutionDate: '2018-08-01',
    payments: [
      { instructedAmount: eur('123.50'), creditorName: 'Merchant123', creditorAccount: { iban: 'DE02100100109307118603' }, remittanceInformationUnstructured: 'Ref Number Merchant 1' },
      { instructedAmount: eur('34.10'), creditorName: 'Merchant456', creditorAccount: { iban: 'FR7612345987650123456789014' }, remittanceInformationUnstructured: 'Ref Number Merchant 2' },
    ],
  };

  it('amount, currency and account identifiers: anchored patterns', () => {
    ok('amount', eur('123.50'));
    ok('amount', eur('-1.5'));
    ok('amount', eur('1056'));
    bad('amount', { currency: 'EURO', amount: '1.00' });
    bad('amount', { currency: 'eur', amount: '1.00' });
    bad('amount', eur('12,50abc1'));
    bad('amount', eur('1.2345'));
    bad('amount', { currency: 'EUR', amount: 12.5 });
    bad('amount', { currency: 'EUR' });
    ok('accountReference', { iban: 'DE40100100103307118608' });
    ok('accountReference', { iban: 'DE40100100103307118608', currency: 'USD' });
    ok('accountReference', { bban: 'BARC12345612345678' });
    ok('accountReference', { maskedPan: '123456xxxxxx1234' });
    bad('accountReference', { iban: 'xxDE40100100103307118608yy!!' });
    bad('accountReference', { iban: 'DE40100100103307118608', bban: '3307118608' });
    bad('accountReference', { currency: 'EUR' });
    ok('bicfi', 'AAAADEBBXXX');
    ok('bicfi', 'AAAADEBB');
    bad('bicfi', 'xAAAADEBBXXXx');
    ok('geoLocation', 'GEO:52.506931;13.144558');
    bad('geoLocation', 'x GEO:52.506931;13.144558 x');
  });

  it('PSU-IP-Address schema accepts IPv4 and IPv6 only', () => {
    ok('ipAddress', '192.168.8.78');
    ok('ipAddress', '2001:db8::8a2e:370:7334');
    bad('ipAddress', 'not-an-ip');
    bad('ipAddress', '999.1.1.1');
  });

  it('initiatePayment body: single, periodic and bulk branches are exclusive', () => {
    ok('paymentInitiationRequest', single);
    ok('paymentInitiationRequest', periodic);
    ok('paymentInitiationRequest', bulk);
    ok('paymentInitiation_json', single);
    ok('periodicPaymentInitiation_json', periodic);
    ok('bulkPaymentInitiation_json', bulk);
    // each body fits exactly its own branch
    bad('paymentInitiation_json', periodic);
    bad('paymentInitiation_json', bulk);
    bad('periodicPaymentInitiation_json', single);
    bad('bulkPaymentInitiation_json', periodic);
    // mixtures and incomplete bodies fit no branch
    bad('paymentInitiationRequest', { ...periodic, payments: bulk.payments });
    bad('paymentInitiationRequest', { ...single, frequency: 'Monthly' });
    bad('paymentInitiationRequest', { ...single, instructedAmount: { currency: 'EURO', amount: '1' } });
    bad('paymentInitiationRequest', { ...single, creditorAccount: { iban: 'xxDE02100100109307118603yy!!' } });
    bad('paymentInitiationRequest', { ...bulk, payments: [{ ...bulk.payments[0], debtorAccount: { iban: 'DE40100100103307118608' } }] });
    bad('paymentInitiationRequest', { ...bulk, batchBookingPreferred: 'true' });
  });

  it('dayOfExecution accepts a leading zero, nothing out of range', () => {
    for (const d of ['1', '01', '09', '10', '28', '31']) ok('dayOfExecution', d);
    for (const d of ['0', '00', '32', '001', '1x', '']) bad('dayOfExecution', d);
    ok('monthsOfExecution', ['1', '06', '12']);
    bad('monthsOfExecution', ['13']);
  });

  it('update-PSU-data request: exactly one exclusive branch', () => {
    ok('updatePsuDataRequest', {});
    ok('updatePsuDataRequest', { psuData: { password: 'start12' } });
    ok('updatePsuDataRequest', { authenticationMethodId: 'myAuthenticationID' });
    ok('updatePsuDataRequest', { scaAuthenticationData: '123456' });
    ok('updatePsuDataRequest', { confirmationCode: 'Kb0LkcZ3TVaUfoX7f7sj' });
    bad('updatePsuDataRequest', { psuData: { password: 'start12' }, scaAuthenticationData: '123456' });
    bad('updatePsuDataRequest', { authenticationMethodId: 'x', confirmationCode: 'y' });
    bad('updatePsuDataRequest', { foo: 'bar' });
    bad('updatePsuDataRequest', { psuData: {} });
    ok('startAuthorisationRequest', {});
    ok('startAuthorisationRequest', { psuData: { password: 'start12' } });
    bad('startAuthorisationRequest', { confirmationCode: 'y' });
  });

  it('update-PSU-data 200 response: the step responses', () => {
    ok('updatePsuDataResponse', { scaStatus: 'psuIdentified', _links: { scaStatus: { href: '/v1/payments/sepa-credit-transfers/1234/authorisations/123' } } });
    ok('updatePsuDataResponse', {
      scaStatus: 'psuAuthenticated',
      scaMethods: [{ authenticationType: 'SMS_OTP', authenticationMethodId: 'myAuthenticationID' }, { authenticationType: 'APP', authenticationMethodId: 'vaultappcheck', decoupled: false }],
      _links: { selectAuthenticationMethod: { href: '/v1/payments/sepa-credit-transfers/1234/authorisations/123' } },
    });
    ok('updatePsuDataResponse', { scaStatus: 'scaMethodSelected', chosenScaMethod: { authenticationType: 'SMS_OTP', authenticationMethodId: 'myAuthenticationID' }, challengeData: { otpMaxLength: 6, otpFormat: 'integer' } });
    ok('updatePsuDataResponse', { scaStatus: 'finalised', _links: { scaStatus: { href: '/v1/consents/1/authorisations/2' } } });
    bad('updatePsuDataResponse', { scaStatus: 'done' });
    bad('updatePsuDataResponse', { scatransactionStatus: 'psuIdentified' });
    bad('authorisationConfirmationResponse', { scaStatus: 'started', _links: { scaStatus: { href: '/x' } } });
  });

  it('payment responses', () => {
    const created = {
      transactionStatus: 'RCVD',
      paymentId: '1234-wertiq-983',
      _links: {
        scaRedirect: { href: 'https://www.testbank.com/asdfasdfasdf' },
        self: { href: '/v1/payments/sepa-credit-transfers/1234-wertiq-983' },
        status: { href: '/v1/payments/sepa-credit-transfers/1234-wertiq-983/status' },
        scaStatus: { href: '/v1/payments/sepa-credit-transfers/1234-wertiq-983/authorisations/123auth456' },
        someBankLink: { href: '/extra' },
      },
      bankSpecificField: 42,
    };
    ok('paymentInitiationRequestResponse-201', created);
    bad('paymentInitiationRequestResponse-201', { ...created, _links: undefined });
    bad('paymentInitiationRequestResponse-201', { ...created, transactionStatus: 'XXXX' });
    ok('paymentInitiationStatusResponse-200_json', { transactionStatus: 'ACCP', fundsAvailable: true });
    bad('paymentInitiationStatusResponse-200_json', { transactionStatus: 'ACCP', fundsAvailable: 'true' });
    ok('paymentInformation', { ...single, transactionStatus: 'ACSC' });
    ok('paymentInformation', { ...periodic, transactionStatus: 'ACTC' });
    ok('paymentInitiationCancelResponse-202', { transactionStatus: 'ACTC', _links: { startAuthorisation: { href: '/v1/payments/sepa-credit-transfers/1234/cancellation-authorisations' } } });
    ok('startScaprocessResponse', { scaStatus: 'received', authorisationId: '123auth456', _links: { scaStatus: { href: '/v1/payments/sepa-credit-transfers/1234/authorisations/123auth456' } } });
    bad('startScaprocessResponse', { scaStatus: 'received', _links: {} });
    ok('authorisations', { authorisationIds: ['123auth456'] });
    ok('scaStatusResponse', { scaStatus: 'unconfirmed' });
    bad('scaStatusResponse', {});
  });

  it('consents', () => {
    const consent = {
      access: {
        balances: [{ iban: 'DE40100100103307118608' }, { iban: 'DE02100100109307118603', currency: 'USD' }],
        transactions: [{ iban: 'DE40100100103307118608' }, { maskedPan: '123456xxxxxx1234' }],
      },
      recurringIndicator: true,
      validUntil: '2017-11-01',
      frequencyPerDay: 4,
    };
    ok('consents', consent); // without combinedServiceIndicator
    ok('consents', { ...consent, combinedServiceIndicator: false });
    ok('consents', { access: { availableAccounts: 'allAccounts' }, recurringIndicator: false, validUntil: '2017-08-06', frequencyPerDay: 1 });
    bad('consents', { ...consent, frequencyPerDay: 0 });
    bad('consents', { ...consent, recurringIndicator: 'true' });
    bad('consents', { ...consent, access: { allPsd2: 'everything' } });
    ok('consentsResponse-201', { consentStatus: 'received', consentId: '1234-wertiq-983', _links: { scaRedirect: { href: 'https://www.testbank.com/authentication/1234-wertiq-983' }, status: { href: '/v1/consents/1234-wertiq-983/status' } } });
    const info = { ...consent, lastActionDate: '2017-10-09', consentStatus: 'valid' };
    ok('consentInformationResponse-200_json', info);
    bad('consentInformationResponse-200_json', { ...info, lastActionDate: undefined });
    bad('consentInformationResponse-200_json', { ...info, consentStatus: 'terminatedByAspsp' });
    ok('consentStatusResponse-200', { consentStatus: 'terminatedByTpp' });
  });

  it('accounts, balances and transactions', () => {
    const account = {
      resourceId: '3dc3d5b3-7023-4848-9853-f5400a64e80f',
      iban: 'DE2310010010123456789',
      currency: 'EUR',
      product: 'Girokonto',
      cashAccountType: 'CACC',
      name: 'Main Account',
      _links: { balances: { href: '/v1/accounts/3dc3d5b3-7023-4848-9853-f5400a64e80f/balances' } },
    };
    ok('accountList', { accounts: [account] });
    bad('accountList', { accounts: [{ ...account, currency: undefined }] });
    bad('accountList', { accounts: [{ ...account, currency: 'EURO' }] });
    ok('accountDetailsResponse', { account });
    const balance = { balanceAmount: eur('500.00'), balanceType: 'closingBooked', referenceDate: '2017-10-25' };
    ok('readAccountBalanceResponse-200', { account: { iban: 'FR7612345987650123456789014' }, balances: [balance] });
    bad('readAccountBalanceResponse-200', { balances: [{ ...balance, balanceType: 'authorised' }] });
    bad('readAccountBalanceResponse-200', { balances: [{ balanceAmount: eur('1.00') }] });
    const tx = {
      transactionId: '1234567',
      creditorName: 'John Miles',
      creditorAccount: { iban: 'DE67100100101306118605' },
      transactionAmount: eur('-256.67'),
      bookingDate: '2017-10-25',
      valueDate: '2017-10-26',
      remittanceInformationUnstructured: 'Example 1',
    };
    const report = {
      account: { iban: 'DE2310010010123456788' },
      transactions: { booked: [tx], pending: [], _links: { account: { href: '/v1/accounts/3dc3d5b3' } } },
    };
    ok('transactionsResponse-200_json', report);
    bad('transactionsResponse-200_json', { ...report, transactions: { booked: [tx], _links: {} } });
    bad('transactionsResponse-200_json', { ...report, transactions: { ...report.transactions, booked: [{ ...tx, transactionAmount: eur('12,50abc1') }] } });
    ok('transactionsResponse-200_json', { _links: { download: { href: '/v1/accounts/3dc3d5b3/transactions/download/a' } } });
    ok('transactionDetailsBody', { transactionsDetails: tx });
    bad('transactionDetailsBody', { transactionsDetails: { transactionId: '1' } });
    ok('cardAccountList', { cardAccounts: [{ resourceId: '3d9a81b3', maskedPan: '525412******3241', currency: 'EUR', creditLimit: eur('15000') }] });
    bad('cardAccountList', { cardAccounts: [{ resourceId: '3d9a81b3', currency: 'EUR' }] });
  });

  it('confirmation-of-funds consent (PIIS consent 2.0)', () => {
    ok('consentsConfirmationOfFunds', { account: { iban: 'DE40100100103307118608' }, cardNumber: '1234567891234', cardExpiryDate: '2030-12-31', registrationInformation: 'Your contract Number 1234 with MyMerchant is completed with the registration with your bank.' });
    bad('consentsConfirmationOfFunds', { cardNumber: '1234567891234' });
    bad('consentsConfirmationOfFunds', { account: { iban: 'DE40100100103307118608' }, cardInformation: 'x'.repeat(141) });
    ok('consentsConfirmationOfFundsResponse-201', { consentStatus: 'received', consentId: 'c-1', _links: { scaRedirect: { href: 'https://bank/sca/1' }, self: { href: '/v2/consents/confirmation-of-funds/c-1' } } });
    bad('consentsConfirmationOfFundsResponse-201', { consentStatus: 'partiallyAuthorised', consentId: 'c-1', _links: {} });
    ok('consentConfirmationOfFundsContentResponse-200', { account: { iban: 'DE40100100103307118608' }, consentStatus: 'valid' });
    bad('consentConfirmationOfFundsContentResponse-200', { consentStatus: 'valid' });
    ok('consentConfirmationOfFundsStatusResponse-200', { consentStatus: 'terminatedByTpp' });
  });

  it('funds confirmation, signing baskets and error bodies', () => {
    ok('confirmationOfFunds', { account: { iban: 'DE23100120020123456789' }, instructedAmount: eur('123') });
    ok('confirmationOfFundsResponse-200', { fundsAvailable: true });
    bad('confirmationOfFundsResponse-200', { fundsAvailable: 'true' });
    ok('signingBasket', { paymentIds: ['123qwert456789', '12345qwert7899'] });
    bad('signingBasket', {});
    ok('signingBasketResponse-201', { transactionStatus: 'RCVD', basketId: '1234-basket-567', _links: { self: { href: '/v1/signing-baskets/1234-basket-567' }, startAuthorisation: { href: '/v1/signing-baskets/1234-basket-567/authorisations' } } });
    ok('signingBasketStatusResponse-200', { transactionStatus: 'ACTC' });
    ok('tppErrorResponse', { tppMessages: [{ category: 'ERROR', code: 'FORMAT_ERROR', path: 'PSU-IP-Address', text: 'Header missing' }] });
    ok('tppErrorResponse', { tppMessages: [{ category: 'ERROR', code: 'BANK_OWN_CODE' }] });
    bad('tppErrorResponse', { tppMessages: [{ category: 'FATAL', code: 'FORMAT_ERROR' }] });
    bad('tppErrorResponse', { tppMessages: [{ category: 'ERROR', code: 'FORMAT_ERROR', text: 'x'.repeat(501) }] });
    bad('tppErrorResponse', [{ category: 'ERROR', code: 'STATUS_INVALID' }]);
    ok('problemDetails', { type: 'https://berlin-group.org/problems/format-error', code: 'FORMAT_ERROR', detail: 'Format of certain request fields are not matching the XS2A requirements.' });
    bad('problemDetails', { title: 'no type and code' });
  });
});
