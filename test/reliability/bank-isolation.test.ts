import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { authorisedConsent, BankClient, consentBody, paymentBody, REDIRECT_HEADERS, TPP_OK } from './bank-client.js';

/**
 * What keeps one party's resources from another at the reference bank. It has no notion of a TPP
 * (no eIDAS certificate, no TPP-Signature-Certificate check): what it binds is the PSU (a consent
 * opens only the accounts of the PSU who authorised it; only the debtor's holder can authorise a
 * payment) and the consent (its Consent-ID opens what it grants, while it is valid). Ids are
 * random UUIDs, so a party that was not given one cannot name another's resource.
 */
const alice = ACCOUNTS.find((a) => a.resourceId === 'acc-alice-eur')!;
const bob = ACCOUNTS.find((a) => a.resourceId === 'acc-bob-eur')!;
const PSU = { 'PSU-IP-Address': '192.0.2.10' };

let bank: RunningSandbox;
let client: BankClient;

beforeAll(async () => {
  bank = await startSandbox();
  client = new BankClient(bank.url, 8);
});
afterAll(async () => {
  await client?.close();
  await bank?.close();
});

const codeOf = (json: any): string | undefined => json?.tppMessages?.[0]?.code;

describe("one party cannot reach another's resources", () => {
  it("a consent opens only the accounts of the PSU who authorised it", async () => {
    const bobs = await authorisedConsent(client, 'psu-bob');
    const list = await client.api('GET', '/v1/accounts', { headers: { 'Consent-ID': bobs, ...PSU } });
    expect(list.status).toBe(200);
    expect((list.json.accounts as Array<{ iban: string }>).map((a) => a.iban)).toEqual([bob.iban]);
    for (const path of [`/v1/accounts/${alice.resourceId}`, `/v1/accounts/${alice.resourceId}/balances`, `/v1/accounts/${alice.resourceId}/transactions?bookingStatus=booked&dateFrom=2000-01-01`]) {
      const foreign = await client.api('GET', path, { headers: { 'Consent-ID': bobs, ...PSU } });
      expect(foreign.status, path).toBe(401);
      expect(codeOf(foreign.json), path).toBe('CONSENT_INVALID');
    }
  });

  it("a PSU cannot authorise a payment from another PSU's account", async () => {
    const created = await client.api('POST', '/v1/payments/sepa-credit-transfers', { headers: REDIRECT_HEADERS, json: paymentBody(alice.iban, '77.00', 'E2E-FOREIGN') });
    expect(created.status).toBe(201);
    const back = await client.sca(created.json._links.scaRedirect.href, 'psu-bob', 'approve');
    expect(back).toBeUndefined(); // the bank shows its page again, with the refusal, instead of sending the PSU back
    const status = await client.api('GET', `/v1/payments/sepa-credit-transfers/${created.json.paymentId}/status`);
    expect(status.json.transactionStatus).toBe('RCVD');
  });

  it('ids that were not handed out name nothing', async () => {
    const consent = await client.api('GET', `/v1/consents/${randomUUID()}`);
    expect([consent.status, codeOf(consent.json)]).toEqual([403, 'CONSENT_UNKNOWN']);
    const accounts = await client.api('GET', '/v1/accounts', { headers: { 'Consent-ID': randomUUID(), ...PSU } });
    expect([accounts.status, codeOf(accounts.json)]).toEqual([403, 'CONSENT_UNKNOWN']);
    const payment = await client.api('GET', `/v1/payments/sepa-credit-transfers/${randomUUID()}`);
    expect(payment.status).toBeGreaterThanOrEqual(400);
    expect(codeOf(payment.json)).toBe('RESOURCE_UNKNOWN');
  });
});

describe('consents that ended are refused with the standard codes', () => {
  it('a consent the PSU revoked at the bank: 401 CONSENT_INVALID, status revokedByPsu', async () => {
    const id = await authorisedConsent(client, 'psu-alice');
    expect((await client.api('GET', '/v1/accounts', { headers: { 'Consent-ID': id, ...PSU } })).status).toBe(200);
    const revoked = await client.call({ method: 'POST', path: `/sandbox/consents/${id}/revoke` });
    expect(revoked.status).toBe(200);
    const read = await client.api('GET', '/v1/accounts', { headers: { 'Consent-ID': id, ...PSU } });
    expect([read.status, codeOf(read.json)]).toEqual([401, 'CONSENT_INVALID']);
    expect((await client.api('GET', `/v1/consents/${id}/status`)).json.consentStatus).toBe('revokedByPsu');
  });

  it('a consent past its validUntil: 401 CONSENT_EXPIRED, status expired', async () => {
    const created = await client.api('POST', '/v1/consents', { headers: REDIRECT_HEADERS, json: consentBody({ allPsd2: 'allAccounts' }, 1) });
    expect(created.status).toBe(201);
    expect(await client.sca(created.json._links.scaRedirect.href, 'psu-alice', 'approve')).toMatch(new RegExp(`^${TPP_OK}`));
    const id = created.json.consentId as string;
    expect((await client.api('GET', '/v1/accounts', { headers: { 'Consent-ID': id, ...PSU } })).status).toBe(200);
    const aged = await client.call({ method: 'POST', path: `/sandbox/consents/${id}/clock`, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advanceSeconds: 3 * 86_400 }) });
    expect(aged.status).toBe(200);
    const read = await client.api('GET', '/v1/accounts', { headers: { 'Consent-ID': id, ...PSU } });
    expect([read.status, codeOf(read.json)]).toEqual([401, 'CONSENT_EXPIRED']);
    expect((await client.api('GET', `/v1/consents/${id}/status`)).json.consentStatus).toBe('expired');
  });
});
