import { isUtf8 } from 'node:buffer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFECTS, startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/types.js';
import { Client, PSU_HEADERS, paymentBody } from './client.js';
import { REDIRECT_HEADERS, aliceEur, approveAs, consentBody, createConsent, initiate, validConsent } from './flows.js';
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
  it('lists the defects, each with a description and the checks that catch it', () => {
    expect(Object.keys(DEFECTS)).toEqual(
      expect.arrayContaining([
        'amount-as-number',
        'errors-without-tpp-messages',
        'json-as-text-plain',
        'no-location-on-201',
        'no-sca-redirect-link',
        'no-x-request-id-echo',
        'status-200-on-initiation',
        'cancellation-without-start-link',
        'paging-next-on-last-page',
        'balances-of-unconsented-account',
        'camt-without-namespace',
      ]),
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

  withBanks('cancellation-without-start-link', (bad, clean) => {
    it('a 202 to DELETE has no startAuthorisation link; the cancellation authorisation itself still works', async () => {
      const dated = paymentBody(aliceEur.iban, { requestedExecutionDate: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10) });
      for (const [client, links] of [[bad(), {}], [clean(), { startAuthorisation: expect.any(Object) }]] as const) {
        const p = await initiate(client, {}, dated);
        await approveAs(client, p.json._links.scaRedirect.href, 'psu-alice', 'sandbox-alice-1');
        const del = await client.delete(p.json._links.self.href);
        expect(del.status).toBe(202);
        expect(del.json._links).toEqual(links);
        expect(del.problems).toEqual([]);
        expect((await client.post(`${p.json._links.self.href}/cancellation-authorisations`, { headers: PSU_HEADERS })).status).toBe(201);
      }
    });
  });

  withBanks('paging-next-on-last-page', (bad, clean) => {
    it('the last page of a paged report links a next page; other pages are unchanged', async () => {
      for (const [client, hasNext] of [[bad(), true], [clean(), false]] as const) {
        const consentId = await validConsent(client, { allPsd2: 'allAccounts' });
        const first = await client.get(`/v1/accounts/acc-alice-eur/transactions?bookingStatus=booked&dateFrom=2000-01-01&itemsPerPage=20`, { headers: { ...PSU_HEADERS, 'Consent-ID': consentId } });
        expect(Object.keys(first.json.transactions._links)).toEqual(['account', 'first', 'next', 'last']);
        const last = await client.get(first.json.transactions._links.last.href, { headers: { ...PSU_HEADERS, 'Consent-ID': consentId } });
        expect(last.json.transactions._links.next !== undefined).toBe(hasNext);
        expect(last.problems).toEqual([]);
      }
    });
  });

  withBanks('balances-of-unconsented-account', (bad, clean) => {
    it("balances of the PSU's account come back although the consent grants none; other reads stay guarded", async () => {
      const access = { accounts: [{ iban: aliceEur.iban }], transactions: [{ iban: aliceEur.iban }] };
      const read = async (client: Client, path: string) => client.get(path, { headers: { ...PSU_HEADERS, 'Consent-ID': await validConsent(client, access) } });
      expect((await read(bad(), '/v1/accounts/acc-alice-eur/balances')).status).toBe(200);
      expect((await read(clean(), '/v1/accounts/acc-alice-eur/balances')).status).toBe(401);
      expect((await read(bad(), '/v1/accounts/acc-bob-eur/balances')).status).toBe(401); // not the PSU's account
      expect((await read(bad(), '/v1/accounts/acc-alice-usd')).status).toBe(401);
    });
  });

  withBanks('camt-without-namespace', (bad, clean) => {
    it('camt.053 statements lose the ISO 20022 namespace; the rest of the document stays', async () => {
      for (const [client, namespaced] of [[bad(), false], [clean(), true]] as const) {
        const consentId = await validConsent(client, { allPsd2: 'allAccounts' });
        const camt = await client.get('/v1/accounts/acc-alice-eur/transactions?bookingStatus=booked&dateFrom=2000-01-01', { headers: { ...PSU_HEADERS, 'Consent-ID': consentId, Accept: 'application/xml' } });
        expect(camt.status).toBe(200);
        expect(camt.text).toContain('<BkToCstmrStmt>');
        expect(camt.text.includes('xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"')).toBe(namespaced);
      }
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

describe('the lifecycle and transport defects change what they say, and only that', () => {
  const ALICE = ['psu-alice', 'sandbox-alice-1'] as const;
  /** An authorised payment of a product; returns its self link. */
  async function authorised(client: Client, product = 'sepa-credit-transfers'): Promise<string> {
    const p = await client.post(`/v1/payments/${product}`, { headers: REDIRECT_HEADERS, json: paymentBody(aliceEur.iban) });
    expect(p.status).toBe(201);
    expect((await approveAs(client, p.json._links.scaRedirect.href, ...ALICE)).status).toBe(302);
    return p.json._links.self.href as string;
  }
  const statuses = async (client: Client, self: string, reads: number) => {
    const out: string[] = [];
    for (let i = 0; i < reads; i++) out.push((await client.get(`${self}/status`)).json.transactionStatus);
    return out;
  };
  const ais = (client: Client, path: string, consentId: string) => client.get(path, { headers: { ...PSU_HEADERS, 'Consent-ID': consentId } });

  withBanks('undefined-transaction-status', (bad, clean) => {
    it('the status endpoint says ACPT where it means ACTC; the progression goes on', async () => {
      expect(await statuses(bad(), await authorised(bad()), 3)).toEqual(['ACPT', 'ACSP', 'ACSC']);
      expect(await statuses(clean(), await authorised(clean()), 3)).toEqual(['ACTC', 'ACSP', 'ACSC']);
    });
  });

  withBanks('consent-created-valid', (bad) => {
    it('the 201 says valid; the consent itself is received', async () => {
      const c = await createConsent(bad(), consentBody({ allPsd2: 'allAccounts' }));
      expect([c.status, c.json.consentStatus]).toEqual([201, 'valid']);
      expect((await bad().get(`/v1/consents/${c.json.consentId}/status`)).json.consentStatus).toBe('received');
      expect((await ais(bad(), '/v1/accounts', c.json.consentId)).status).toBe(401);
    });
  });

  withBanks('consent-valid-before-sca', (bad) => {
    it('the status endpoint says valid before SCA; the consent and its authorisation say otherwise', async () => {
      const c = await createConsent(bad(), consentBody({ allPsd2: 'allAccounts' }));
      const id = c.json.consentId as string;
      expect((await bad().get(`/v1/consents/${id}/status`)).json.consentStatus).toBe('valid');
      expect((await bad().get(`/v1/consents/${id}`)).json.consentStatus).toBe('received');
      expect((await bad().get(c.json._links.scaStatus.href)).json.scaStatus).toBe('received');
      expect((await ais(bad(), '/v1/accounts', id)).status).toBe(401);
    });
  });

  withBanks('settled-payment-regresses', (bad, clean) => {
    it('a settled payment falls back to ACSP after the read that said ACSC', async () => {
      expect(await statuses(bad(), await authorised(bad(), 'instant-sepa-credit-transfers'), 4)).toEqual(['ACTC', 'ACSC', 'ACSP', 'ACSP']);
      expect(await statuses(clean(), await authorised(clean(), 'instant-sepa-credit-transfers'), 4)).toEqual(['ACTC', 'ACSC', 'ACSC', 'ACSC']);
    });
  });

  withBanks('status-goes-backwards', (bad) => {
    it('ACSP comes before ACTC; settlement follows as usual', async () => {
      expect(await statuses(bad(), await authorised(bad()), 4)).toEqual(['ACSP', 'ACTC', 'ACSC', 'ACSC']);
    });
  });

  withBanks('status-endpoint-disagrees', (bad, clean) => {
    it('GET of the payment stays RCVD while the status endpoint moves on', async () => {
      const self = await authorised(bad());
      expect((await bad().get(`${self}/status`)).json.transactionStatus).toBe('ACTC');
      expect((await bad().get(self)).json.transactionStatus).toBe('RCVD');
      expect((await bad().get(`${self}/status`)).json.transactionStatus).toBe('ACSP');
      const cleanSelf = await authorised(clean());
      expect((await clean().get(cleanSelf)).json.transactionStatus).toBe('ACTC');
    });
  });

  withBanks('deleted-consent-still-readable', (bad, clean) => {
    it('a deleted consent is terminatedByTpp and still opens the accounts', async () => {
      for (const [client, served] of [[bad(), 200], [clean(), 401]] as const) {
        const id = await validConsent(client, { allPsd2: 'allAccounts' });
        expect((await client.delete(`/v1/consents/${id}`)).status).toBe(204);
        expect((await client.get(`/v1/consents/${id}/status`)).json.consentStatus).toBe('terminatedByTpp');
        expect((await ais(client, '/v1/accounts', id)).status).toBe(served);
      }
    });
  });

  withBanks('sca-without-effect', (bad) => {
    it('the SCA is finalised, the payment stays RCVD', async () => {
      const p = await initiate(bad());
      expect((await approveAs(bad(), p.json._links.scaRedirect.href, ...ALICE)).status).toBe(302);
      expect((await bad().get(p.json._links.scaStatus.href)).json.scaStatus).toBe('finalised');
      expect(await statuses(bad(), p.json._links.self.href, 2)).toEqual(['RCVD', 'RCVD']);
    });
  });

  withBanks('reset-on-transaction-list', (bad) => {
    it('the transaction list resets the connection; other reads are answered', async () => {
      const id = await validConsent(bad(), { allPsd2: 'allAccounts' });
      await expect(ais(bad(), '/v1/accounts/acc-alice-eur/transactions?bookingStatus=booked&dateFrom=2000-01-01', id)).rejects.toThrow();
      expect((await ais(bad(), '/v1/accounts/acc-alice-eur', id)).status).toBe(200);
    });
  });

  withBanks('latin1-bodies', (bad, clean) => {
    it('JSON bodies arrive in ISO-8859-1: the café of the history is no UTF-8', async () => {
      for (const [client, latin1] of [[bad(), true], [clean(), false]] as const) {
        const id = await validConsent(client, { allPsd2: 'allAccounts' });
        const res = await fetch(`${client.base}/v1/accounts/acc-alice-eur/transactions?bookingStatus=booked&dateFrom=2000-01-01`, {
          headers: { 'X-Request-ID': crypto.randomUUID(), ...PSU_HEADERS, 'Consent-ID': id },
        });
        expect(res.headers.get('content-type')).toBe('application/json');
        const bytes = Buffer.from(await res.arrayBuffer());
        expect(isUtf8(bytes)).toBe(!latin1);
        expect(bytes.toString(latin1 ? 'latin1' : 'utf8')).toContain('Café Mitte');
      }
    });
  });
});
