import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { BankClient, consentBody, paymentBody, REDIRECT_HEADERS, TPP_NOK, TPP_OK } from './bank-client.js';

/**
 * 500 flows at once against one reference bank, each create → redirect SCA → read, half of them
 * payments and half consents, approved or rejected, by Alice or Bob: every flow must read back its
 * own state (amount, end-to-end id, status, the accounts of its own PSU), never another's.
 */
const FLOWS = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const alice = ACCOUNTS.find((a) => a.resourceId === 'acc-alice-eur')!;
const ibansOf = (psuId: string) => ACCOUNTS.filter((a) => a.psuId === psuId).map((a) => a.iban).sort();

let bank: RunningSandbox;
let client: BankClient;

beforeAll(async () => {
  bank = await startSandbox();
  client = new BankClient(bank.url, 64);
});
afterAll(async () => {
  await client?.close();
  await bank?.close();
});

interface FlowResult {
  id: string;
  problems: string[];
}

async function paymentFlow(i: number, approve: boolean): Promise<FlowResult> {
  const amount = `${i + 1}.${String(i % 100).padStart(2, '0')}`;
  const e2e = `E2E-FLOW-${i}`;
  const created = await client.api('POST', '/v1/payments/sepa-credit-transfers', { headers: REDIRECT_HEADERS, json: paymentBody(alice.iban, amount, e2e) });
  if (created.status !== 201) return { id: '', problems: [`initiation answered ${created.status}: ${created.text.slice(0, 200)}`] };
  const id = created.json.paymentId as string;
  const problems: string[] = [];
  const back = await client.sca(created.json._links.scaRedirect.href, 'psu-alice', approve ? 'approve' : 'reject');
  if (!back?.startsWith(approve ? TPP_OK : TPP_NOK)) problems.push(`SCA sent the PSU to ${back}`);
  const read = await client.api('GET', `/v1/payments/sepa-credit-transfers/${id}`, { headers: { 'PSU-IP-Address': '192.0.2.10' } });
  if (read.json?.instructedAmount?.amount !== amount) problems.push(`reads amount ${read.json?.instructedAmount?.amount}, sent ${amount}`);
  if (read.json?.endToEndIdentification !== e2e) problems.push(`reads end-to-end id ${read.json?.endToEndIdentification}, sent ${e2e}`);
  const status = (await client.api('GET', `/v1/payments/sepa-credit-transfers/${id}/status`)).json?.transactionStatus;
  if (approve ? status === 'RJCT' || status === 'RCVD' : status !== 'RJCT') problems.push(`status ${status} after ${approve ? 'approval' : 'rejection'}`);
  return { id, problems };
}

async function consentFlow(psuId: string, approve: boolean): Promise<FlowResult> {
  const created = await client.api('POST', '/v1/consents', { headers: REDIRECT_HEADERS, json: consentBody({ allPsd2: 'allAccounts' }) });
  if (created.status !== 201) return { id: '', problems: [`createConsent answered ${created.status}: ${created.text.slice(0, 200)}`] };
  const id = created.json.consentId as string;
  const problems: string[] = [];
  const back = await client.sca(created.json._links.scaRedirect.href, psuId, approve ? 'approve' : 'reject');
  if (!back?.startsWith(approve ? TPP_OK : TPP_NOK)) problems.push(`SCA sent the PSU to ${back}`);
  const status = (await client.api('GET', `/v1/consents/${id}/status`)).json?.consentStatus;
  if (status !== (approve ? 'valid' : 'rejected')) problems.push(`consent status ${status} after ${approve ? 'approval' : 'rejection'}`);
  const accounts = await client.api('GET', '/v1/accounts', { headers: { 'Consent-ID': id, 'PSU-IP-Address': '192.0.2.10' } });
  if (approve) {
    const seen = ((accounts.json?.accounts ?? []) as Array<{ iban?: string }>).map((a) => a.iban).sort();
    if (JSON.stringify(seen) !== JSON.stringify(ibansOf(psuId))) problems.push(`the accounts of ${psuId}'s consent are ${seen.join(', ')}`);
  } else if (accounts.status !== 401) problems.push(`a rejected consent reads the accounts: ${accounts.status}`);
  return { id, problems };
}

/** Flow i: a payment approved, a payment rejected, a consent approved (by Alice or Bob), a consent rejected. */
function flow(i: number): Promise<FlowResult> {
  switch (i % 4) {
    case 0:
      return paymentFlow(i, true);
    case 1:
      return paymentFlow(i, false);
    case 2:
      return consentFlow(i % 8 === 2 ? 'psu-alice' : 'psu-bob', true);
    default:
      return consentFlow('psu-alice', false);
  }
}

describe('the reference bank under concurrent flows', () => {
  it(`keeps ${FLOWS} concurrent create → SCA → read flows apart`, async () => {
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: FLOWS }, (_, i) => flow(i)));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`bank concurrency: ${FLOWS} flows (${FLOWS / 2} payments, ${FLOWS / 2} consents) in ${seconds} s`);
    expect(results.flatMap((r, i) => r.problems.map((p) => `flow ${i}: ${p}`))).toEqual([]);
    // Every resource got an id of its own, random (UUID v4): nothing to guess from a neighbour's.
    const ids = results.map((r) => r.id);
    expect(new Set(ids).size).toBe(FLOWS);
    expect(ids.every((id) => UUID.test(id))).toBe(true);
  });
});
