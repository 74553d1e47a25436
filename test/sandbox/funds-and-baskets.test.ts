import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundled } from '../../src/paths.js';
import { startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/types.js';
import { type CallResult, Client, TPP_OK, paymentBody } from './client.js';
import { REDIRECT_HEADERS, aliceEur, aliceGbp, approveAs, bobEur, conforms, consentBody, createConsent, submitScaPage } from './flows.js';
import { SpecValidator } from './spec-harness.js';

const expectError = (r: CallResult, status: number, code: string) => {
  expect(r.status, r.text).toBe(status);
  expect(r.json.tppMessages[0].code).toBe(code);
};

describe('sandbox confirmation of funds and its consent (PIIS)', () => {
  let bank: RunningSandbox;
  let client: Client;
  /** The /v2 consent is not in the official 1.3.12 file: judged against the bundled description. */
  let v2: Client;
  beforeAll(async () => {
    bank = await startSandbox({});
    client = new Client(bank.url, new SpecValidator());
    v2 = new Client(bank.url, new SpecValidator(bundled.spec()));
  });
  afterAll(() => bank.close());

  const funds = (body: unknown, consentId?: string) =>
    client.post('/v1/funds-confirmations', { headers: consentId ? { 'Consent-ID': consentId } : {}, json: body }).then(conforms);
  const check = (iban: string, amount: string, currency = 'EUR') => ({ account: { iban }, instructedAmount: { currency, amount } });

  it('confirms funds against the available balance, on accounts whose PSU enabled it', async () => {
    expect((await funds(check(aliceEur.iban, '10.00'))).json).toEqual({ fundsAvailable: true });
    expect((await funds(check(aliceEur.iban, '999999.00'))).json).toEqual({ fundsAvailable: false });
    expectError(await funds(check(aliceGbp.iban, '1.00', 'GBP')), 400, 'NO_PIIS_ACTIVATION');
    expectError(await funds(check('DE89370400440532013000', '1.00')), 400, 'RESOURCE_UNKNOWN');
    expectError(await funds(check(aliceEur.iban, '1.00', 'USD')), 400, 'FORMAT_ERROR');
    expectError(await funds({ account: { iban: aliceEur.iban } }), 400, 'FORMAT_ERROR');
    expectError(await funds(check(aliceEur.iban, '1.00'), 'no-such-consent'), 403, 'CONSENT_UNKNOWN');
  });

  it('a confirmation-of-funds consent: created, authorised by redirect, used, read, ended', async () => {
    const created = conforms(await v2.post('/v2/consents/confirmation-of-funds', { headers: REDIRECT_HEADERS, json: { account: { iban: aliceEur.iban }, cardNumber: '4711081512345678', registrationInformation: 'Contract 1' } }));
    expect(created.status).toBe(201);
    const id = created.json.consentId as string;
    expect(created.headers.get('location')).toBe(`${bank.url}/v2/consents/confirmation-of-funds/${id}`);
    expect(Object.keys(created.json._links)).toEqual(['scaRedirect', 'self', 'status', 'scaStatus']);
    expectError(await funds(check(aliceEur.iban, '1.00'), id), 401, 'CONSENT_INVALID');
    const page = await v2.get(created.json._links.scaRedirect.href, { noRequestId: true });
    expect(page.text).toContain('Allow confirmation of funds');
    await approveAs(v2, created.json._links.scaRedirect.href, 'psu-alice', 'sandbox-alice-1');
    expect(conforms(await v2.get(created.json._links.status.href)).json).toEqual({ consentStatus: 'valid' });
    expect(conforms(await v2.get(created.json._links.self.href)).json).toEqual({ account: { iban: aliceEur.iban }, cardNumber: '4711081512345678', registrationInformation: 'Contract 1', consentStatus: 'valid' });
    expect((await funds(check(aliceEur.iban, '10.00'), id)).json.fundsAvailable).toBe(true);
    expectError(await funds(check(bobEur.iban, '10.00'), id), 401, 'CONSENT_INVALID');
    expect(conforms(await v2.delete(created.json._links.self.href)).status).toBe(204);
    expect(conforms(await v2.get(created.json._links.status.href)).json.consentStatus).toBe('terminatedByTpp');
    expectError(await funds(check(aliceEur.iban, '10.00'), id), 401, 'CONSENT_EXPIRED');
  });

  it('explicit start, authorisation list, PUT refused, rejection; bad requests', async () => {
    const created = conforms(await v2.post('/v2/consents/confirmation-of-funds', { headers: { ...REDIRECT_HEADERS, 'TPP-Explicit-Authorisation-Preferred': 'true' }, json: { account: { iban: aliceEur.iban } } }));
    expect(Object.keys(created.json._links)).toEqual(['startAuthorisation', 'self', 'status']);
    const start = conforms(await v2.post(created.json._links.startAuthorisation.href, { headers: { 'TPP-Redirect-URI': TPP_OK } }));
    expect(start.status).toBe(201);
    expect(conforms(await v2.get(created.json._links.startAuthorisation.href)).json).toEqual({ authorisationIds: [start.json.authorisationId] });
    expectError(conforms(await v2.put(start.json._links.scaStatus.href, { json: {} })), 403, 'SERVICE_BLOCKED');
    await submitScaPage(v2, start.json._links.scaRedirect.href, { decision: 'reject' });
    expect(conforms(await v2.get(start.json._links.scaStatus.href)).json.scaStatus).toBe('failed');
    expect(conforms(await v2.get(created.json._links.status.href)).json.consentStatus).toBe('rejected');
    const post = (json: unknown) => v2.post('/v2/consents/confirmation-of-funds', { headers: REDIRECT_HEADERS, json }).then(conforms);
    expectError(await post({}), 400, 'FORMAT_ERROR');
    expectError(await post({ account: { iban: aliceGbp.iban } }), 400, 'NO_PIIS_ACTIVATION');
    expectError(await post({ account: { iban: 'DE89370400440532013000' } }), 400, 'RESOURCE_UNKNOWN');
    expectError(conforms(await v2.get('/v2/consents/confirmation-of-funds/nope')), 403, 'CONSENT_UNKNOWN');
  });
});

describe('sandbox signing baskets', () => {
  let bank: RunningSandbox;
  let client: Client;
  beforeAll(async () => {
    bank = await startSandbox({});
    client = new Client(bank.url, new SpecValidator());
  });
  afterAll(() => bank.close());

  const explicitPayment = async (amount = '10.00') =>
    conforms(await client.post('/v1/payments/sepa-credit-transfers', { headers: { ...REDIRECT_HEADERS, 'TPP-Explicit-Authorisation-Preferred': 'true' }, json: paymentBody(aliceEur.iban, { instructedAmount: { currency: 'EUR', amount } }) })).json.paymentId as string;
  const basket = (body: unknown) => client.post('/v1/signing-baskets', { headers: REDIRECT_HEADERS, json: body }).then(conforms);
  const paymentStatus = async (id: string) => conforms(await client.get(`/v1/payments/sepa-credit-transfers/${id}/status`)).json.transactionStatus;

  it('one SCA authorises every payment of the basket; members cannot be authorised on their own meanwhile', async () => {
    const [a, b] = [await explicitPayment('10.00'), await explicitPayment('20.00')];
    const created = await basket({ paymentIds: [a, b] });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ transactionStatus: 'RCVD' });
    expect(Object.keys(created.json._links)).toEqual(['startAuthorisation', 'self', 'status']);
    expect(created.headers.get('location')).toBe(created.json._links.self.href);
    expect(conforms(await client.get(created.json._links.self.href)).json).toMatchObject({ payments: [a, b], transactionStatus: 'RCVD' });
    expectError(conforms(await client.post(`/v1/payments/sepa-credit-transfers/${a}/authorisations`)), 400, 'RESOURCE_BLOCKED');
    expectError(conforms(await client.delete(`/v1/payments/sepa-credit-transfers/${a}`)), 400, 'RESOURCE_BLOCKED');
    const start = conforms(await client.post(created.json._links.startAuthorisation.href, { headers: { 'TPP-Redirect-URI': TPP_OK } }));
    expect(start.status).toBe(201);
    const page = await client.get(start.json._links.scaRedirect.href, { noRequestId: true });
    expect(page.text).toContain('Authorise signing basket');
    expect(page.text).toContain('20.00 EUR');
    expectError(conforms(await client.put(start.json._links.scaStatus.href, { json: {} })), 403, 'SERVICE_BLOCKED');
    await approveAs(client, start.json._links.scaRedirect.href, 'psu-alice', 'sandbox-alice-1');
    expect(conforms(await client.get(created.json._links.status.href)).json).toEqual({ transactionStatus: 'ACTC' });
    expect(await paymentStatus(a)).toBe('ACTC');
    expect(await paymentStatus(b)).toBe('ACTC');
    expectError(conforms(await client.delete(created.json._links.self.href)), 409, 'STATUS_INVALID');
    expectError(conforms(await client.post(created.json._links.startAuthorisation.href)), 409, 'STATUS_INVALID');
  });

  it('baskets of consents; a rejected basket rejects its members', async () => {
    const consent = async () => conforms(await createConsent(client, consentBody({ allPsd2: 'allAccounts' }), { 'TPP-Explicit-Authorisation-Preferred': 'true' })).json.consentId as string;
    const [c1, c2] = [await consent(), await consent()];
    const created = await basket({ consentIds: [c1, c2] });
    const start = conforms(await client.post(created.json._links.startAuthorisation.href, { headers: { 'TPP-Redirect-URI': TPP_OK } }));
    await submitScaPage(client, start.json._links.scaRedirect.href, { decision: 'reject' });
    expect(conforms(await client.get(created.json._links.status.href)).json.transactionStatus).toBe('RJCT');
    expect(conforms(await client.get(`/v1/consents/${c1}/status`)).json.consentStatus).toBe('rejected');
  });

  it('refuses mixed baskets, authorised or already basketed members, unknown ids and empty baskets; a deleted basket frees its members', async () => {
    const payment = await explicitPayment();
    const consentId = conforms(await createConsent(client, consentBody({ allPsd2: 'allAccounts' }), { 'TPP-Explicit-Authorisation-Preferred': 'true' })).json.consentId;
    expectError(await basket({ paymentIds: [payment], consentIds: [consentId] }), 400, 'REFERENCE_MIX_INVALID');
    const implicit = conforms(await client.post('/v1/payments/sepa-credit-transfers', { headers: REDIRECT_HEADERS, json: paymentBody(aliceEur.iban) })).json.paymentId;
    expectError(await basket({ paymentIds: [payment, implicit] }), 409, 'REFERENCE_STATUS_INVALID');
    expectError(await basket({ paymentIds: ['nope'] }), 400, 'RESOURCE_UNKNOWN');
    expectError(await basket({}), 400, 'FORMAT_ERROR');
    expectError(await basket({ paymentIds: [payment, payment] }), 400, 'FORMAT_ERROR');
    expectError(await client.post('/v1/signing-baskets', { headers: {}, json: { paymentIds: [payment] } }).then(conforms), 400, 'FORMAT_ERROR');
    const created = await basket({ paymentIds: [payment] });
    expectError(await basket({ paymentIds: [payment] }), 400, 'RESOURCE_BLOCKED');
    expect(conforms(await client.delete(created.json._links.self.href)).status).toBe(204);
    expect(conforms(await client.get(created.json._links.status.href)).json.transactionStatus).toBe('CANC');
    const own = conforms(await client.post(`/v1/payments/sepa-credit-transfers/${payment}/authorisations`, { headers: { 'TPP-Redirect-URI': TPP_OK } }));
    expect(own.status).toBe(201);
    expectError(conforms(await client.get('/v1/signing-baskets/nope')), 404, 'RESOURCE_UNKNOWN');
  });
});
