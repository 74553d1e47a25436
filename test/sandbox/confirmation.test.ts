/** The reference bank's redirect with confirmation for high-value payments (src/sandbox/confirmation.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIGH_VALUE_CONFIRMATION_CENTS, paymentValueCents } from '../../src/sandbox/confirmation.js';
import { startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/types.js';
import { type CallResult, Client, PSU_HEADERS, paymentBody } from './client.js';
import { REDIRECT_HEADERS, aliceEur, approveAs, conforms } from './flows.js';
import { SpecValidator } from './spec-harness.js';

const day = (n = 0) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const eur = (amount: string) => ({ currency: 'EUR', amount });
const SCT = '/v1/payments/sepa-credit-transfers';

let bank: RunningSandbox;
let client: Client;
beforeAll(async () => {
  bank = await startSandbox();
  client = new Client(bank.url, new SpecValidator());
});
afterAll(() => bank.close());

const link = (r: CallResult, name: string): string | undefined => r.json?._links?.[name]?.href;
const pay = async (body: unknown, path = SCT, headers: Record<string, string> = REDIRECT_HEADERS) => {
  const r = conforms(await client.post(path, { headers, json: body }));
  expect(r.status, r.text).toBe(201);
  return r;
};
const codeIn = (back: CallResult) => new URL(back.headers.get('location')!).searchParams.get('confirmationCode');

describe('the value of a payment', () => {
  it('is its instructed amount, a bulk the sum of its payments per currency', () => {
    expect(HIGH_VALUE_CONFIRMATION_CENTS).toBe(1_000_000);
    expect(paymentValueCents({ instructedAmount: eur('10000.00') })).toBe(1_000_000);
    expect(paymentValueCents({ payments: [{ instructedAmount: eur('6000.00') }, { instructedAmount: eur('4000.50') }] })).toBe(1_000_050);
    expect(paymentValueCents({ payments: [{ instructedAmount: eur('6000.00') }, { instructedAmount: { currency: 'USD', amount: '6000.00' } }] })).toBe(600_000);
    expect(paymentValueCents({})).toBe(0);
  });
});

describe('redirect with confirmation for high-value payments', () => {
  it('an everyday payment is finalised when the PSU approves: no confirmation link, no code in the redirect back', async () => {
    const created = await pay(paymentBody(aliceEur.iban, { instructedAmount: eur('9999.99') }));
    expect(link(created, 'confirmation')).toBeUndefined();
    const back = await approveAs(client, link(created, 'scaRedirect')!, 'psu-alice', 'sandbox-alice-1');
    expect(back.status).toBe(302);
    expect(codeIn(back)).toBeNull();
    expect((await client.get(link(created, 'scaStatus')!)).json.scaStatus).toBe('finalised');
  });

  it('a payment of 10 000.00 or more stays unconfirmed until the TPP sends the code the PSU brought back', async () => {
    const created = await pay(paymentBody(aliceEur.iban, { instructedAmount: eur('10000.00') }));
    expect(link(created, 'confirmation')).toBe(link(created, 'scaStatus'));
    const back = await approveAs(client, link(created, 'scaRedirect')!, 'psu-alice', 'sandbox-alice-1');
    const code = codeIn(back);
    expect(code).toMatch(/^\d{8}$/);
    expect(conforms(await client.get(link(created, 'scaStatus')!)).json.scaStatus).toBe('unconfirmed');
    expect((await client.get(link(created, 'status')!)).json.transactionStatus).toBe('RCVD');
    // the SCA page is closed once the PSU approved
    expect((await client.get(link(created, 'scaRedirect')!, { noRequestId: true })).status).toBe(409);
    const done = conforms(await client.put(link(created, 'confirmation')!, { headers: PSU_HEADERS, json: { confirmationCode: code } }));
    expect(done.json.scaStatus).toBe('finalised');
    expect((await client.get(link(created, 'status')!)).json.transactionStatus).toBe('ACTC');
    const again = await client.put(link(created, 'confirmation')!, { headers: PSU_HEADERS, json: { confirmationCode: code } });
    expect([again.status, again.json.tppMessages[0].code]).toEqual([409, 'STATUS_INVALID']);
  });

  it('a wrong code fails the authorisation (400 SCA_INVALID) and rejects the payment', async () => {
    const created = await pay(paymentBody(aliceEur.iban, { instructedAmount: eur('25000.00'), creditorAgent: 'COBADEFFXXX' }), '/v1/payments/target-2-payments');
    await approveAs(client, link(created, 'scaRedirect')!, 'psu-alice', 'sandbox-alice-1');
    const wrong = conforms(await client.put(link(created, 'confirmation')!, { headers: PSU_HEADERS, json: { confirmationCode: '00000000' } }));
    expect([wrong.status, wrong.json.tppMessages[0].code]).toEqual([400, 'SCA_INVALID']);
    expect((await client.get(link(created, 'scaStatus')!)).json.scaStatus).toBe('failed');
    expect((await client.get(link(created, 'status')!)).json.transactionStatus).toBe('RJCT');
  });

  it('a bulk counts its payments together; an explicit start links confirmation too', async () => {
    const entry = (amount: string) => ({ instructedAmount: eur(amount), creditorAccount: { iban: 'DE89370400440532013000' }, creditorName: 'Muster Software GmbH' });
    const small = await pay({ debtorAccount: { iban: aliceEur.iban }, payments: [entry('4000.00'), entry('5000.00')] }, '/v1/bulk-payments/sepa-credit-transfers');
    expect(link(small, 'confirmation')).toBeUndefined();
    const large = await pay({ debtorAccount: { iban: aliceEur.iban }, payments: [entry('6000.00'), entry('5000.00')] }, '/v1/bulk-payments/sepa-credit-transfers', {
      ...REDIRECT_HEADERS,
      'TPP-Explicit-Authorisation-Preferred': 'true',
    });
    const started = conforms(await client.post(link(large, 'startAuthorisation')!, { headers: REDIRECT_HEADERS }));
    expect(started.status).toBe(201);
    expect(link(started, 'confirmation')).toBe(link(started, 'scaStatus'));
  });

  it('only the redirect approach, and not the cancellation of a high-value payment', async () => {
    const embedded = await pay(paymentBody(aliceEur.iban, { instructedAmount: eur('15000.00') }), SCT, { ...PSU_HEADERS, 'TPP-Redirect-Preferred': 'false' });
    expect(link(embedded, 'confirmation')).toBeUndefined();

    const future = await pay(paymentBody(aliceEur.iban, { instructedAmount: eur('15000.00'), requestedExecutionDate: day(7) }));
    const back = await approveAs(client, link(future, 'scaRedirect')!, 'psu-alice', 'sandbox-alice-1');
    await client.put(link(future, 'confirmation')!, { headers: PSU_HEADERS, json: { confirmationCode: codeIn(back) } });
    const cancel = conforms(await client.delete(link(future, 'self')!, { headers: REDIRECT_HEADERS }));
    expect(cancel.status).toBe(202);
    const started = conforms(await client.post(link(cancel, 'startAuthorisation')!, { headers: REDIRECT_HEADERS }));
    expect(link(started, 'confirmation')).toBeUndefined();
    const cancelled = await approveAs(client, link(started, 'scaRedirect')!, 'psu-alice', 'sandbox-alice-1');
    expect(codeIn(cancelled)).toBeNull();
    expect((await client.get(link(future, 'status')!)).json.transactionStatus).toBe('CANC');
  });

  it('the confirmation-skipped defect finalises at the PSU\'s return though it linked confirmation and sent a code', async () => {
    const defective = await startSandbox({ defects: ['confirmation-skipped'] });
    try {
      const c = new Client(defective.url, new SpecValidator());
      const created = conforms(await c.post(SCT, { headers: REDIRECT_HEADERS, json: paymentBody(aliceEur.iban, { instructedAmount: eur('12000.00') }) }));
      expect(link(created, 'confirmation')).toBeDefined();
      const back = await approveAs(c, link(created, 'scaRedirect')!, 'psu-alice', 'sandbox-alice-1');
      expect(codeIn(back)).toMatch(/^\d{8}$/);
      expect((await c.get(link(created, 'scaStatus')!)).json.scaStatus).toBe('finalised');
    } finally {
      await defective.close();
    }
  });
});
