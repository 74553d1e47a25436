import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/types.js';
import { Client, PSU_HEADERS, TPP_NOK, TPP_OK, paymentBody } from './client.js';
import { aliceEur, approveAs, bobEur, conforms, initiate, submitScaPage } from './flows.js';
import { SpecValidator } from './spec-harness.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe('sandbox payments (redirect SCA)', () => {
  let bank: RunningSandbox;
  let client: Client;

  beforeAll(async () => {
    bank = await startSandbox({ port: 0 });
    client = new Client(bank.url, new SpecValidator());
  });
  afterAll(() => bank.close());

  it('runs the implicit redirect flow to ACTC and finalised', async () => {
    const init = conforms(await initiate(client));
    expect(init.status).toBe(201);
    expect(init.headers.get('x-request-id')).toBe(init.requestId);
    expect(init.headers.get('aspsp-sca-approach')).toBe('REDIRECT');
    expect(init.json.transactionStatus).toBe('RCVD');
    const id = init.json.paymentId as string;
    expect(init.headers.get('location')).toBe(`${bank.url}/v1/payments/sepa-credit-transfers/${id}`);
    expect(Object.keys(init.json._links)).toEqual(['scaRedirect', 'self', 'status', 'scaStatus']);
    const scaRedirect = init.json._links.scaRedirect.href as string;
    expect(scaRedirect.startsWith(`${bank.url}/sca/`)).toBe(true);

    const page = await client.get(scaRedirect, { noRequestId: true });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text.startsWith('<!doctype html>')).toBe(true);
    expect(page.text).toMatch(/<form method="post" action="[^"]+">/);
    expect(page.text).toContain('name="psuId"');
    expect(page.text).toContain('type="password" id="password" name="password"');
    expect(page.text).toContain('name="decision" value="approve"');
    expect(page.text).toContain('name="decision" value="reject"');
    expect(page.text).toMatch(/type="hidden" name="token" value="[0-9a-f]+"/);
    expect(page.text).toContain('123.50 EUR');

    const scaStatusUrl = init.json._links.scaStatus.href as string;
    const started = conforms(await client.get(scaStatusUrl));
    expect(['received', 'started']).toContain(started.json.scaStatus);

    const done = await approveAs(client, scaRedirect, 'psu-alice', 'sandbox-alice-1');
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe(TPP_OK);

    const sca = conforms(await client.get(scaStatusUrl));
    expect(sca.json).toEqual({ scaStatus: 'finalised' });
    const status = conforms(await client.get(init.json._links.status.href));
    expect(status.status).toBe(200);
    expect(status.json).toEqual({ transactionStatus: 'ACTC' });

    // later reads only move forward, ending settled
    const later: string[] = [];
    for (let i = 0; i < 3; i++) later.push(conforms(await client.get(init.json._links.status.href)).json.transactionStatus);
    expect(later).toEqual(['ACSP', 'ACSC', 'ACSC']);

    const payment = conforms(await client.get(init.json._links.self.href));
    expect(payment.json).toMatchObject({
      debtorAccount: { iban: aliceEur.iban },
      instructedAmount: { currency: 'EUR', amount: '123.50' },
      creditorName: 'Merchant Example GmbH',
      transactionStatus: 'ACSC',
    });

    const auths = conforms(await client.get(`/v1/payments/sepa-credit-transfers/${id}/authorisations`));
    expect(auths.json.authorisationIds).toHaveLength(1);
    expect(scaStatusUrl.endsWith(`/authorisations/${auths.json.authorisationIds[0]}`)).toBe(true);

    // a final authorisation page cannot be used again
    const again = await client.get(scaRedirect, { noRequestId: true });
    expect(again.status).toBe(409);
    expect(again.text).toContain('<!doctype html>');
  });

  it('rejects: payment RJCT, authorisation failed, PSU sent to the nok URI', async () => {
    const init = conforms(await initiate(client));
    const done = await submitScaPage(client, init.json._links.scaRedirect.href, { decision: 'reject' });
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe(TPP_NOK);
    expect(conforms(await client.get(init.json._links.scaStatus.href)).json.scaStatus).toBe('failed');
    expect(conforms(await client.get(init.json._links.status.href)).json.transactionStatus).toBe('RJCT');
    expect(conforms(await client.get(init.json._links.status.href)).json.transactionStatus).toBe('RJCT');
  });

  it('reject without a nok URI goes to TPP-Redirect-URI', async () => {
    const init = conforms(await initiate(client, { 'TPP-Nok-Redirect-URI': undefined as unknown as string }));
    const done = await submitScaPage(client, init.json._links.scaRedirect.href, { decision: 'reject' });
    expect(done.headers.get('location')).toBe(TPP_OK);
  });

  it('wrong credentials show the form again with an error, then still allow approval', async () => {
    const init = conforms(await initiate(client));
    const wrong = await approveAs(client, init.json._links.scaRedirect.href, 'psu-alice', 'nope');
    expect(wrong.status).toBe(200);
    expect(wrong.text).toContain('wrong password');
    expect(wrong.text).toContain('<form method="post"');
    const right = await approveAs(client, init.json._links.scaRedirect.href, 'psu-alice', 'sandbox-alice-1');
    expect(right.status).toBe(302);
    expect(conforms(await client.get(init.json._links.status.href)).json.transactionStatus).toBe('ACTC');
  });

  it('three wrong logins fail the authorisation', async () => {
    const init = conforms(await initiate(client));
    const href = init.json._links.scaRedirect.href as string;
    await approveAs(client, href, 'psu-alice', 'x');
    await approveAs(client, href, 'psu-alice', 'y');
    const third = await approveAs(client, href, 'psu-bob', 'z');
    expect(third.status).toBe(302);
    expect(third.headers.get('location')).toBe(TPP_NOK);
    expect(conforms(await client.get(init.json._links.status.href)).json.transactionStatus).toBe('RJCT');
  });

  it('refuses approval by a PSU who does not hold the debtor account', async () => {
    const init = conforms(await initiate(client));
    const res = await approveAs(client, init.json._links.scaRedirect.href, 'psu-bob', 'sandbox-bob-2');
    expect(res.status).toBe(200);
    expect(res.text).toContain('not held by psu-bob');
    expect(conforms(await client.get(init.json._links.status.href)).json.transactionStatus).toBe('RCVD');
  });

  it('refuses a form with a wrong token', async () => {
    const init = conforms(await initiate(client));
    const res = await client.post(init.json._links.scaRedirect.href, {
      noRequestId: true,
      form: { token: 'forged', psuId: 'psu-alice', password: 'sandbox-alice-1', decision: 'approve' },
    });
    expect(res.status).toBe(400);
    expect(conforms(await client.get(init.json._links.status.href)).json.transactionStatus).toBe('RCVD');
  });

  it('without TPP-Redirect-URI the PSU sees a closing page', async () => {
    const init = conforms(
      await client.post('/v1/payments/sepa-credit-transfers', { headers: PSU_HEADERS, json: paymentBody(bobEur.iban) }),
    );
    expect(init.status).toBe(201);
    const done = await approveAs(client, init.json._links.scaRedirect.href, 'psu-bob', 'sandbox-bob-2');
    expect(done.status).toBe(200);
    expect(done.text).toContain('The authorisation is complete');
  });

  it('explicit start: startAuthorisation link, then POST authorisations', async () => {
    const init = conforms(await initiate(client, { 'TPP-Explicit-Authorisation-Preferred': 'true' }));
    expect(init.status).toBe(201);
    expect(Object.keys(init.json._links)).toEqual(['startAuthorisation', 'self', 'status']);
    const id = init.json.paymentId as string;
    const none = conforms(await client.get(`/v1/payments/sepa-credit-transfers/${id}/authorisations`));
    expect(none.json).toEqual({ authorisationIds: [] });

    const start = conforms(await client.post(init.json._links.startAuthorisation.href, { headers: { 'Content-Type': 'application/json' }, body: '{}' }));
    expect(start.status).toBe(201);
    expect(start.headers.get('aspsp-sca-approach')).toBe('REDIRECT');
    expect(start.json.scaStatus).toBe('received');
    expect(start.json.authorisationId).toMatch(UUID);
    expect(Object.keys(start.json._links)).toEqual(['scaRedirect', 'scaStatus']);

    const put = conforms(
      await client.put(start.json._links.scaStatus.href, { json: { psuData: { password: 'sandbox-alice-1' } } }),
    );
    expect(put.status).toBe(403);
    expect(put.json.tppMessages[0].code).toBe('SERVICE_BLOCKED');

    const done = await approveAs(client, start.json._links.scaRedirect.href, 'psu-alice', 'sandbox-alice-1');
    expect(done.headers.get('location')).toBe(TPP_OK);
    expect(conforms(await client.get(start.json._links.scaStatus.href)).json.scaStatus).toBe('finalised');
    expect(conforms(await client.get(init.json._links.status.href)).json.transactionStatus).toBe('ACTC');

    const late = conforms(await client.post(init.json._links.startAuthorisation.href));
    expect(late.status).toBe(409);
    expect(late.json.tppMessages[0].code).toBe('STATUS_INVALID');
  });

  it('cancels a payment before SCA (204, CANC) but not after', async () => {
    const a = conforms(await initiate(client));
    const del = conforms(await client.delete(a.json._links.self.href));
    expect(del.status).toBe(204);
    expect(del.headers.get('x-request-id')).toBe(del.requestId);
    expect(conforms(await client.get(a.json._links.status.href)).json.transactionStatus).toBe('CANC');
    expect((await client.get(a.json._links.scaRedirect.href, { noRequestId: true })).status).toBe(409);

    const b = conforms(await initiate(client));
    await approveAs(client, b.json._links.scaRedirect.href, 'psu-alice', 'sandbox-alice-1');
    const refused = conforms(await client.delete(b.json._links.self.href));
    expect(refused.status).toBe(405);
    expect(refused.json.tppMessages[0].code).toBe('CANCELLATION_INVALID');
  });

  describe('initiation errors', () => {
    const expectError = async (
      res: Promise<import('./client.js').CallResult>,
      status: number,
      code: string,
      path?: string,
    ): Promise<void> => {
      const r = conforms(await res);
      expect(r.status).toBe(status);
      expect(r.headers.get('content-type')).toBe('application/json');
      expect(r.headers.get('x-request-id')).toBe(r.requestId ?? r.headers.get('x-request-id'));
      expect(r.json.tppMessages[0]).toMatchObject({ category: 'ERROR', code, ...(path ? { path } : {}) });
    };

    it('PSU-IP-Address missing or malformed → 400 FORMAT_ERROR', async () => {
      await expectError(
        client.post('/v1/payments/sepa-credit-transfers', { json: paymentBody(aliceEur.iban) }),
        400,
        'FORMAT_ERROR',
        'PSU-IP-Address',
      );
      await expectError(
        client.post('/v1/payments/sepa-credit-transfers', { headers: { 'PSU-IP-Address': '300.1.1.1' }, json: paymentBody(aliceEur.iban) }),
        400,
        'FORMAT_ERROR',
        'PSU-IP-Address',
      );
    });

    it('accepts an IPv6 PSU-IP-Address', async () => {
      const r = conforms(await client.post('/v1/payments/sepa-credit-transfers', { headers: { 'PSU-IP-Address': '2001:db8::1' }, json: paymentBody(aliceEur.iban) }));
      expect(r.status).toBe(201);
    });

    it('TPP-Redirect-Preferred true without TPP-Redirect-URI → 400 FORMAT_ERROR', async () => {
      await expectError(
        client.post('/v1/payments/sepa-credit-transfers', {
          headers: { ...PSU_HEADERS, 'TPP-Redirect-Preferred': 'true' },
          json: paymentBody(aliceEur.iban),
        }),
        400,
        'FORMAT_ERROR',
        'TPP-Redirect-URI',
      );
    });

    it('a non-boolean preference header → 400 FORMAT_ERROR', async () => {
      await expectError(initiate(client, { 'TPP-Explicit-Authorisation-Preferred': 'yes' }), 400, 'FORMAT_ERROR', 'TPP-Explicit-Authorisation-Preferred');
    });

    it.each([
      ['debtorAccount', { debtorAccount: undefined }, 'debtorAccount'],
      ['creditorAccount', { creditorAccount: undefined }, 'creditorAccount'],
      ['creditorName', { creditorName: undefined }, 'creditorName'],
      ['instructedAmount', { instructedAmount: undefined }, 'instructedAmount'],
      ['currency pattern', { instructedAmount: { currency: 'EURO', amount: '1.00' } }, 'instructedAmount.currency'],
      ['amount as number', { instructedAmount: { currency: 'EUR', amount: 12.5 } }, 'instructedAmount.amount'],
      ['amount pattern', { instructedAmount: { currency: 'EUR', amount: '12,50' } }, 'instructedAmount.amount'],
      ['amount too many decimals', { instructedAmount: { currency: 'EUR', amount: '1.2345' } }, 'instructedAmount.amount'],
      ['amount finer than the currency', { instructedAmount: { currency: 'EUR', amount: '1.234' } }, 'instructedAmount.amount'],
      ['amount zero', { instructedAmount: { currency: 'EUR', amount: '0.00' } }, 'instructedAmount.amount'],
      ['IBAN check digits', { creditorAccount: { iban: 'DE00370400440532013000' } }, 'creditorAccount.iban'],
      ['creditorName too long', { creditorName: 'x'.repeat(71) }, 'creditorName'],
      ['two identifiers', { debtorAccount: { iban: aliceEur.iban, bban: '123' } }, 'debtorAccount'],
    ])('invalid body (%s) → 400 FORMAT_ERROR with the field path', async (_name, override, path) => {
      await expectError(initiate(client, {}, paymentBody(aliceEur.iban, override)), 400, 'FORMAT_ERROR', path);
    });

    it('requestedExecutionDate in the past → 400 EXECUTION_DATE_INVALID', async () => {
      await expectError(initiate(client, {}, paymentBody(aliceEur.iban, { requestedExecutionDate: '2020-01-01' })), 400, 'EXECUTION_DATE_INVALID', 'requestedExecutionDate');
    });

    it('invalid JSON → 400 FORMAT_ERROR; missing body → 400 FORMAT_ERROR', async () => {
      await expectError(
        client.post('/v1/payments/sepa-credit-transfers', { headers: { ...PSU_HEADERS, 'Content-Type': 'application/json' }, body: '{"debtorAccount":' }),
        400,
        'FORMAT_ERROR',
      );
      await expectError(client.post('/v1/payments/sepa-credit-transfers', { headers: PSU_HEADERS }), 400, 'FORMAT_ERROR');
      await expectError(initiate(client, {}, []), 400, 'FORMAT_ERROR');
    });

    it('a non-JSON content type → 415 without body', async () => {
      const r = conforms(
        await client.post('/v1/payments/sepa-credit-transfers', { headers: { ...PSU_HEADERS, 'Content-Type': 'text/plain' }, body: 'hello' }),
      );
      expect(r.status).toBe(415);
      expect(r.text).toBe('');
      expect(r.headers.get('x-request-id')).toBe(r.requestId);
    });

    it('unknown product → 404 PRODUCT_UNKNOWN; unsupported service → 400 PARAMETER_NOT_SUPPORTED', async () => {
      await expectError(
        client.post('/v1/payments/sepa-direct-debits', { headers: REDIRECT, json: paymentBody(aliceEur.iban) }),
        404,
        'PRODUCT_UNKNOWN',
      );
      await expectError(
        client.post('/v1/periodic-payments/pain.001-target-2-payments', { headers: REDIRECT, json: paymentBody(aliceEur.iban) }),
        400,
        'PARAMETER_NOT_SUPPORTED',
        'payment-service',
      );
      await expectError(client.get('/v1/payments/foo-transfers/abc'), 404, 'PRODUCT_UNKNOWN');
    });

    it('non-EUR SEPA payment → 400 FORMAT_ERROR on the currency', async () => {
      await expectError(
        initiate(client, {}, paymentBody(aliceEur.iban, { instructedAmount: { currency: 'USD', amount: '5.00' } })),
        400,
        'FORMAT_ERROR',
        'instructedAmount.currency',
      );
    });

    it('unknown paymentId / authorisationId → 404 RESOURCE_UNKNOWN', async () => {
      await expectError(client.get('/v1/payments/sepa-credit-transfers/no-such-payment'), 404, 'RESOURCE_UNKNOWN');
      await expectError(client.get('/v1/payments/sepa-credit-transfers/no-such-payment/status'), 404, 'RESOURCE_UNKNOWN');
      const init = conforms(await initiate(client));
      await expectError(
        client.get(`/v1/payments/sepa-credit-transfers/${init.json.paymentId}/authorisations/nope`),
        404,
        'RESOURCE_UNKNOWN',
      );
    });
  });
});

const REDIRECT = { ...PSU_HEADERS, 'TPP-Redirect-Preferred': 'true', 'TPP-Redirect-URI': TPP_OK };
