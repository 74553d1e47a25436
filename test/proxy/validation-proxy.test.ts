import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loadMachines } from '../../src/lifecycle/machine.js';
import { bundled } from '../../src/paths.js';
import { startValidationProxy } from '../../src/proxy/validation-proxy.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { loadSpec } from '../../src/spec/index.js';
import type { Finding } from '../../src/checks/check.js';

const consentBody = JSON.stringify({ access: { allPsd2: 'allAccounts' }, recurringIndicator: true, validUntil: new Date(Date.now() + 86_400_000 * 30).toISOString().slice(0, 10), frequencyPerDay: 4 });

async function throughProxy(defects: string[]) {
  const bank = await startSandbox({ defects });
  const seen: Finding[] = [];
  const proxy = await startValidationProxy({ target: bank.url, spec: await loadSpec(bundled.spec()), machines: loadMachines(), onFinding: (f) => seen.push(f) });
  const requestId = randomUUID();
  const created = await fetch(`${proxy.url}/v1/consents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId, 'psu-ip-address': '192.0.2.10', 'tpp-redirect-uri': 'https://tpp.example/ok' },
    body: consentBody,
  });
  const body = (await created.json()) as { consentId: string };
  const status = await fetch(`${proxy.url}/v1/consents/${body.consentId}/status`, { headers: { 'x-request-id': randomUUID() } });
  await status.arrayBuffer();
  const result = await proxy.close();
  await bank.close();
  return { created, requestId, result, seen };
}

describe('the validation proxy', () => {
  it('forwards real traffic untouched and finds nothing wrong with the clean bank', async () => {
    const { created, requestId, result } = await throughProxy([]);
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toBe(requestId);
    expect(created.headers.get('location')).toMatch(/\/v1\/consents\//);
    expect(result.exchanges).toHaveLength(2);
    expect(result.exchanges[0]!.request.body).toBe(consentBody);
    expect(result.findings).toEqual([]);
    expect(result.edges.map((e) => `${e.from}->${e.to}`)).toContain('(new)->received');
  });

  it('judges each exchange as it passes and reports the findings as they come', async () => {
    const { result, seen } = await throughProxy(['no-x-request-id-echo']);
    expect(seen.map((f) => f.check)).toEqual(['header.x-request-id-echo', 'header.x-request-id-echo']);
    expect(result.findings).toHaveLength(2);
    expect(result.findings[0]).toMatchObject({ operation: 'createConsent', level: 'MUST' });
  });

  it("keeps the TPP on the proxy: the bank's links name it, and each exchange is recorded as the client made it", async () => {
    const { created, result } = await throughProxy([]);
    const proxyOrigin = new URL(result.exchanges[0]!.request.url).origin;
    expect(created.headers.get('location')!.startsWith(`${proxyOrigin}/v1/consents/`)).toBe(true);
    expect(result.exchanges.map((e) => e.request.url.startsWith(`${proxyOrigin}/v1/consents`))).toEqual([true, true]);
    expect(result.exchanges[0]!.request.headers['host']).toBe(new URL(proxyOrigin).host);
  });

  it('sends a request below the target base path once, whether the client named the base path or not, with Forwarded naming the proxy', async () => {
    const seen: Array<{ url: string; forwarded: string | undefined; host: string | undefined; xfh: string | undefined }> = [];
    const bank = createServer((req, res) => {
      seen.push({ url: req.url ?? '', forwarded: req.headers['forwarded'], host: req.headers['host'], xfh: req.headers['x-forwarded-host'] as string | undefined });
      res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((r) => bank.listen(0, '127.0.0.1', r));
    const bankHost = `127.0.0.1:${(bank.address() as AddressInfo).port}`;
    const proxy = await startValidationProxy({ target: `http://${bankHost}/psd2`, spec: await loadSpec(bundled.spec()), machines: loadMachines() });
    try {
      for (const path of ['/v1/accounts', '/psd2/v1/accounts?withBalance=true']) await (await fetch(`${proxy.url}${path}`)).arrayBuffer();
      const proxyHost = new URL(proxy.url).host;
      expect(seen).toEqual([
        { url: '/psd2/v1/accounts', forwarded: `host="${proxyHost}";proto=http`, host: bankHost, xfh: proxyHost },
        { url: '/psd2/v1/accounts?withBalance=true', forwarded: `host="${proxyHost}";proto=http`, host: bankHost, xfh: proxyHost },
      ]);
    } finally {
      const result = await proxy.close();
      await new Promise((r) => bank.close(r));
      expect(result.exchanges.map((e) => e.request.url)).toEqual([`${proxy.url}/v1/accounts`, `${proxy.url}/psd2/v1/accounts?withBalance=true`]);
    }
  });

  it('answers 502 naming the bank when the bank cannot be reached', async () => {
    const proxy = await startValidationProxy({ target: 'http://127.0.0.1:9', spec: await loadSpec(bundled.spec()), machines: loadMachines() });
    const res = await fetch(`${proxy.url}/v1/accounts`);
    expect(res.status).toBe(502);
    expect(await res.text()).toContain('http://127.0.0.1:9 did not answer: connection refused');
    const result = await proxy.close();
    expect(result.exchanges[0]!.error?.code).toBe('ECONNREFUSED');
  });
});
