import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveManual } from '../../src/sca/manual.js';
import { parseFirstForm } from '../../src/sca/html-form.js';
import { startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/types.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The person at the keyboard: reads the printed link, logs in at the bank, and lets the browser follow the redirect back. */
async function playThePsu(printed: string, decision: 'approve' | 'reject'): Promise<void> {
  const link = /https?:\/\/\S+\/sca\/\S+/.exec(printed)![0];
  const page = await fetch(link);
  const form = parseFirstForm(await page.text())!;
  const fields = Object.fromEntries(form.inputs.map((i) => [i.name, i.value]));
  const body = new URLSearchParams({ ...fields, psuId: 'psu-alice', password: 'sandbox-alice-1', decision });
  const done = await fetch(new URL(form.action, link), { method: 'POST', body, redirect: 'manual' });
  await fetch(done.headers.get('location')!);
}

describe('manual redirect SCA: the link printed, a local listener waits for the PSU to come back', () => {
  let bank: RunningSandbox;
  beforeAll(async () => {
    bank = await startSandbox();
  });
  afterAll(() => bank.close());

  async function payment(ok: string, nok: string): Promise<{ paymentId: string; scaRedirect: string }> {
    const res = await fetch(`${bank.url}/v1/payments/sepa-credit-transfers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': crypto.randomUUID(), 'psu-ip-address': '192.0.2.10', 'tpp-redirect-uri': ok, 'tpp-nok-redirect-uri': nok },
      body: JSON.stringify({ instructedAmount: { currency: 'EUR', amount: '12.00' }, debtorAccount: { iban: 'DE09123456780123456701' }, creditorName: 'Shop', creditorAccount: { iban: 'DE89370400440532013000' } }),
    });
    const json = (await res.json()) as { paymentId: string; _links: { scaRedirect: { href: string } } };
    return { paymentId: json.paymentId, scaRedirect: json._links.scaRedirect.href };
  }

  for (const decision of ['approve', 'reject'] as const) {
    it(`goes on once the PSU is back (${decision})`, async () => {
      const port = await freePort();
      const ok = `http://127.0.0.1:${port}/sca/ok`;
      const nok = `http://127.0.0.1:${port}/sca/nok`;
      const { paymentId, scaRedirect } = await payment(ok, nok);
      let human: Promise<void> | undefined;
      const outcome = await driveManual({
        link: scaRedirect,
        outcome: decision,
        redirectUri: ok,
        nokRedirectUri: nok,
        timeoutMs: 10_000,
        announce: (text) => {
          expect(text).toContain(scaRedirect);
          human = playThePsu(text, decision);
        },
      });
      await human;
      expect(outcome).toMatchObject({ ok: true, returnedTo: decision === 'approve' ? ok : nok });
      const status = await fetch(`${bank.url}/v1/payments/sepa-credit-transfers/${paymentId}/status`, { headers: { 'x-request-id': crypto.randomUUID() } });
      expect(((await status.json()) as { transactionStatus: string }).transactionStatus).toBe(decision === 'approve' ? 'ACTC' : 'RJCT');
    });
  }

  it('gives up when nobody comes back in time, and refuses a redirect URI it cannot listen on', async () => {
    const port = await freePort();
    const late = await driveManual({ link: 'http://bank.example/sca/1', outcome: 'approve', redirectUri: `http://127.0.0.1:${port}/sca/ok`, timeoutMs: 200, announce: () => {} });
    expect(late).toEqual({ ok: false, message: `nobody came back to http://127.0.0.1:${port}/sca/ok within 200 ms` });
    const remote = await driveManual({ link: 'http://bank.example/sca/1', outcome: 'approve', redirectUri: 'https://tpp.example/sca/ok', timeoutMs: 200, announce: () => {} });
    expect(remote.message).toMatch(/manual SCA needs tpp.redirectUri on a loopback address with a port/);
  });
});
