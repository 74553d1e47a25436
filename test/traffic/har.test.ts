import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonArraySplitter } from '../../src/traffic/json-array-stream.js';
import { readHar, TrafficError } from '../../src/traffic/har.js';
import { readJsonLines } from '../../src/traffic/jsonl.js';

const entry = (i: number, body: unknown = { consentStatus: 'valid' }) => ({
  startedDateTime: '2026-11-21T10:00:00.000Z',
  time: 12.5,
  request: { method: 'get', url: `https://bank.example/v1/consents/c${i}/status`, headers: [{ name: 'X-Request-ID', value: `id-${i}` }], queryString: [] },
  response: { status: 200, headers: [{ name: 'Content-Type', value: 'application/json' }, { name: ':status', value: '200' }], content: { mimeType: 'application/json', text: JSON.stringify(body) } },
});
const har = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, pages: [{ id: 'p', title: '{ "entries": [' }], entries } }, null, 1);

function write(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'traffic-')), name);
  writeFileSync(file, text);
  return file;
}

async function collect<T>(it: AsyncIterable<T>): Promise<{ items: T[]; error?: Error }> {
  const items: T[] = [];
  try {
    for await (const x of it) items.push(x);
  } catch (e) {
    return { items, error: e as Error };
  }
  return { items };
}

describe('streaming the entries of a JSON array', () => {
  it('cuts elements at any chunk boundary, through strings holding braces, brackets and escapes', () => {
    const tricky = { s: 'a } ] " \\" {', n: [1, { x: '}' }] };
    const text = JSON.stringify({ log: { x: '"entries": [', entries: [tricky, { y: 2 }, tricky] } });
    const splitter = new JsonArraySplitter(['log', 'entries']);
    const parts = [...text].flatMap((c) => splitter.push(c));
    splitter.end();
    expect(parts.map((p) => JSON.parse(p.text))).toEqual([tricky, { y: 2 }, tricky]);
    expect(parts.map((p) => p.index)).toEqual([0, 1, 2]);
  });
});

describe('reading HAR files', () => {
  it('turns entries into exchanges with lower-case headers and no pseudo-headers', async () => {
    const { items, error } = await collect(readHar(write('a.har', har([entry(0), entry(1)]))));
    expect(error).toBeUndefined();
    expect(items).toHaveLength(2);
    expect(items[1]).toMatchObject({
      id: 'har-1',
      request: { method: 'GET', url: 'https://bank.example/v1/consents/c1/status', headers: { 'x-request-id': 'id-1' } },
      response: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"consentStatus":"valid"}' },
      durationMs: 12.5,
    });
    expect(items[1]!.response!.headers).not.toHaveProperty(':status');
  });

  it('decodes base64 bodies and records status 0 as a request without response', async () => {
    const b64 = entry(0);
    b64.response.content = { mimeType: 'application/json', text: Buffer.from('{"a":1}').toString('base64'), encoding: 'base64' } as never;
    const failed = { ...entry(1), response: { status: 0, headers: [], content: {} }, _error: 'net::ERR_CONNECTION_RESET' };
    const { items } = await collect(readHar(write('b.har', har([b64, failed]))));
    expect(items[0]!.response!.body).toBe('{"a":1}');
    expect(items[1]!.response).toBeUndefined();
    expect(items[1]!.error).toEqual({ code: 'NO_RESPONSE', message: 'net::ERR_CONNECTION_RESET' });
  });

  it('names the index of a broken entry and keeps the entries before it', async () => {
    const broken = har([entry(0), entry(1), { request: { method: 'GET' }, response: { status: 200, headers: [] } }, entry(3)]);
    const { items, error } = await collect(readHar(write('c.har', broken)));
    expect(items).toHaveLength(2);
    expect(error).toBeInstanceOf(TrafficError);
    expect(error!.message).toMatch(/c\.har: entry 2: request\.method and request\.url are required/);
  });

  it('names a truncated file and a file that is not a HAR', async () => {
    const text = har([entry(0), entry(1)]);
    const truncated = await collect(readHar(write('d.har', text.slice(0, text.length - 200))));
    expect(truncated.items).toHaveLength(1);
    expect(truncated.error!.message).toMatch(/entry 1: the file ends inside an entry/);
    const notHar = await collect(readHar(write('e.json', '{"hello": "world"}')));
    expect(notHar.error!.message).toContain('no log.entries array found');
    const missing = await collect(readHar('/nonexistent/x.har'));
    expect(missing.error!.message).toContain('cannot read it (ENOENT)');
  });
});

describe('reading JSON Lines of exchanges', () => {
  it('reads one exchange per line and names the broken line', async () => {
    const lines = [
      JSON.stringify({ request: { method: 'post', url: 'https://b/v1/consents', headers: { 'X-Request-ID': 'r' }, body: '{}' }, response: { status: 201, headers: { 'Content-Type': 'application/json' }, body: '{}' } }),
      '',
      JSON.stringify({ request: { method: 'GET', url: 'https://b/v1/accounts' }, error: { code: 'ECONNRESET', message: 'reset' } }),
      '{"request": ',
    ].join('\n');
    const { items, error } = await collect(readJsonLines(write('t.jsonl', lines)));
    expect(items.map((e) => e.request.method)).toEqual(['POST', 'GET']);
    expect(items[0]!.request.headers).toEqual({ 'x-request-id': 'r' });
    expect(items[1]!.error).toEqual({ code: 'ECONNRESET', message: 'reset' });
    expect(error!.message).toMatch(/t\.jsonl: line 4 is not valid JSON/);
  });
});
