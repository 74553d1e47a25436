import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/types.js';
import { type CallResult, Client, TPP_OK, paymentBody } from './client.js';
import { REDIRECT_HEADERS, aliceEur, approveAs, conforms, submitScaPage } from './flows.js';
import { SpecValidator } from './spec-harness.js';

const day = (n = 0) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('sandbox payment cancellation (DELETE 204 / 202 / 405, cancellation authorisations)', () => {
  let bank: RunningSandbox;
  let client: Client;
  beforeAll(async () => {
    bank = await startSandbox({});
    client = new Client(bank.url, new SpecValidator());
  });
  afterAll(() => bank.close());

  const status = async (self: string) => conforms(await client.get(`${self}/status`)).json.transactionStatus as string;
  async function authorised(path: string, body: unknown): Promise<CallResult> {
    const init = conforms(await client.post(path, { headers: REDIRECT_HEADERS, json: body }));
    expect(init.status).toBe(201);
    expect((await approveAs(client, init.json._links.scaRedirect.href, 'psu-alice', 'sandbox-alice-1')).status).toBe(302);
    return init;
  }

  it('a future-dated payment: 202 with startAuthorisation, then the cancellation authorisation moves it to CANC', async () => {
    const init = await authorised('/v1/payments/sepa-credit-transfers', paymentBody(aliceEur.iban, { requestedExecutionDate: day(5) }));
    const self = init.json._links.self.href as string;
    expect(await status(self)).toBe('ACTC');
    expect(await status(self)).toBe('ACSP');
    expect(await status(self)).toBe('ACSP'); // waits for its execution date
    const del = conforms(await client.delete(self));
    expect(del.status).toBe(202);
    expect(del.json).toEqual({ transactionStatus: 'ACSP', _links: { startAuthorisation: { href: `${self}/cancellation-authorisations` } } });
    const start = conforms(await client.post(del.json._links.startAuthorisation.href, { headers: { 'TPP-Redirect-URI': TPP_OK } }));
    expect(start.status).toBe(201);
    expect(start.headers.get('aspsp-sca-approach')).toBe('REDIRECT');
    expect(start.json._links.scaStatus.href).toBe(`${self}/cancellation-authorisations/${start.json.authorisationId}`);
    const page = await client.get(start.json._links.scaRedirect.href, { noRequestId: true });
    expect(page.text).toContain('Authorise cancellation of payment');
    expect((await approveAs(client, start.json._links.scaRedirect.href, 'psu-alice', 'sandbox-alice-1')).headers.get('location')).toBe(TPP_OK);
    expect(await status(self)).toBe('CANC');
    expect(conforms(await client.get(`${self}/cancellation-authorisations`)).json).toEqual({ authorisationIds: [start.json.authorisationId] });
    expect(conforms(await client.get(start.json._links.scaStatus.href)).json).toEqual({ scaStatus: 'finalised' });
    // the payment's own authorisations are a separate list
    expect(conforms(await client.get(`${self}/authorisations`)).json.authorisationIds).not.toContain(start.json.authorisationId);
    expect(conforms(await client.delete(self)).status).toBe(204); // cancelling a cancelled payment is done already
    const late = conforms(await client.post(`${self}/cancellation-authorisations`));
    expect(late.status).toBe(409);
    expect(late.json.tppMessages[0].code).toBe('STATUS_INVALID');
  });

  it('a rejected cancellation leaves the standing order running; PUT PSU data is refused with redirect', async () => {
    const init = await authorised('/v1/periodic-payments/sepa-credit-transfers', paymentBody(aliceEur.iban, { startDate: day(1), frequency: 'Monthly' }));
    const self = init.json._links.self.href as string;
    const del = conforms(await client.delete(self));
    expect(del.status).toBe(202);
    const start = conforms(await client.post(del.json._links.startAuthorisation.href));
    const put = conforms(await client.put(start.json._links.scaStatus.href, { json: {} }));
    expect(put.status).toBe(403);
    expect(put.json.tppMessages[0].code).toBe('SERVICE_BLOCKED');
    await submitScaPage(client, start.json._links.scaRedirect.href, { decision: 'reject' });
    expect(conforms(await client.get(start.json._links.scaStatus.href)).json.scaStatus).toBe('failed');
    expect(['ACTC', 'ACSP']).toContain(await status(self));
    // a cancellation that was not asked for cannot be authorised
    const none = conforms(await client.post(`${self}/cancellation-authorisations`));
    expect(none.status).toBe(409);
  });

  it('cancellation authorisations of an unknown payment or id are unknown resources', async () => {
    const unknown = conforms(await client.get('/v1/payments/sepa-credit-transfers/nope/cancellation-authorisations'));
    expect(unknown.status).toBe(404);
    const init = conforms(await client.post('/v1/payments/sepa-credit-transfers', { headers: REDIRECT_HEADERS, json: paymentBody(aliceEur.iban) }));
    const noAuth = conforms(await client.get(`${init.json._links.self.href}/cancellation-authorisations/nope`));
    expect(noAuth.status).toBe(404);
    expect(noAuth.json.tppMessages[0]).toMatchObject({ code: 'RESOURCE_UNKNOWN', path: 'authorisationId' });
  });
});
