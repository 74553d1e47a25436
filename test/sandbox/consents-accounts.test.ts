import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/types.js';
import { type CallResult, Client, PSU_HEADERS, TPP_NOK, TPP_OK } from './client.js';
import {
  aliceEur,
  aliceGbp,
  aliceUsd,
  approveAs,
  bobEur,
  conforms,
  consentBody,
  createConsent,
  submitScaPage,
  validConsent,
} from './flows.js';
import { SpecValidator } from './spec-harness.js';
import { transactionsOf } from '../../src/sandbox/data.js';

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('sandbox consents and accounts', () => {
  let bank: RunningSandbox;
  let client: Client;
  // the PSU takes part (PSU-IP-Address), so the reads do not count against frequencyPerDay
  const ais = (path: string, consentId: string | undefined, headers: Record<string, string> = {}) =>
    client.get(path, { headers: { ...PSU_HEADERS, ...(consentId ? { 'Consent-ID': consentId } : {}), ...headers } }).then(conforms);
  const expectError = (r: CallResult, status: number, code: string, path?: string) => {
    expect(r.status).toBe(status);
    expect(r.json.tppMessages[0]).toMatchObject({ category: 'ERROR', code, ...(path ? { path } : {}) });
  };

  beforeAll(async () => {
    bank = await startSandbox({ port: 0 });
    client = new Client(bank.url, new SpecValidator());
  });
  afterAll(() => bank.close());

  it('runs the consent redirect flow, then reads accounts, details, balances and transactions', async () => {
    const created = conforms(await createConsent(client, consentBody({ allPsd2: 'allAccounts' })));
    expect(created.status).toBe(201);
    expect(created.headers.get('aspsp-sca-approach')).toBe('REDIRECT');
    expect(created.json.consentStatus).toBe('received');
    const consentId = created.json.consentId as string;
    expect(created.headers.get('location')).toBe(`${bank.url}/v1/consents/${consentId}`);
    expect(Object.keys(created.json._links)).toEqual(['scaRedirect', 'self', 'status', 'scaStatus']);

    // not usable before SCA
    expectError(await ais('/v1/accounts', consentId), 401, 'CONSENT_INVALID');

    const info = conforms(await client.get(created.json._links.self.href));
    expect(info.json).toMatchObject({ access: { allPsd2: 'allAccounts' }, recurringIndicator: true, frequencyPerDay: 4, consentStatus: 'received', lastActionDate: today() });

    const done = await approveAs(client, created.json._links.scaRedirect.href, 'psu-alice', 'sandbox-alice-1');
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe(TPP_OK);
    expect(conforms(await client.get(created.json._links.status.href)).json).toEqual({ consentStatus: 'valid' });
    expect(conforms(await client.get(created.json._links.scaStatus.href)).json.scaStatus).toBe('finalised');

    const list = await ais('/v1/accounts', consentId);
    expect(list.status).toBe(200);
    expect(list.json.accounts.map((a: { iban: string }) => a.iban)).toEqual([aliceEur.iban, aliceUsd.iban, aliceGbp.iban]);
    const eur = list.json.accounts[0];
    expect(eur).toMatchObject({
      resourceId: 'acc-alice-eur',
      currency: 'EUR',
      cashAccountType: 'CACC',
      status: 'enabled',
      bic: aliceEur.bic,
      usage: 'PRIV',
    });
    expect(eur.name).toBeTruthy();
    expect(eur.product).toBeTruthy();
    expect(eur._links.balances.href).toBe(`${bank.url}/v1/accounts/acc-alice-eur/balances`);
    expect(list.json.accounts[1].currency).toBe('USD');

    const withBalance = await ais('/v1/accounts?withBalance=true', consentId);
    expect(withBalance.json.accounts[0].balances).toHaveLength(3);

    const details = await ais(eur._links.balances.href.replace('/balances', ''), consentId);
    expect(details.json.account.iban).toBe(aliceEur.iban);

    const balances = await ais(eur._links.balances.href, consentId);
    expect(balances.json.account).toEqual({ iban: aliceEur.iban });
    expect(balances.json.balances.map((b: { balanceType: string }) => b.balanceType)).toEqual(['closingBooked', 'expected', 'interimAvailable']);
    for (const b of balances.json.balances) expect(typeof b.balanceAmount.amount).toBe('string');

    const txs = await ais(`${eur._links.transactions.href}?bookingStatus=both&dateFrom=${daysAgo(90)}&itemsPerPage=100`, consentId);
    expect(txs.status).toBe(200);
    expect(txs.json.account).toEqual({ iban: aliceEur.iban });
    const inPeriod = transactionsOf(aliceEur, today()).filter((t) => t.entryDate >= daysAgo(90));
    expect(inPeriod.length).toBeGreaterThan(50);
    expect(txs.json.transactions.booked).toHaveLength(inPeriod.filter((t) => t.status === 'booked').length);
    expect(txs.json.transactions.pending).toHaveLength(2);
    expect(txs.json.transactions._links.next).toBeUndefined();
    expect(txs.json.transactions._links.account.href).toBe(`${bank.url}/v1/accounts/acc-alice-eur`);
    const first = txs.json.transactions.booked[0];
    expect(first).toHaveProperty('transactionId');
    expect(first).toHaveProperty('bookingDate');
    expect(first).toHaveProperty('valueDate');
    expect(first).toHaveProperty('remittanceInformationUnstructured');
    expect(first.creditorName ?? first.debtorName).toBeTruthy();

    // balances are consistent with the transactions
    const cents = (s: string) => Math.round(Number(s) * 100);
    const all = [...txs.json.transactions.booked, ...txs.json.transactions.pending];
    const closing = cents(balances.json.balances[0].balanceAmount.amount);
    const expected = cents(balances.json.balances[1].balanceAmount.amount);
    const pending = txs.json.transactions.pending.reduce((s: number, t: { transactionAmount: { amount: string } }) => s + cents(t.transactionAmount.amount), 0);
    const bookedToday = txs.json.transactions.booked
      .filter((t: { bookingDate: string }) => t.bookingDate === today())
      .reduce((s: number, t: { transactionAmount: { amount: string } }) => s + cents(t.transactionAmount.amount), 0);
    expect(expected - closing).toBe(pending + bookedToday);
    expect(all.length).toBe(inPeriod.length);

    const booked = await ais(`${eur._links.transactions.href}?bookingStatus=booked&dateFrom=${daysAgo(30)}&dateTo=${today()}&withBalance=true`, consentId);
    expect(booked.json.transactions.pending).toBeUndefined();
    expect(booked.json.balances).toHaveLength(3);
    for (const t of booked.json.transactions.booked) expect(t.bookingDate >= daysAgo(30)).toBe(true);

    const pendingOnly = await ais(`${eur._links.transactions.href}?bookingStatus=pending&dateFrom=${daysAgo(90)}`, consentId);
    expect(pendingOnly.json.transactions.booked).toBeUndefined();
    expect(pendingOnly.json.transactions.pending.length).toBeGreaterThan(0);

    const detail = await ais(first._links.transactionDetails.href, consentId);
    expect(detail.json.transactionsDetails.transactionId).toBe(first.transactionId);

    const usdTx = await ais(`/v1/accounts/acc-alice-usd/transactions?bookingStatus=both&dateFrom=${daysAgo(90)}`, consentId);
    expect(usdTx.json.transactions._links.next).toBeUndefined();
    expect(usdTx.json.transactions.booked.length + usdTx.json.transactions.pending.length).toBe(12);
    expect(usdTx.json.transactions.booked[0].transactionAmount.currency).toBe('USD');

    const gotConsent = conforms(await client.get(created.json._links.self.href));
    expect(gotConsent.json.consentStatus).toBe('valid');
    expect(gotConsent.json._links.account.href).toBe(`${bank.url}/v1/accounts`);
    expect(gotConsent.json._links['card-account'].href).toBe(`${bank.url}/v1/card-accounts`);

    // Bob's account is not covered by Alice's consent
    expectError(await ais('/v1/accounts/acc-bob-eur', consentId), 401, 'CONSENT_INVALID');
    expectError(await ais('/v1/accounts/acc-none', consentId), 404, 'RESOURCE_UNKNOWN');
    expectError(await ais('/v1/accounts/acc-alice-eur/transactions/none', consentId), 404, 'RESOURCE_UNKNOWN');

    // DELETE a valid consent → terminatedByTpp, then reads fail
    const del = conforms(await client.delete(created.json._links.self.href));
    expect(del.status).toBe(204);
    expect(conforms(await client.get(created.json._links.status.href)).json.consentStatus).toBe('terminatedByTpp');
    expectError(await ais('/v1/accounts', consentId), 401, 'CONSENT_EXPIRED');
  });

  it('AIS header and parameter errors', async () => {
    const consentId = await validConsent(client, { allPsd2: 'allAccounts' });
    expectError(await ais('/v1/accounts', undefined), 400, 'FORMAT_ERROR', 'Consent-ID');
    expectError(await ais('/v1/accounts', 'no-such-consent'), 403, 'CONSENT_UNKNOWN');
    const tx = '/v1/accounts/acc-alice-eur/transactions';
    expectError(await ais(`${tx}?dateFrom=${daysAgo(10)}`, consentId), 400, 'FORMAT_ERROR', 'bookingStatus');
    expectError(await ais(`${tx}?bookingStatus=sometimes&dateFrom=${daysAgo(10)}`, consentId), 400, 'FORMAT_ERROR', 'bookingStatus');
    expectError(await ais(`${tx}?bookingStatus=information&dateFrom=${daysAgo(10)}`, consentId), 400, 'PARAMETER_NOT_SUPPORTED', 'bookingStatus');
    expectError(await ais(`${tx}?bookingStatus=booked`, consentId), 400, 'FORMAT_ERROR', 'dateFrom');
    expectError(await ais(`${tx}?bookingStatus=booked&dateFrom=2024-02-30`, consentId), 400, 'FORMAT_ERROR', 'dateFrom');
    expectError(await ais(`${tx}?bookingStatus=booked&dateFrom=${daysAgo(1)}&dateTo=${daysAgo(5)}`, consentId), 400, 'PERIOD_INVALID');
    expectError(await ais(`/v1/accounts?withBalance=yes`, consentId), 400, 'FORMAT_ERROR', 'withBalance');
  });

  it('dedicated consent: only the named accounts and services', async () => {
    const consentId = await validConsent(client, {
      accounts: [{ iban: aliceUsd.iban }],
      balances: [{ iban: aliceEur.iban }],
      transactions: [],
    });
    const info = conforms(await client.get(`/v1/consents/${consentId}`));
    expect(info.json.access.balances).toEqual([{ iban: aliceEur.iban }]);
    const list = await ais('/v1/accounts', consentId);
    expect(list.json.accounts.map((a: { resourceId: string }) => a.resourceId)).toEqual(['acc-alice-eur', 'acc-alice-usd']);
    expect((await ais('/v1/card-accounts', consentId)).json.cardAccounts).toEqual([]);
    expect(list.json.accounts[0]._links).toEqual({ balances: { href: `${bank.url}/v1/accounts/acc-alice-eur/balances` } });
    expect(list.json.accounts[1]._links).toBeUndefined();
    expect((await ais('/v1/accounts/acc-alice-eur/balances', consentId)).status).toBe(200);
    expectError(await ais('/v1/accounts/acc-alice-usd/balances', consentId), 401, 'CONSENT_INVALID');
    expectError(await ais(`/v1/accounts/acc-alice-eur/transactions?bookingStatus=booked&dateFrom=${daysAgo(5)}`, consentId), 401, 'CONSENT_INVALID');
    expectError(await ais('/v1/accounts?withBalance=true', consentId), 401, 'CONSENT_INVALID');
  });

  it('availableAccounts: list only', async () => {
    const consentId = await validConsent(client, { availableAccounts: 'allAccounts' }, ['psu-bob', 'sandbox-bob-2']);
    const list = await ais('/v1/accounts', consentId);
    expect(list.json.accounts).toHaveLength(1);
    expect(list.json.accounts[0].iban).toBe(bobEur.iban);
    expectError(await ais('/v1/accounts/acc-bob-eur', consentId), 401, 'CONSENT_INVALID');
  });

  it('bank-offered consent gets the PSU accounts on approval', async () => {
    const consentId = await validConsent(client, { accounts: [], balances: [], transactions: [] }, ['psu-bob', 'sandbox-bob-2']);
    const info = conforms(await client.get(`/v1/consents/${consentId}`));
    expect(info.json.access.transactions).toEqual([{ iban: bobEur.iban, currency: 'EUR' }, { maskedPan: '545301******0045', currency: 'EUR' }]);
    expect((await ais('/v1/card-accounts/card-bob-master/balances', consentId)).status).toBe(200);
    expect((await ais(`/v1/accounts/acc-bob-eur/transactions?bookingStatus=booked&dateFrom=${daysAgo(60)}`, consentId)).status).toBe(200);
  });

  it('a dedicated consent for accounts the PSU does not hold cannot be approved by that PSU', async () => {
    const created = conforms(await createConsent(client, consentBody({ accounts: [{ iban: aliceEur.iban }] })));
    const res = await approveAs(client, created.json._links.scaRedirect.href, 'psu-bob', 'sandbox-bob-2');
    expect(res.status).toBe(200);
    expect(res.text).toContain('not held by psu-bob');
  });

  it('reject flow → consent rejected, authorisation failed', async () => {
    const created = conforms(await createConsent(client, consentBody({ allPsd2: 'allAccounts' })));
    const done = await submitScaPage(client, created.json._links.scaRedirect.href, { decision: 'reject' });
    expect(done.headers.get('location')).toBe(TPP_NOK);
    expect(conforms(await client.get(created.json._links.status.href)).json.consentStatus).toBe('rejected');
    expect(conforms(await client.get(created.json._links.scaStatus.href)).json.scaStatus).toBe('failed');
    expectError(await ais('/v1/accounts', created.json.consentId), 401, 'CONSENT_EXPIRED');
  });

  it('explicit start for consents; DELETE of a received consent → rejected', async () => {
    const created = conforms(await createConsent(client, consentBody({ allPsd2: 'allAccounts' }), { 'TPP-Explicit-Authorisation-Preferred': 'true' }));
    expect(Object.keys(created.json._links)).toEqual(['startAuthorisation', 'self', 'status']);
    const start = conforms(await client.post(created.json._links.startAuthorisation.href));
    expect(start.status).toBe(201);
    expect(start.headers.get('aspsp-sca-approach')).toBe('REDIRECT');
    const ids = conforms(await client.get(created.json._links.startAuthorisation.href));
    expect(ids.json.authorisationIds).toEqual([start.json.authorisationId]);
    const put = conforms(await client.put(start.json._links.scaStatus.href, { json: {} }));
    expectError(put, 403, 'SERVICE_BLOCKED');
    const del = conforms(await client.delete(created.json._links.self.href));
    expect(del.status).toBe(204);
    expect(conforms(await client.get(created.json._links.status.href)).json.consentStatus).toBe('rejected');
    expect(conforms(await client.get(start.json._links.scaStatus.href)).json.scaStatus).toBe('failed');
    expect((await client.get(start.json._links.scaRedirect.href, { noRequestId: true })).status).toBe(409);
  });

  describe('consent creation errors', () => {
    const post = async (body: unknown, headers: Record<string, string> = PSU_HEADERS) =>
      conforms(await client.post('/v1/consents', { headers, json: body }));

    it('PSU-IP-Address missing → 400 FORMAT_ERROR', async () => {
      expectError(await post(consentBody({ allPsd2: 'allAccounts' }), {}), 400, 'FORMAT_ERROR', 'PSU-IP-Address');
    });

    it.each([
      ['access missing', { access: undefined }, 'access'],
      ['access empty', { access: {} }, 'access'],
      ['allPsd2 value', { access: { allPsd2: 'everything' } }, 'access.allPsd2'],
      ['recurringIndicator string', { recurringIndicator: 'true' }, 'recurringIndicator'],
      ['validUntil format', { validUntil: '31.12.2030' }, 'validUntil'],
      ['validUntil past', { validUntil: '2020-01-01' }, 'validUntil'],
      ['frequencyPerDay 0', { frequencyPerDay: 0 }, 'frequencyPerDay'],
      ['frequencyPerDay float', { frequencyPerDay: 1.5 }, 'frequencyPerDay'],
      ['bad IBAN', { access: { accounts: [{ iban: 'DE00123456780123456701' }] } }, 'access.accounts[0].iban'],
    ])('%s → 400 FORMAT_ERROR', async (_n, override, path) => {
      const body = { ...consentBody({ allPsd2: 'allAccounts' }), ...override };
      expectError(await post(body), 400, 'FORMAT_ERROR', path);
    });

    it('one-off consent with frequencyPerDay > 1 → 400 PARAMETER_NOT_CONSISTENT', async () => {
      expectError(await post(consentBody({ allPsd2: 'allAccounts' }, { recurringIndicator: false, frequencyPerDay: 4 })), 400, 'PARAMETER_NOT_CONSISTENT', 'frequencyPerDay');
    });

    it('validUntil far ahead is shortened; combinedServiceIndicator is optional', async () => {
      const body = consentBody({ availableAccounts: 'allAccounts' }, { validUntil: '9999-12-31', recurringIndicator: false, frequencyPerDay: 1 });
      delete body.combinedServiceIndicator;
      const created = await post(body);
      expect(created.status).toBe(201);
      const info = conforms(await client.get(`/v1/consents/${created.json.consentId}`));
      expect(info.json.validUntil < '9999-12-31').toBe(true);
    });

    it('unknown consent → 403 CONSENT_UNKNOWN', async () => {
      expectError(conforms(await client.get('/v1/consents/nope')), 403, 'CONSENT_UNKNOWN');
      expectError(conforms(await client.get('/v1/consents/nope/status')), 403, 'CONSENT_UNKNOWN');
    });
  });
});
