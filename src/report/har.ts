import { STATUS_CODES } from 'node:http';
import type { Exchange, HttpHeaders } from '../http/exchange.js';
import { headerOf } from '../http/exchange.js';

/** HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), the parts this tool writes. */
interface HarNameValue {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    queryString: HarNameValue[];
    postData?: { mimeType: string; text: string };
    headersSize: -1;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    content: { size: number; mimeType: string; text?: string };
    redirectURL: string;
    headersSize: -1;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  /** The transport failure that took the response's place (HAR writes status 0 then). */
  _error?: string;
  /** Where the exchange came from: scenario, matrix cell, step, and the test case. */
  _xs2a?: { scenario?: string; cell?: string; step?: string; test?: string; exchangeId: string };
}

export interface Har {
  log: { version: '1.2'; creator: { name: string; version: string }; entries: HarEntry[]; comment?: string };
}

const nameValues = (headers: HttpHeaders): HarNameValue[] => Object.entries(headers).map(([name, value]) => ({ name, value }));

function queryOf(url: string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

const bytes = (text: string | undefined): number => (text === undefined ? 0 : Buffer.byteLength(text));
const round = (ms: number): number => Math.max(0, Math.round(ms * 1000) / 1000);

/** One (redacted) exchange as a HAR entry. */
export function harEntry(ex: Exchange, test?: string): HarEntry {
  const time = round(ex.durationMs);
  const requestType = headerOf(ex.request.headers, 'content-type');
  const responseType = ex.response ? (headerOf(ex.response.headers, 'content-type') ?? '') : '';
  return {
    startedDateTime: ex.startedAt,
    time,
    request: {
      method: ex.request.method,
      url: ex.request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: nameValues(ex.request.headers),
      queryString: queryOf(ex.request.url),
      ...(ex.request.body !== undefined ? { postData: { mimeType: requestType ?? '', text: ex.request.body } } : {}),
      headersSize: -1,
      bodySize: bytes(ex.request.body),
    },
    response: ex.response
      ? {
          status: ex.response.status,
          statusText: STATUS_CODES[ex.response.status] ?? '',
          httpVersion: 'HTTP/1.1',
          cookies: [],
          headers: nameValues(ex.response.headers),
          content: { size: bytes(ex.response.body), mimeType: responseType, text: ex.response.body },
          redirectURL: headerOf(ex.response.headers, 'location') ?? '',
          headersSize: -1,
          bodySize: bytes(ex.response.body),
        }
      : {
          status: 0,
          statusText: '',
          httpVersion: '',
          cookies: [],
          headers: [],
          content: { size: 0, mimeType: 'x-unknown' },
          redirectURL: '',
          headersSize: -1,
          bodySize: -1,
        },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    ...(ex.error ? { _error: `${ex.error.code}: ${ex.error.message}` } : {}),
    _xs2a: { ...ex.origin, ...(test ? { test } : {}), exchangeId: ex.id },
  };
}

/** A whole run's traffic, in the order it was sent. */
export function buildHar(exchanges: ReadonlyArray<{ exchange: Exchange; test?: string }>, tool: { name: string; version: string }): Har {
  const entries = exchanges
    .map(({ exchange, test }) => harEntry(exchange, test))
    .sort((a, b) => a.startedDateTime.localeCompare(b.startedDateTime));
  return {
    log: {
      version: '1.2',
      creator: tool,
      entries,
      comment: 'Redacted: credentials are replaced by ***.',
    },
  };
}
