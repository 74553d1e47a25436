import { randomUUID } from 'node:crypto';
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

  it('answers 502 naming the bank when the bank cannot be reached', async () => {
    const proxy = await startValidationProxy({ target: 'http://127.0.0.1:9', spec: await loadSpec(bundled.spec()), machines: loadMachines() });
    const res = await fetch(`${proxy.url}/v1/accounts`);
    expect(res.status).toBe(502);
    expect(await res.text()).toContain('http://127.0.0.1:9 did not answer: connection refused');
    const result = await proxy.close();
    expect(result.exchanges[0]!.error?.code).toBe('ECONNREFUSED');
  });
});
