import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/http/exchange.js';
import { loadMachines } from '../../src/lifecycle/machine.js';
import { bundled } from '../../src/paths.js';
import { loadSpec } from '../../src/spec/index.js';
import { checkTraffic } from '../../src/traffic/check-traffic.js';

let n = 0;
function ex(method: string, url: string, status: number, body: unknown, reqHeaders: Record<string, string> = {}, resHeaders: Record<string, string> = {}): Exchange {
  const id = `x-${++n}`;
  return {
    id,
    startedAt: '',
    durationMs: 1,
    request: { method, url, headers: { 'x-request-id': `00000000-0000-4000-8000-00000000000${n % 10}`, ...reqHeaders } },
    response: { status, headers: { 'content-type': 'application/json', 'x-request-id': `00000000-0000-4000-8000-00000000000${n % 10}`, ...resHeaders }, body: JSON.stringify(body) },
  };
}

async function* stream(list: Exchange[], failAfter?: number) {
  for (const [i, e] of list.entries()) {
    if (i === failAfter) throw new Error('rec.har: entry 3: not valid JSON');
    yield e;
  }
}

describe('checking recorded traffic', () => {
  it('judges every exchange with the checks and the lifecycle tracker, in order, under a base path', async () => {
    const spec = await loadSpec(bundled.spec());
    const base = 'https://bank.example/psd2/v1/payments/sepa-credit-transfers';
    const traffic = [
      ex('GET', `${base}/p1/status`, 200, { transactionStatus: 'ACSC' }),
      ex('GET', `${base}/p1/status`, 200, { transactionStatus: 'RCVD' }),
      { ...ex('GET', `${base}/p1`, 200, { transactionStatus: 'RCVD' }), response: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"transactionStatus":"RCVD"}' } },
      ex('GET', 'https://bank.example/psd2/v1/products/deposits', 200, {}),
      ex('GET', 'https://bank.example/psd2/v1/products/loans', 200, {}),
      ex('GET', 'https://bank.example/health', 200, {}),
    ];
    const verdict = await checkTraffic(stream(traffic), { spec, machines: loadMachines(), basePath: '/psd2' });
    expect(verdict.exchanges).toBe(6);
    expect(verdict.matched).toBe(3);
    // the payment body lacks what getPaymentInformation requires: response.schema as well
    expect(verdict.findings.map((f) => f.check)).toEqual(['lifecycle.final-left', 'response.schema', 'header.x-request-id-echo']);
    expect(verdict.evidence.map((e) => e.id)).toEqual([traffic[1]!.id, traffic[2]!.id]);
    expect(verdict.unmatched).toEqual([
      { method: 'GET', path: '/psd2/v1/products/deposits', count: 1, first: traffic[3]!.id },
      { method: 'GET', path: '/psd2/v1/products/loans', count: 1, first: traffic[4]!.id },
      { method: 'GET', path: '/health', count: 1, first: traffic[5]!.id },
    ]);
    expect(verdict.edges.find((e) => e.from === 'ACSC')).toMatchObject({ to: 'RCVD', illegal: true });
  });

  it('keeps what it judged when the stream breaks, and says where', async () => {
    const spec = await loadSpec(bundled.spec());
    const traffic = [ex('GET', 'https://b/v1/consents/c1/status', 200, { consentStatus: 'valid' }), ex('GET', 'https://b/v1/consents/c1/status', 200, { consentStatus: 'received' })];
    const verdict = await checkTraffic(stream([...traffic, traffic[0]!], 2), { spec, machines: loadMachines() });
    expect(verdict.exchanges).toBe(2);
    expect(verdict.findings.map((f) => f.check)).toEqual(['lifecycle.transition-allowed']);
    expect(verdict.error).toBe('rec.har: entry 3: not valid JSON');
  });
});
