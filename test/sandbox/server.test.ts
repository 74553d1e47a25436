import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFECTS, startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/types.js';
import { Client, PSU_HEADERS, paymentBody } from './client.js';
import { aliceEur, conforms } from './flows.js';
import { SpecValidator } from './spec-harness.js';

describe('startSandbox', () => {
  it('rejects unknown defects, naming them and the known ones', async () => {
    const err = await startSandbox({ defects: ['no-such-defect'] }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(Error);
    expect(err!.message).toContain('no-such-defect');
    for (const name of Object.keys(DEFECTS)) expect(err!.message).toContain(name);
  });

  it('listens on a free port, reports its defects, and close() ends keep-alive sockets promptly', async () => {
    const bank = await startSandbox({ port: 0, defects: ['amount-as-number'] });
    expect(bank.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(bank.defects).toEqual(['amount-as-number']);
    // open a keep-alive connection and leave it idle
    await new Promise<void>((resolve, reject) => {
      const req = request(`${bank.url}/v1/accounts`, { agent: new Agent({ keepAlive: true }) }, (res) => {
        res.resume();
        res.on('end', () => resolve());
      });
      req.on('error', reject);
      req.end();
    });
    const started = Date.now();
    await bank.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await bank.close(); // idempotent
  });

  it('logs every answered request (method, path without query, status) to onRequest', async () => {
    const served: Array<{ method: string; path: string; status: number }> = [];
    const bank = await startSandbox({ onRequest: (r) => served.push(r) });
    try {
      const client = new Client(bank.url);
      await client.get('/v1/accounts?withBalance=true');
      await client.post('/v1/payments/sepa-credit-transfers', { headers: PSU_HEADERS, json: paymentBody(aliceEur.iban) });
      await client.get('/sca/nope', { noRequestId: true });
    } finally {
      await bank.close();
    }
    expect(served).toEqual([
      { method: 'GET', path: '/v1/accounts', status: 400 },
      { method: 'POST', path: '/v1/payments/sepa-credit-transfers', status: 201 },
      { method: 'GET', path: '/sca/nope', status: 404 },
    ]);
  });

  it('uses publicUrl for links when given', async () => {
    const bank = await startSandbox({ publicUrl: 'https://bank.example.test/psd2/' });
    try {
      const res = await new Client(bank.url).post('/v1/consents', {
        headers: PSU_HEADERS,
        json: { access: { allPsd2: 'allAccounts' }, recurringIndicator: true, validUntil: '2099-01-01', frequencyPerDay: 4 },
      });
      expect(res.headers.get('location')).toMatch(/^https:\/\/bank\.example\.test\/psd2\/v1\/consents\//);
      expect(res.json._links.scaRedirect.href).toMatch(/^https:\/\/bank\.example\.test\/psd2\/sca\//);
    } finally {
      await bank.close();
    }
  });
});

describe('links behind a proxy', () => {
  const consent = { access: { allPsd2: 'allAccounts' }, recurringIndicator: true, validUntil: '2099-01-01', frequencyPerDay: 4 };

  it('name the origin a proxy in front says the client addressed (Forwarded, else X-Forwarded-Host/-Proto)', async () => {
    const bank = await startSandbox();
    try {
      const client = new Client(bank.url);
      const viaForwarded = await client.post('/v1/consents', { headers: { ...PSU_HEADERS, Forwarded: 'host="proxy.example:8081";proto=https, host=inner.example' }, json: consent });
      expect(viaForwarded.headers.get('location')).toMatch(/^https:\/\/proxy\.example:8081\/v1\/consents\//);
      expect(viaForwarded.json._links.scaRedirect.href).toMatch(/^https:\/\/proxy\.example:8081\/sca\//);
      const viaX = await client.post('/v1/consents', { headers: { ...PSU_HEADERS, 'X-Forwarded-Host': '127.0.0.1:9999', 'X-Forwarded-Proto': 'http' }, json: consent });
      expect(viaX.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:9999\/v1\/consents\//);
      // A forwarded host that is no host name keeps the links on the Host the bank was addressed by.
      const odd = await client.post('/v1/consents', { headers: { ...PSU_HEADERS, 'X-Forwarded-Host': 'evil.example/path' }, json: consent });
      expect(odd.headers.get('location')!.startsWith(`${bank.url}/v1/consents/`)).toBe(true);
    } finally {
      await bank.close();
    }
  });
});

describe('sandbox request handling', () => {
  let bank: RunningSandbox;
  let client: Client;

  beforeAll(async () => {
    bank = await startSandbox({ port: 0 });
    client = new Client(bank.url, new SpecValidator());
  });
  afterAll(() => bank.close());

  it('X-Request-ID missing → 400 FORMAT_ERROR (a fresh id is still echoed)', async () => {
    const r = conforms(await client.get('/v1/accounts', { noRequestId: true, headers: { 'Consent-ID': 'x' } }));
    expect(r.status).toBe(400);
    expect(r.json.tppMessages).toEqual([expect.objectContaining({ category: 'ERROR', code: 'FORMAT_ERROR', path: 'X-Request-ID' })]);
    expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('X-Request-ID not a UUID → 400 FORMAT_ERROR, echoed as sent', async () => {
    const r = await client.get('/v1/accounts', { headers: { 'X-Request-ID': 'not-a-uuid', 'Consent-ID': 'x' } });
    expect(r.status).toBe(400);
    expect(r.json.tppMessages[0]).toMatchObject({ code: 'FORMAT_ERROR', path: 'X-Request-ID' });
    expect(r.headers.get('x-request-id')).toBe('not-a-uuid');
  });

  it('unknown route → 404; known path with a wrong method → 405 SERVICE_INVALID', async () => {
    const a = await client.get('/v1/nothing-here');
    expect(a.status).toBe(404);
    expect(a.json.tppMessages[0].code).toBe('RESOURCE_UNKNOWN');
    expect(a.headers.get('x-request-id')).toBe(a.requestId);
    expect((await client.get('/nope')).status).toBe(404);
    const b = await client.put('/v1/consents', { json: {} }); // no such operation: the spec has nothing to judge
    expect(b.status).toBe(405);
    expect(b.json.tppMessages[0].code).toBe('SERVICE_INVALID');
    expect(b.headers.get('allow')).toBe('POST');
    expect(b.headers.get('x-request-id')).toBe(b.requestId);
    const c = await client.get('/v1/payments/sepa-credit-transfers');
    expect(c.status).toBe(405);
  });

  it('a body over 1 MB is refused with 400 FORMAT_ERROR, not a crash', async () => {
    const r = await client.post('/v1/payments/sepa-credit-transfers', {
      headers: { ...PSU_HEADERS, 'Content-Type': 'application/json' },
      body: JSON.stringify({ creditorName: 'x'.repeat(1_100_000) }),
    });
    expect(r.status).toBe(400);
    expect(r.json.tppMessages[0].code).toBe('FORMAT_ERROR');
    // the bank still answers afterwards
    expect((await client.get('/v1/accounts', { headers: { 'Consent-ID': 'x' } })).status).toBe(403);
  });

  it('a chunked body over 1 MB (no Content-Length) is refused too', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL('/v1/consents', bank.url);
      const req = request(url, {
        method: 'POST',
        headers: { 'X-Request-ID': '99391c7e-ad88-49ec-a2ad-99ddcb1f7721', 'PSU-IP-Address': '192.0.2.1', 'Content-Type': 'application/json' },
      }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (e) => (/EPIPE|ECONNRESET/.test(String(e)) ? undefined : reject(e)));
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const pump = (): void => {
        while (sent < 20) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(status).toBe(400);
    expect((await client.get('/v1/accounts', { headers: { 'Consent-ID': 'x' } })).status).toBe(403);
  });

  it('survives a client that aborts mid-body', async () => {
    await new Promise<void>((resolve) => {
      const req = request(new URL('/v1/consents', bank.url), { method: 'POST', headers: { 'Content-Length': '1000' } });
      req.on('error', () => resolve());
      req.write('{"access":');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    expect((await client.get('/v1/accounts', { headers: { 'Consent-ID': 'x' } })).status).toBe(403);
  });

  it('never answers 5xx to garbage', async () => {
    const bodies = ['null', '"text"', '42', '[]', '{"instructedAmount":null}', '{"debtorAccount":[1]}', '\u0000\u0001', '{"access":{"accounts":"x"}}'];
    for (const body of bodies) {
      for (const path of ['/v1/payments/sepa-credit-transfers', '/v1/consents']) {
        const r = await client.post(path, { headers: { ...PSU_HEADERS, 'Content-Type': 'application/json' }, body });
        expect(r.status, `${path} ${body}`).toBeGreaterThanOrEqual(400);
        expect(r.status, `${path} ${body}`).toBeLessThan(500);
        expect(r.problems, `${path} ${body}`).toEqual([]);
      }
    }
    const odd = await client.get('/v1/accounts/%E0%A4%A');
    expect(odd.status).toBe(400);
    const scaUnknown = await client.get('/sca/unknown', { noRequestId: true });
    expect(scaUnknown.status).toBe(404);
    expect(scaUnknown.text).toContain('<!doctype html>');
  });

  it('accepts application/json with a charset', async () => {
    const r = conforms(
      await client.post('/v1/payments/sepa-credit-transfers', {
        headers: { ...PSU_HEADERS, 'Content-Type': 'application/json; charset=utf-8' },
        body: JSON.stringify(paymentBody(aliceEur.iban)),
      }),
    );
    expect(r.status).toBe(201);
  });
});
