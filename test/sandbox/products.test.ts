import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.js';
import { buildMultipart, parseMultipart } from '../../src/sandbox/multipart.js';
import type { RunningSandbox } from '../../src/sandbox/types.js';
import { type CallResult, Client, paymentBody } from './client.js';
import { REDIRECT_HEADERS, aliceEur, approveAs, conforms } from './flows.js';
import { PAIN001_09, pain001 } from './pain001-fixtures.js';
import { SpecValidator } from './spec-harness.js';

const day = (n = 0) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('sandbox payment products and services', () => {
  let bank: RunningSandbox;
  let client: Client;
  beforeAll(async () => {
    bank = await startSandbox({});
    client = new Client(bank.url, new SpecValidator());
  });
  afterAll(() => bank.close());

  const post = (path: string, body: string | unknown, contentType = 'application/json') =>
    client.post(path, { headers: { ...REDIRECT_HEADERS, 'Content-Type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) }).then(conforms);
  const expectError = (r: CallResult, status: number, code: string, path?: string | RegExp) => {
    expect(r.status, r.text).toBe(status);
    const m = r.json.tppMessages.find((x: { code: string }) => x.code === code);
    expect(m, JSON.stringify(r.json)).toBeDefined();
    if (typeof path === 'string') expect(r.json.tppMessages.map((x: { path?: string }) => x.path)).toContain(path);
    if (path instanceof RegExp) expect(r.json.tppMessages.some((x: { path?: string }) => path.test(x.path ?? ''))).toBe(true);
  };
  /** Initiate, approve, and read the status after SCA. */
  async function authorised(path: string, body: string | unknown, contentType?: string): Promise<{ id: string; status: string; self: string }> {
    const init = await post(path, body, contentType);
    expect(init.status, init.text).toBe(201);
    await approveAs(client, init.json._links.scaRedirect.href, 'psu-alice', 'sandbox-alice-1');
    const status = conforms(await client.get(init.json._links.status.href)).json.transactionStatus as string;
    return { id: init.json.paymentId, status, self: init.json._links.self.href };
  }

  it('offers each JSON product for the services of its table', async () => {
    expect((await post('/v1/payments/target-2-payments', paymentBody(aliceEur.iban, { creditorAgent: 'COBADEFFXXX' }))).status).toBe(201);
    expectError(await post('/v1/payments/target-2-payments', paymentBody(aliceEur.iban)), 400, 'FORMAT_ERROR', 'creditorAgent');
    expectError(await post('/v1/bulk-payments/pain.001-cross-border-credit-transfers', '<Document/>', 'application/xml'), 400, 'PARAMETER_NOT_SUPPORTED', 'payment-service');
    const xb = paymentBody(aliceEur.iban, { instructedAmount: { currency: 'USD', amount: '250.00' }, creditorAccount: { bban: '000123456789' }, creditorAgent: 'CHASUS33XXX', creditorAddress: { townName: 'New York', country: 'US' } });
    expect((await post('/v1/payments/cross-border-credit-transfers', xb)).status).toBe(201);
    expectError(await post('/v1/payments/cross-border-credit-transfers', { ...xb, creditorAddress: undefined }), 400, 'FORMAT_ERROR', 'creditorAddress');
    expectError(await post('/v1/payments/sepa-credit-transfers', { ...xb, creditorAgent: undefined, creditorAddress: undefined }), 400, 'FORMAT_ERROR');
  });

  it('TARGET2 and cross-border bulks and standing orders: the product rules hold for every payment', async () => {
    const t2 = (amount: string, extra: Record<string, unknown> = {}) => ({
      instructedAmount: { currency: 'EUR', amount },
      creditorAccount: { iban: 'FR1420041010050500013M02606' },
      creditorAgent: 'PSSTFRPPXXX',
      creditorName: 'Office Notarial Dupont',
      ...extra,
    });
    const bulkT2 = { debtorAccount: { iban: aliceEur.iban }, payments: [t2('4200.00'), t2('2750.00')] };
    const created = await post('/v1/bulk-payments/target-2-payments', bulkT2);
    expect(created.status, created.text).toBe(201);
    expect(conforms(await client.get(created.json._links.self.href)).json.payments).toHaveLength(2);
    expectError(await post('/v1/bulk-payments/target-2-payments', { ...bulkT2, payments: [t2('10.00'), t2('20.00', { creditorAgent: undefined })] }), 400, 'FORMAT_ERROR', 'payments[1].creditorAgent');
    expectError(await post('/v1/bulk-payments/target-2-payments', { ...bulkT2, payments: [t2('10.00', { instructedAmount: { currency: 'USD', amount: '10.00' } })] }), 400, 'FORMAT_ERROR', 'payments[0].instructedAmount.currency');

    const xb = {
      instructedAmount: { currency: 'USD', amount: '640.00' },
      creditorAccount: { bban: '000123456789' },
      creditorAgent: 'CHASUS33XXX',
      creditorName: 'Brightside Media LLC',
      creditorAddress: { townName: 'New York', country: 'US' },
    };
    const bulkXb = { debtorAccount: { iban: aliceEur.iban }, payments: [xb, { ...xb, instructedAmount: { currency: 'USD', amount: '89.90' } }] };
    expect((await post('/v1/bulk-payments/cross-border-credit-transfers', bulkXb)).status).toBe(201);
    expectError(await post('/v1/bulk-payments/cross-border-credit-transfers', { ...bulkXb, payments: [xb, { ...xb, creditorAddress: undefined }] }), 400, 'FORMAT_ERROR', 'payments[1].creditorAddress');
    expectError(await post('/v1/bulk-payments/cross-border-credit-transfers', { ...bulkXb, payments: [{ ...xb, creditorAgent: undefined }] }), 400, 'FORMAT_ERROR', 'payments[0].creditorAgent');

    const schedule = { startDate: day(1), frequency: 'Monthly', dayOfExecution: '15' };
    const orderT2 = paymentBody(aliceEur.iban, { ...t2('2480.00'), ...schedule });
    const order = await authorised('/v1/periodic-payments/target-2-payments', orderT2);
    expect(order.status).toBe('ACTC');
    expectError(await post('/v1/periodic-payments/target-2-payments', { ...orderT2, creditorAgent: undefined }), 400, 'FORMAT_ERROR', 'creditorAgent');
    expectError(await post('/v1/periodic-payments/target-2-payments', { ...orderT2, instructedAmount: { currency: 'CHF', amount: '1.00' } }), 400, 'FORMAT_ERROR', 'instructedAmount.currency');
    const orderXb = paymentBody(aliceEur.iban, { ...xb, instructedAmount: { currency: 'CHF', amount: '540.00' }, ...schedule, frequency: 'Quarterly' });
    expect((await post('/v1/periodic-payments/cross-border-credit-transfers', orderXb)).status).toBe(201);
    expectError(await post('/v1/periodic-payments/cross-border-credit-transfers', { ...orderXb, creditorAddress: undefined }), 400, 'FORMAT_ERROR', 'creditorAddress');
  });

  it('instant payments: at most 100 000 EUR, executed today, settled right after SCA and not cancellable', async () => {
    expectError(await post('/v1/payments/instant-sepa-credit-transfers', paymentBody(aliceEur.iban, { instructedAmount: { currency: 'EUR', amount: '100000.01' } })), 400, 'FORMAT_ERROR', 'instructedAmount.amount');
    expectError(await post('/v1/payments/instant-sepa-credit-transfers', paymentBody(aliceEur.iban, { requestedExecutionDate: day(3) })), 400, 'EXECUTION_DATE_INVALID');
    const p = await authorised('/v1/payments/instant-sepa-credit-transfers', paymentBody(aliceEur.iban));
    expect(p.status).toBe('ACTC');
    expect(conforms(await client.get(`${p.self}/status`)).json.transactionStatus).toBe('ACSC');
    expectError(conforms(await client.delete(p.self)), 405, 'CANCELLATION_INVALID');
  });

  it('bulk payments: entries without debtor fields, at least one, echoed with the bulk fields', async () => {
    const bulk = {
      batchBookingPreferred: true,
      debtorAccount: { iban: aliceEur.iban },
      requestedExecutionDate: day(2),
      payments: [
        { instructedAmount: { currency: 'EUR', amount: '10.00' }, creditorAccount: { iban: 'DE89370400440532013000' }, creditorName: 'A' },
        { instructedAmount: { currency: 'EUR', amount: '20.00' }, creditorAccount: { iban: 'DE89370400440532013000' }, creditorName: 'B' },
      ],
    };
    const created = await post('/v1/bulk-payments/sepa-credit-transfers', bulk);
    expect(created.status).toBe(201);
    const read = conforms(await client.get(created.json._links.self.href));
    expect(read.json).toMatchObject({ batchBookingPreferred: true, requestedExecutionDate: day(2), transactionStatus: 'RCVD' });
    expect(read.json.payments).toHaveLength(2);
    expectError(await post('/v1/bulk-payments/sepa-credit-transfers', { ...bulk, payments: [] }), 400, 'FORMAT_ERROR', 'payments');
    expectError(await post('/v1/bulk-payments/sepa-credit-transfers', { ...bulk, payments: [{ ...bulk.payments[0], debtorAccount: { iban: aliceEur.iban } }] }), 400, 'FORMAT_ERROR', 'payments[0].debtorAccount');
    expectError(await post('/v1/bulk-payments/sepa-credit-transfers', { ...bulk, payments: [{ ...bulk.payments[0], instructedAmount: { currency: 'USD', amount: '1.00' } }] }), 400, 'FORMAT_ERROR', 'payments[0].instructedAmount.currency');
  });

  it('standing orders: startDate and frequency required, end after start; ACSP until cancelled', async () => {
    const order = paymentBody(aliceEur.iban, { startDate: day(1), frequency: 'Monthly', dayOfExecution: '01', executionRule: 'following' });
    expectError(await post('/v1/periodic-payments/sepa-credit-transfers', { ...order, frequency: 'Fortnightly' }), 400, 'FORMAT_ERROR', 'frequency');
    expectError(await post('/v1/periodic-payments/sepa-credit-transfers', { ...order, startDate: undefined }), 400, 'FORMAT_ERROR', 'startDate');
    expectError(await post('/v1/periodic-payments/sepa-credit-transfers', { ...order, endDate: day(0) }), 400, 'FORMAT_ERROR', 'endDate');
    const p = await authorised('/v1/periodic-payments/sepa-credit-transfers', order);
    const statuses = [p.status];
    for (let i = 0; i < 3; i++) statuses.push(conforms(await client.get(`${p.self}/status`)).json.transactionStatus);
    expect(statuses).toEqual(['ACTC', 'ACSP', 'ACSP', 'ACSP']);
  });

  it('pain.001 products take application/xml in .03 and .09, check it, and echo the document', async () => {
    const xml = pain001({ debtorIban: aliceEur.iban, date: day(), serviceLevel: 'SEPA', ctrlSum: '10.00' });
    const created = await post('/v1/payments/pain.001-sepa-credit-transfers', xml, 'application/xml');
    expect(created.status, created.text).toBe(201);
    const read = conforms(await client.get(created.json._links.self.href));
    expect(read.headers.get('content-type')).toBe('application/xml');
    expect(read.text).toBe(xml);
    const t2 = pain001({ namespace: PAIN001_09, debtorIban: aliceEur.iban, date: day(), serviceLevel: 'URGP', txs: [{ bic: 'COBADEFFXXX' }] });
    expect((await post('/v1/payments/pain.001-target-2-payments', t2, 'application/xml')).status).toBe(201);
    const xb = pain001({ namespace: PAIN001_09, debtorIban: aliceEur.iban, date: day(), txs: [{ currency: 'USD', bic: 'CHASUS33XXX', creditorOther: '000123456789', address: '<PstlAdr><TwnNm>New York</TwnNm><Ctry>US</Ctry></PstlAdr>' }] });
    expect((await post('/v1/payments/pain.001-cross-border-credit-transfers', xb, 'application/xml')).status).toBe(201);
    const inst = pain001({ debtorIban: aliceEur.iban, date: day(), serviceLevel: 'SEPA', localInstrument: 'INST' });
    expect((await post('/v1/payments/pain.001-instant-sepa-credit-transfers', inst, 'application/xml')).status).toBe(201);
    expectError(await post('/v1/payments/pain.001-instant-sepa-credit-transfers', pain001({ debtorIban: aliceEur.iban, date: day() }), 'application/xml'), 400, 'FORMAT_ERROR', /LclInstrm/);
    // the payment status is offered as JSON only; an Accept asking for XML is disregarded (no 406 outside AIS)
    const status = conforms(await client.get(created.json._links.status.href, { headers: { Accept: 'application/xml' } }));
    expect(status.status).toBe(200);
    expect(status.headers.get('content-type')).toBe('application/json');
  });

  it('refuses broken pain.001 documents with FORMAT_ERROR naming the element', async () => {
    const send = (xml: string) => post('/v1/payments/pain.001-sepa-credit-transfers', xml, 'application/xml');
    const base = { debtorIban: aliceEur.iban, date: day() };
    expectError(await send('<Document><CstmrCdtTrfInitn></Document>'), 400, 'FORMAT_ERROR', 'body');
    expectError(await send(pain001({ ...base, namespace: '' })), 400, 'FORMAT_ERROR', 'Document@xmlns');
    expectError(await send(pain001({ ...base, namespace: 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.02' })), 400, 'FORMAT_ERROR', 'Document@xmlns');
    expectError(await send(pain001({ ...base, root: 'Doc' })), 400, 'FORMAT_ERROR', 'Document');
    expectError(await send(pain001({ ...base, nbOfTxs: '2' })), 400, 'FORMAT_ERROR', 'Document.CstmrCdtTrfInitn.GrpHdr.NbOfTxs');
    expectError(await send(pain001({ ...base, ctrlSum: '11.00' })), 400, 'FORMAT_ERROR', 'Document.CstmrCdtTrfInitn.GrpHdr.CtrlSum');
    expectError(await send(pain001({ ...base, txs: [{ amount: '12,50' }] })), 400, 'FORMAT_ERROR', 'Document.CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf[0].Amt.InstdAmt');
    expectError(await send(pain001({ ...base, txs: [{ creditorIban: 'DE00370400440532013000' }] })), 400, 'FORMAT_ERROR', 'Document.CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf[0].CdtrAcct.Id.IBAN');
    expectError(await send(pain001({ ...base, txs: [{ currency: 'USD' }] })), 400, 'FORMAT_ERROR', 'Document.CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf[0].Amt.InstdAmt@Ccy');
    expectError(await send(pain001({ ...base, txs: [{}, { e2e: 'E2E-2' }] })), 400, 'FORMAT_ERROR', 'Document.CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf');
    expectError(await send(pain001({ ...base, date: '2020-01-01' })), 400, 'EXECUTION_DATE_INVALID');
    const json = await post('/v1/payments/pain.001-sepa-credit-transfers', paymentBody(aliceEur.iban));
    expect(json.status).toBe(415);
  });

  it('pain.001 bulk: several transactions; pain.001 standing orders: multipart with the JSON terms, echoed as multipart', async () => {
    const bulk = pain001({ debtorIban: aliceEur.iban, date: day(), txs: [{ amount: '10.00' }, { e2e: 'E2E-2', amount: '5.50' }], ctrlSum: '15.50' });
    const created = await post('/v1/bulk-payments/pain.001-sepa-credit-transfers', bulk, 'application/xml');
    expect(created.status, created.text).toBe(201);

    const xml = pain001({ debtorIban: aliceEur.iban, date: day(1) });
    const form = buildMultipart([
      { name: 'xml_sct', contentType: 'application/xml', body: xml },
      { name: 'json_standingorderType', contentType: 'application/json', body: JSON.stringify({ startDate: day(1), frequency: 'Weekly' }) },
    ]);
    const order = await post('/v1/periodic-payments/pain.001-sepa-credit-transfers', form.body, form.contentType);
    expect(order.status, order.text).toBe(201);
    const read = conforms(await client.get(order.json._links.self.href));
    expect(read.headers.get('content-type')).toBe(form.contentType);
    expect(parseMultipart(read.text, read.headers.get('content-type')!).map((p) => p.name)).toEqual(['xml_sct', 'json_standingorderType']);
    const withoutTerms = buildMultipart([{ name: 'xml_sct', contentType: 'application/xml', body: xml }]);
    expectError(await post('/v1/periodic-payments/pain.001-sepa-credit-transfers', withoutTerms.body, withoutTerms.contentType), 400, 'FORMAT_ERROR', 'json_standingorderType');
    const badTerms = buildMultipart([
      { name: 'xml_sct', contentType: 'application/xml', body: xml },
      { name: 'json_standingorderType', contentType: 'application/json', body: JSON.stringify({ startDate: day(1) }) },
    ]);
    expectError(await post('/v1/periodic-payments/pain.001-sepa-credit-transfers', badTerms.body, badTerms.contentType), 400, 'FORMAT_ERROR', 'json_standingorderType.frequency');
    expect((await post('/v1/periodic-payments/pain.001-sepa-credit-transfers', xml, 'application/xml')).status).toBe(415);
  });

  it('the SCA page shows what is authorised: a bulk with its total, a standing order with its schedule', async () => {
    const bulk = await post('/v1/bulk-payments/sepa-credit-transfers', {
      debtorAccount: { iban: aliceEur.iban },
      payments: [
        { instructedAmount: { currency: 'EUR', amount: '10.00' }, creditorAccount: { iban: 'DE89370400440532013000' }, creditorName: 'A' },
        { instructedAmount: { currency: 'EUR', amount: '2.50' }, creditorAccount: { iban: 'DE89370400440532013000' }, creditorName: 'B' },
      ],
    });
    const page = await client.get(bulk.json._links.scaRedirect.href, { noRequestId: true });
    expect(page.text).toContain('2, together 12.50 EUR');
    const order = await post('/v1/periodic-payments/sepa-credit-transfers', paymentBody(aliceEur.iban, { startDate: day(1), frequency: 'Weekly' }));
    expect((await client.get(order.json._links.scaRedirect.href, { noRequestId: true })).text).toContain(`Weekly from ${day(1)}`);
  });
});
