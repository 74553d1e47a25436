import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHar } from '../../src/report/har.js';
import { readHar } from '../../src/traffic/har.js';
import { sampleExchange } from './sample-report.js';

describe('traffic.har', () => {
  const ok = sampleExchange('a', { startedAt: '2026-01-01T10:00:01.000Z' });
  const failed = sampleExchange('b', { startedAt: '2026-01-01T10:00:00.000Z', error: { code: 'ECONNREFUSED', message: 'connection refused' } });
  delete (failed as { response?: unknown }).response;
  const har = buildHar([{ exchange: ok, test: 't1' }, { exchange: failed }], { name: 'xs2a-conformance', version: '0.1.0' });

  it('is HAR 1.2 with one entry per exchange, in the order they were sent', () => {
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: 'xs2a-conformance', version: '0.1.0' });
    expect(har.log.entries.map((e) => e._xs2a?.exchangeId)).toEqual(['b', 'a']);
  });

  it('carries request and response as recorded (redacted), with where they came from', () => {
    const entry = har.log.entries[1]!;
    expect(entry.request).toMatchObject({ method: 'POST', url: ok.request.url, httpVersion: 'HTTP/1.1', headersSize: -1, queryString: [] });
    expect(entry.request.headers).toContainEqual({ name: 'authorization', value: 'Bearer ***' });
    expect(entry.request.postData).toEqual({ mimeType: 'application/json', text: ok.request.body });
    expect(entry.response).toMatchObject({ status: 200, statusText: 'OK', content: { mimeType: 'text/html', text: ok.response!.body } });
    expect(entry.timings).toEqual({ send: 0, wait: 12.5, receive: 0 });
    expect(entry.time).toBe(12.5);
    expect(entry._xs2a).toEqual({ ...ok.origin, test: 't1', exchangeId: 'a' });
  });

  it('writes a request that got no answer as status 0 with the transport error', () => {
    const entry = har.log.entries[0]!;
    expect(entry.response.status).toBe(0);
    expect(entry._error).toBe('ECONNREFUSED: connection refused');
  });

  it('reads back as the same exchanges with the traffic reader (xs2a-conformance checks HAR files too)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'har-')), 'traffic.har');
    writeFileSync(file, JSON.stringify(har));
    const back = [];
    for await (const ex of readHar(file)) back.push(ex);
    expect(back.map((e) => e.request)).toEqual([failed.request, ok.request]);
    expect(back[1]!.response).toEqual(ok.response);
    expect(back[0]!.response).toBeUndefined();
    expect(back[0]!.error?.message).toContain('ECONNREFUSED');
  });
});
