import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/types.js';

const HEADERS = { 'Content-Type': 'application/json', 'PSU-IP-Address': '192.0.2.10' };

async function call(bank: RunningSandbox, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${bank.url}${path}`, {
    method,
    headers: { 'X-Request-ID': randomUUID(), ...HEADERS, ...headers },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, any>) : undefined };
}

const banks: Record<string, RunningSandbox> = {};
beforeAll(async () => {
  for (const mode of ['standard', 'mockbank', 'obp', 'bank-variant', 'mypos']) banks[mode] = await startSandbox({ mode });
  banks['obp-defect'] = await startSandbox({ mode: 'obp', defects: ['obp-error-without-code'] });
});
afterAll(async () => {
  await Promise.all(Object.values(banks).map((b) => b.close()));
});

const gel = { debtorAccount: { iban: 'GE18XS0000000101904917' }, instructedAmount: { currency: 'GEL', amount: '86.40' }, creditorAccount: { iban: 'GE38TB7000036620380001' }, creditorName: 'Telasi JSC' };
const sct = { instructedAmount: { currency: 'EUR', amount: '12.00' }, creditorAccount: { iban: 'DE89370400440532013000' }, creditorName: 'Muster GmbH' };
const guideConsent = { access: { allPsd2: 'allAccounts' }, frequencyPerDay: 0, recurringIndicator: false, validUntil: '2030-10-10' };

describe('reference bank emulation modes', () => {
  it('rejects an unknown mode, naming the known ones', async () => {
    await expect(startSandbox({ mode: 'nope' })).rejects.toThrow(/Unknown reference bank mode nope\. Known modes: standard, mockbank, obp, bank-variant, mypos/);
  });

  it('bank-variant: products aspsp, domestic, foreign in GEL instead of the SEPA ones', async () => {
    const bank = banks['bank-variant']!;
    expect((await call(bank, 'POST', '/v1/payments/domestic', gel)).status).toBe(201);
    expect((await call(bank, 'POST', '/v1/payments/domestic', { ...gel, instructedAmount: { currency: 'EUR', amount: '1.00' } })).status).toBe(400);
    expect((await call(bank, 'POST', '/v1/payments/sepa-credit-transfers', sct)).json!['tppMessages'][0].code).toBe('PRODUCT_UNKNOWN');
    expect((await call(banks['standard']!, 'POST', '/v1/payments/domestic', gel)).status).toBe(404);
  });

  it('bank-variant: a paged, localised product catalogue that the standard bank lacks', async () => {
    const bank = banks['bank-variant']!;
    const page = await call(bank, 'GET', '/v1/deposits?locale=en&page-size=2');
    expect(page.status).toBe(200);
    expect(page.json!['deposits'].map((d: { name: string }) => d.name)).toEqual(['Term deposit 12 months', 'Term deposit 6 months']);
    expect(page.json!['_links'].next.href).toContain('page=1');
    expect((await call(bank, 'GET', '/v1/products/loan-mortgage-gel')).json!['name']).toBe('იპოთეკური სესხი');
    expect((await call(bank, 'GET', '/v1/loans?locale=fr')).status).toBe(400);
    expect((await call(banks['standard']!, 'GET', '/v1/products')).status).toBe(404);
  });

  it('mypos: SEPA and cross-border single payments only, debtorAccount optional, an authorizationUrl beside the links', async () => {
    const bank = banks['mypos']!;
    const created = await call(bank, 'POST', '/v1/payments/sepa-credit-transfers', sct, { 'TPP-Redirect-URI': 'https://tpp.example/ok' });
    expect(created.status).toBe(201);
    expect(created.json!['authorizationUrl']).toBe(created.json!['_links'].scaRedirect.href);
    expect((await call(bank, 'POST', '/v1/payments/instant-sepa-credit-transfers', sct)).status).toBe(404);
    expect((await call(bank, 'POST', '/v1/periodic-payments/sepa-credit-transfers', sct)).status).toBe(400);
    expect((await call(banks['standard']!, 'POST', '/v1/payments/sepa-credit-transfers', sct)).status).toBe(400);
  });

  it('mockbank: the guide consent (frequencyPerDay 0, no combinedServiceIndicator) is accepted; the standard bank refuses it', async () => {
    const created = await call(banks['mockbank']!, 'POST', '/v1/consents', guideConsent, { 'PSU-ID': 'psu-alice' });
    expect(created.status).toBe(201);
    expect((await call(banks['mockbank']!, 'GET', `/v1/consents/${created.json!['consentId']}`)).json!['frequencyPerDay']).toBe(0);
    expect((await call(banks['standard']!, 'POST', '/v1/consents', guideConsent)).status).toBe(400);
  });
});

describe('obp mode: the Open Bank Project consent API', () => {
  const P = '/obp/v5.1.0';
  const obp = (path: string, method = 'GET', body?: unknown, headers: Record<string, string> = {}) => call(banks['obp']!, method, path, body, headers);
  let auth: Record<string, string>;
  beforeAll(async () => {
    const login = await obp('/my/logins/direct', 'POST', undefined, { DirectLogin: 'username="psu-alice", password="sandbox-alice-1", consumer_key="ck-1"' });
    expect(login.status).toBe(201);
    auth = { Authorization: `DirectLogin token="${login.json!['token']}"`, 'Consumer-Key': 'ck-1' };
  });

  it('consent by SMS: INITIATED, challenge answered → ACCEPTED, the Consent-JWT reads the account, revoked → refused', async () => {
    const created = await obp(`${P}/banks/rbank.01.de/my/consents/SMS`, 'POST', { everything: true, phone_number: '+4917055512345' }, auth);
    expect(created.json).toMatchObject({ status: 'INITIATED' });
    const jwt = { 'Consent-JWT': created.json!['jwt'], 'Consumer-Key': 'ck-1' };
    const read = () => obp(`${P}/my/banks/rbank.01.de/accounts/acc-alice-eur/account`, 'GET', undefined, jwt);
    expect((await read()).json).toEqual({ code: 401, message: 'OBP-35005: Consent-Id is not in status ACCEPTED.' });
    const answered = await obp(`${P}/banks/rbank.01.de/consents/${created.json!['consent_id']}/challenge`, 'POST', { answer: '123456' }, auth);
    expect(answered.json!['status']).toBe('ACCEPTED');
    expect((await read()).json!['account_routings'][0].scheme).toBe('IBAN');
    expect((await obp(`${P}/my/banks/rbank.01.de/accounts/acc-alice-eur/account`, 'GET', undefined, { ...jwt, 'Consumer-Key': 'other' })).json!['message']).toMatch(/^OBP-35004/);
    expect((await obp(`${P}/banks/rbank.01.de/my/consents/${created.json!['consent_id']}/revoke`, 'GET', undefined, auth)).json!['status']).toBe('REVOKED');
    expect((await read()).status).toBe(401);
  });

  it('a wrong answer rejects the consent; OBP errors carry their codes', async () => {
    const created = await obp(`${P}/banks/rbank.01.de/my/consents/EMAIL`, 'POST', { everything: true, email: 'a@example.com' }, auth);
    const answered = await obp(`${P}/banks/rbank.01.de/consents/${created.json!['consent_id']}/challenge`, 'POST', { answer: 'nope' }, auth);
    expect(answered.json!['status']).toBe('REJECTED');
    expect((await obp(`${P}/my/consents`)).json).toEqual({ code: 401, message: 'OBP-20001: User not logged in. Authentication is required!' });
    expect((await obp(`${P}/banks/nobank/my/consents/SMS`, 'POST', { everything: true }, auth)).json!['message']).toMatch(/^OBP-30001: /);
    expect((await obp(`${P}/banks/rbank.01.de/my/consents/PUSH`, 'POST', { everything: true }, auth)).json!['message']).toMatch(/^OBP-35009: /);
    expect((await obp(`${P}/user/current/consents/none`, 'GET', undefined, auth)).json!['message']).toMatch(/^OBP-35001: /);
    expect((await obp(`${P}/banks/rbank.01.de/my/consents/SMS`, 'POST', '{"everything": tru', auth)).json).toEqual({ code: 400, message: 'OBP-10001: Incorrect json format.' });
    expect((await obp(`${P}/banks/rbank.01.de/my/consents/SMS`, 'POST', { everything: true, phone_number: '1', time_to_live: 7200 }, auth)).json!['message']).toMatch(/^OBP-35020: /);
  });

  it('consent requests (also VRP) are finalised as consents; a status update moves INITIATED to ACCEPTED', async () => {
    const request = await obp(`${P}/consumer/consent-requests`, 'POST', { everything: true, email: 'a@example.com' }, { 'Consumer-Key': 'ck-1' });
    expect(request.status).toBe(201);
    const vrp = await obp(`${P}/consumer/vrp-consent-requests`, 'POST', { from_account: {}, to_account: { limit: { currency: 'EUR' } } }, { 'Consumer-Key': 'ck-1' });
    expect(vrp.status).toBe(201);
    expect((await obp(`${P}/consumer/vrp-consent-requests`, 'POST', { from_account: {} }, { 'Consumer-Key': 'ck-1' })).status).toBe(400);
    const consent = await obp(`${P}/consumer/consent-requests/${request.json!['consent_request_id']}/IMPLICIT/consents`, 'POST', undefined, auth);
    expect(consent.json).toMatchObject({ status: 'INITIATED', consent_request_id: request.json!['consent_request_id'] });
    const updated = await obp(`${P}/management/banks/rbank.01.de/consents/${consent.json!['consent_id']}`, 'PUT', { status: 'ACCEPTED' }, auth);
    expect(updated.json!['status']).toBe('ACCEPTED');
    expect((await obp(`${P}/management/banks/rbank.01.de/consents/${consent.json!['consent_id']}`, 'PUT', { status: 'ACCEPTED' }, auth)).status).toBe(401);
  });

  it('the OBP routes exist only in the obp mode', async () => {
    expect((await call(banks['standard']!, 'GET', `${P}/my/consents`)).json!['tppMessages'][0].code).toBe('RESOURCE_UNKNOWN');
  });

  it('obp-error-without-code: the message loses its OBP code, and only that', async () => {
    const res = await call(banks['obp-defect']!, 'GET', `${P}/my/consents`);
    expect(res.json).toEqual({ code: 401, message: 'User not logged in. Authentication is required!' });
  });
});
