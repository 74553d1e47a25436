import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Exchange, HttpHeaders } from '../http/exchange.js';
import { TrafficError } from './har.js';

/**
 * JSON Lines of exchanges: one object per line,
 *   {"request": {"method", "url", "headers": {name: value}, "body"?},
 *    "response": {"status", "headers": {name: value}, "body"?} | absent,
 *    "startedAt"?, "durationMs"?, "error"?: {"code", "message"}}
 * — the Exchange record of docs/TRAFFIC.md. Blank lines are skipped.
 */
function headers(value: unknown, where: string): HttpHeaders {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where}.headers must be an object of name: value`);
  const out: HttpHeaders = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new Error(`${where}.headers.${k} is not a string`);
    out[k.toLowerCase()] = v;
  }
  return out;
}

export function exchangeOfRecord(record: unknown, index: number): Exchange {
  const r = record as { request?: Record<string, unknown>; response?: Record<string, unknown>; startedAt?: unknown; durationMs?: unknown; error?: unknown };
  const req = r?.request;
  if (typeof req?.['method'] !== 'string' || typeof req['url'] !== 'string') throw new Error('request.method and request.url are required');
  const ex: Exchange = {
    id: `line-${index + 1}`,
    request: { method: req['method'].toUpperCase(), url: req['url'], headers: headers(req['headers'], 'request'), ...(typeof req['body'] === 'string' ? { body: req['body'] } : {}) },
    startedAt: typeof r.startedAt === 'string' ? r.startedAt : '',
    durationMs: typeof r.durationMs === 'number' ? r.durationMs : 0,
  };
  const res = r.response;
  if (res !== undefined) {
    if (typeof res['status'] !== 'number') throw new Error('response.status is not a number');
    ex.response = { status: res['status'], headers: headers(res['headers'], 'response'), body: typeof res['body'] === 'string' ? res['body'] : '' };
  } else {
    const e = r.error as { code?: unknown; message?: unknown } | undefined;
    ex.error = { code: typeof e?.code === 'string' ? e.code : 'NO_RESPONSE', message: typeof e?.message === 'string' ? e.message : 'no response recorded' };
  }
  return ex;
}

/** Stream a JSON Lines file of exchanges; a broken line ends it with a TrafficError naming the line. */
export async function* readJsonLines(file: string): AsyncGenerator<Exchange> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let index = 0;
  try {
    for await (const line of lines) {
      const at = index++;
      if (line.trim() === '') continue;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (err) {
        throw new TrafficError(file, `line ${at + 1} is not valid JSON (${(err as Error).message})`);
      }
      try {
        yield exchangeOfRecord(record, at);
      } catch (err) {
        if (err instanceof TrafficError) throw err;
        throw new TrafficError(file, `line ${at + 1}: ${(err as Error).message}`);
      }
    }
  } catch (err) {
    if (err instanceof TrafficError) throw err;
    throw new TrafficError(file, `cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}
