import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { Exchange, HttpHeaders } from '../http/exchange.js';
import { JsonArrayError, JsonArraySplitter } from './json-array-stream.js';

/** A problem with one record of a traffic file; records before it were judged. */
export class TrafficError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly index?: number,
  ) {
    super(`${file}${index !== undefined ? `: entry ${index}` : ''}: ${message}`);
    this.name = 'TrafficError';
  }
}

interface HarNameValue {
  name: string;
  value: string;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});

function headersOf(list: unknown, where: string): HttpHeaders {
  if (!Array.isArray(list)) throw new Error(`${where}.headers is not an array`);
  const out: HttpHeaders = {};
  for (const h of list as HarNameValue[]) {
    if (typeof h?.name !== 'string' || typeof h.value !== 'string') throw new Error(`${where}.headers has an entry without name and value`);
    const k = h.name.toLowerCase();
    if (k.startsWith(':')) continue; // HTTP/2 pseudo-headers
    out[k] = k in out ? `${out[k]}, ${h.value}` : h.value;
  }
  return out;
}

function bodyText(content: Json): string {
  const text = typeof content['text'] === 'string' ? content['text'] : '';
  return content['encoding'] === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text;
}

/** One HAR 1.2 entry as an Exchange. Throws with the field that is wrong. */
export function exchangeOfHarEntry(entry: unknown, index: number): Exchange {
  const e = obj(entry);
  const request = obj(e['request']);
  const response = obj(e['response']);
  if (typeof request['method'] !== 'string' || typeof request['url'] !== 'string') throw new Error('request.method and request.url are required');
  const status = response['status'];
  if (typeof status !== 'number') throw new Error('response.status is not a number');
  const postData = obj(request['postData']);
  const ex: Exchange = {
    id: `har-${index}`,
    request: {
      method: request['method'].toUpperCase(),
      url: request['url'],
      headers: headersOf(request['headers'], 'request'),
      ...(typeof postData['text'] === 'string' ? { body: postData['text'] } : {}),
    },
    startedAt: typeof e['startedDateTime'] === 'string' ? e['startedDateTime'] : '',
    durationMs: typeof e['time'] === 'number' ? e['time'] : 0,
  };
  // HAR writes status 0 (and an _error) for a request that got no response.
  if (status === 0) ex.error = { code: 'NO_RESPONSE', message: typeof e['_error'] === 'string' ? e['_error'] : 'no response recorded' };
  else ex.response = { status, headers: headersOf(response['headers'], 'response'), body: bodyText(obj(response['content'])) };
  return ex;
}

/**
 * Stream the entries of a HAR file as Exchanges, in file order, with bounded memory. A broken
 * entry or a truncated file ends the stream with a TrafficError naming the entry's index.
 */
export async function* readHar(file: string): AsyncGenerator<Exchange> {
  const splitter = new JsonArraySplitter(['log', 'entries']);
  const decoder = new StringDecoder('utf8');
  const convert = (index: number, text: string): Exchange => {
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch (err) {
      throw new TrafficError(file, `not valid JSON (${(err as Error).message})`, index);
    }
    try {
      return exchangeOfHarEntry(entry, index);
    } catch (err) {
      throw new TrafficError(file, (err as Error).message, index);
    }
  };
  try {
    for await (const chunk of createReadStream(file)) {
      for (const { index, text } of splitter.push(decoder.write(chunk as Buffer))) yield convert(index, text);
    }
    for (const { index, text } of splitter.push(decoder.end())) yield convert(index, text);
    splitter.end();
  } catch (err) {
    if (err instanceof JsonArrayError) throw new TrafficError(file, err.message, err.index);
    if ((err as NodeJS.ErrnoException).code) throw new TrafficError(file, `cannot read it (${(err as NodeJS.ErrnoException).code})`);
    throw err;
  }
}
