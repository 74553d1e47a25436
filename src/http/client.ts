import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import type { Exchange, ExchangeOrigin, HttpHeaders } from './exchange.js';

export interface ClientOptions {
  /** Time to wait for response headers and between body chunks, in ms. Default 30 000. */
  timeoutMs?: number;
  /** Largest response body kept, in bytes; larger bodies end the exchange with an error. Default 10 MiB. */
  maxBodyBytes?: number;
}

export interface OutgoingRequest {
  method: string;
  url: string;
  headers?: HttpHeaders;
  body?: string;
  origin?: ExchangeOrigin;
}

/**
 * One HTTP client per target: a keep-alive undici dispatcher, time limits and a body-size cap.
 * Every call returns an Exchange, also when the transport fails (then `error` is set).
 * Redirects are never followed: a 3xx is an answer like any other.
 */
export class Client {
  readonly #agent: Agent;
  readonly #maxBodyBytes: number;

  constructor(options: ClientOptions = {}) {
    const timeout = options.timeoutMs ?? 30_000;
    this.#maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;
    this.#agent = new Agent({ headersTimeout: timeout, bodyTimeout: timeout, connectTimeout: timeout, keepAliveTimeout: 10_000 });
  }

  async send(req: OutgoingRequest): Promise<Exchange> {
    const headers: HttpHeaders = {};
    for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = v;
    const exchange: Exchange = {
      id: randomUUID(),
      request: { method: req.method.toUpperCase(), url: req.url, headers, ...(req.body !== undefined ? { body: req.body } : {}) },
      startedAt: new Date().toISOString(),
      durationMs: 0,
      ...(req.origin ? { origin: req.origin } : {}),
    };
    const started = performance.now();
    try {
      const res = await request(req.url, {
        method: exchange.request.method as 'GET',
        headers,
        body: req.body,
        dispatcher: this.#agent,
        maxRedirections: 0,
      } as Parameters<typeof request>[1]);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > this.#maxBodyBytes) {
          res.body.destroy();
          throw Object.assign(new Error(`response body larger than ${this.#maxBodyBytes} bytes`), { code: 'BODY_TOO_LARGE' });
        }
        chunks.push(chunk as Buffer);
      }
      const raw = Buffer.concat(chunks);
      exchange.response = { status: res.statusCode, headers: flattenHeaders(res.headers), body: raw.toString('utf8'), ...(isUtf8(raw) ? {} : { invalidUtf8: true }) };
    } catch (err) {
      exchange.error = describeTransportError(err);
    }
    exchange.durationMs = Math.round((performance.now() - started) * 1000) / 1000;
    return exchange;
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): HttpHeaders {
  const out: HttpHeaders = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** A transport failure in words a user can act on. */
export function describeTransportError(err: unknown): { code: string; message: string } {
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.cause?.code ?? e.code ?? 'TRANSPORT_ERROR';
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    ECONNRESET: 'connection reset by the server',
    ETIMEDOUT: 'connection timed out',
    EHOSTUNREACH: 'host unreachable',
    UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
    UND_ERR_HEADERS_TIMEOUT: 'no response headers within the time limit',
    UND_ERR_BODY_TIMEOUT: 'the response body stalled past the time limit',
    UND_ERR_SOCKET: 'the connection broke',
  };
  const reason = reasons[code] ?? e.cause?.message ?? e.message ?? String(err);
  return { code, message: reason };
}
