import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFECTS, startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/types.js';
import { Client, PSU_HEADERS } from './client.js';
import { approveAs, consentBody, createConsent, initiate, validConsent } from './flows.js';
import { SpecValidator } from './spec-harness.js';

/** Starts a bank with one defect and a clean twin, and hands both clients to the test. */
function withBanks(defect: string, body: (bad: () => Client, clean: () => Client) => void): void {
  describe(defect, () => {
    let badBank: RunningSandbox;
    let cleanBank: RunningSandbox;
    let bad: Client;
    let clean: Client;
    beforeAll(async () => {
      const spec = new SpecValidator();
      [badBank, cleanBank] = await Promise.all([startSandbox({ defects: [defect] }), startSandbox({})]);
      bad = new Client(badBank.url, spec);
      clean = new Client(cleanBank.url, spec);
    });
    afterAll(async () => {
      await Promise.all([badBank.close(), cleanBank.close()]);
    });
    body(
      () => bad,
      () => clean,
    );
  });
}

describe('the defect registry', () => {
  it('lists exactly the foundation defects, each with a description and the checks that catch it', () => {
    expect(Object.keys(DEFECTS).sort()).toEqual(
      [
        'amount-as-number',
        'errors-without-tpp-messages',
        'json-as-text-plain',
        'no-location-on-201',
        'no-sca-redirect-link',
        'no-x-request-id-echo',
        'status-200-on-initiation',
      ].sort(),
    );
    for (const d of Object.values(DEFECTS)) {
      expect(d.description.length).toBeGreaterThan(10);
      expect(d.caughtBy.length).toBeGreaterThan(0);
    }
  });
});

describe('each defect changes what it says, and only that', () => {
  withBanks('status-200-on-initiation', (bad, clean) => {
    it('initiation answers 200 (undeclared), the body is unchanged', async () => {
      const r = await initiate(bad());
      expect(r.status).toBe(200);
      expect(r.json.transactionStatus).toBe('RCVD');
      expect(r.headers.get('location')).toBeTruthy();
      expect(r.problems.join()).toMatch(/status 200 not declared/);
      expect((await initiate(clean())).status).toBe(201);
      const consent = await createConsent(bad(), consentBody({ allPsd2: 'allAccounts' }));
      expect(consent.status).toBe(201);
    });
  });

  withBanks('amount-as-number', (bad, clean) => {
    it('balance amounts are numbers (schema violation); transaction amounts stay strings', async () => {
      const consentId = await validConsent(bad(), { allPsd2: 'allAccounts' });
      const r = await bad().get('/v1/accounts/acc-alice-eur/balances', { headers: { 'Consent-ID': consentId } });
      expect(r.status).toBe(200);
      for (const b of r.json.balances) expect(typeof b.balanceAmount.amount).toBe('number');
      expect(r.problems.join()).toMatch(/amount/);
      const tx = await bad().get(`/v1/accounts/acc-alice-eur/transactions?bookingStatus=booked&dateFrom=2000-01-01`, {
        headers: { 'Consent-ID': consentId },
      });
      expect(typeof tx.json.transactions.booked[0].transactionAmount.amount).toBe('string');
      expect(tx.problems).toEqual([]);

      const cleanId = await validConsent(clean(), { allPsd2: 'allAccounts' });
      const ok = await clean().get('/v1/accounts/acc-alice-eur/balances', { headers: { 'Consent-ID': cleanId } });
      expect(typeof ok.json.balances[0].balanceAmount.amount).toBe('string');
      expect(ok.problems).toEqual([]);
    });
  });

  withBanks('json-as-text-plain', (bad) => {
    it('successful JSON responses are text/plain; errors stay application/json', async () => {
      const r = await initiate(bad());
      expect(r.status).toBe(201);
      expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(JSON.parse(r.text).paymentId).toBeTruthy();
      expect(r.problems.join()).toMatch(/content type text\/plain not declared/);
      const err = await bad().get('/v1/accounts', { headers: { 'Consent-ID': 'nope' } });
      expect(err.status).toBe(403);
      expect(err.headers.get('content-type')).toBe('application/json');
    });
  });

  withBanks('no-x-request-id-echo', (bad, clean) => {
    it('responses carry no X-Request-ID, errors and successes alike', async () => {
      const ok = await initiate(bad());
      expect(ok.status).toBe(201);
      expect(ok.headers.get('x-request-id')).toBeNull();
      const err = await bad().get('/v1/accounts');
      expect(err.status).toBe(400);
      expect(err.headers.get('x-request-id')).toBeNull();
      expect((await initiate(clean())).headers.get('x-request-id')).toBeTruthy();
    });
  });

  withBanks('no-location-on-201', (bad) => {
    it('initiation and consent 201s lack Location; everything else stays', async () => {
      const p = await initiate(bad());
      expect(p.status).toBe(201);
      expect(p.headers.get('location')).toBeNull();
      expect(p.headers.get('aspsp-sca-approach')).toBe('REDIRECT');
      expect(p.problems).toEqual([]);
      const c = await createConsent(bad(), consentBody({ allPsd2: 'allAccounts' }));
      expect(c.status).toBe(201);
      expect(c.headers.get('location')).toBeNull();
    });
  });

  withBanks('errors-without-tpp-messages', (bad, clean) => {
    it('4xx bodies are {"error": text} as application/json', async () => {
      const r = await bad().post('/v1/payments/sepa-credit-transfers', { json: {} });
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toBe('application/json');
      expect(r.json.tppMessages).toBeUndefined();
      expect(typeof r.json.error).toBe('string');
      expect(r.headers.get('x-request-id')).toBe(r.requestId);
      const c = await clean().post('/v1/payments/sepa-credit-transfers', { json: {} });
      expect(c.json.tppMessages[0].code).toBe('FORMAT_ERROR');
      expect((await initiate(bad())).status).toBe(201);
    });
  });

  withBanks('no-sca-redirect-link', (bad) => {
    it('initiation, consent and start-authorisation omit scaRedirect; the SCA page still works', async () => {
      const p = await initiate(bad());
      expect(p.status).toBe(201);
      expect(p.json._links.scaRedirect).toBeUndefined();
      expect(p.json._links.scaStatus).toBeDefined();
      expect(p.problems).toEqual([]);
      const c = await createConsent(bad(), consentBody({ allPsd2: 'allAccounts' }));
      expect(c.json._links.scaRedirect).toBeUndefined();
      const e = await initiate(bad(), { 'TPP-Explicit-Authorisation-Preferred': 'true' });
      const start = await bad().post(e.json._links.startAuthorisation.href, { headers: PSU_HEADERS });
      expect(start.status).toBe(201);
      expect(start.json._links.scaRedirect).toBeUndefined();
      // the bank itself still works: its SCA page exists
      const page = await approveAs(bad(), `${bad().base}/sca/${start.json.authorisationId}`, 'psu-alice', 'sandbox-alice-1');
      expect(page.status).toBe(302);
    });
  });
});
