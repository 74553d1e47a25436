import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import type { Exchange, ExchangeOrigin, HttpHeaders } from './exchange.js';
import { describeTransportError, isBrokenConnection } from './transport-error.js';
import type { RequestSigner } from './signing.js';

export { describeTransportError } from './transport-error.js';

export interface ClientOptions {
  /**
   * Time limit of one exchange, in ms: connecting, and from sending the request to the last byte
   * of the response (a bank that drips its body slowly is cut off too). Default 30 000.
   */
  timeoutMs?: number;
  /** Largest response body kept, in bytes; larger bodies end the exchange with an error. Default 10 MiB. */
  maxBodyBytes?: number;
  /** Sign every request (Digest, Signature, TPP-Signature-Certificate) unless it asks not to be. */
  signer?: RequestSigner;
  /** Mutual TLS: the client certificate (QWAC) and key, PEM; `ca`: extra trusted roots for the bank's certificate. */
  tls?: { certPem: string; keyPem: string; caPem?: string };
}

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Why an exchange was cut off by the client itself (its time limit or its body-size cap). */
class CutOff extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface OutgoingRequest {
  method: string;
  url: string;
  headers?: HttpHeaders;
  body?: string;
  origin?: ExchangeOrigin;
  /** Send as given, without the client's signature (a test that brings its own, or none). */
  unsigned?: boolean;
}

/**
 * One HTTP client per target: a keep-alive undici dispatcher, time limits and a body-size cap.
 * Every call returns an Exchange, also when the transport fails (then `error` is set).
 * Redirects are never followed: a 3xx is an answer like any other.
 */
export class Client {
  readonly #agent: Agent;
  readonly #timeoutMs: number;
  readonly #maxBodyBytes: number;
  /** The signer of this client's requests, when the profile asks for signing. */
  readonly signer: RequestSigner | undefined;

  constructor(options: ClientOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.signer = options.signer;
    // undici's own idle limits stay behind the exchange's deadline, which names the phase that stalled.
    const idle = this.#timeoutMs + 1_000;
    const tls = options.tls ? { connect: { cert: options.tls.certPem, key: options.tls.keyPem, ...(options.tls.caPem ? { ca: options.tls.caPem } : {}) } } : {};
    this.#agent = new Agent({ headersTimeout: idle, bodyTimeout: idle, connectTimeout: this.#timeoutMs, keepAliveTimeout: 10_000, ...tls });
  }

  async send(req: OutgoingRequest): Promise<Exchange> {
    // Names are sent as written (two spellings of one name are two header lines); the record has them lower-case.
    const sent: Record<string, string> = { ...(req.headers ?? {}) };
    if (this.signer && !req.unsigned) Object.assign(sent, this.signer.sign({ headers: sent, ...(req.body !== undefined ? { body: req.body } : {}) }));
    const headers: HttpHeaders = {};
    for (const [k, v] of Object.entries(sent)) {
      const name = k.toLowerCase();
      headers[name] = name in headers ? `${headers[name]}, ${v}` : v;
    }
    const exchange: Exchange = {
      id: randomUUID(),
      request: { method: req.method.toUpperCase(), url: req.url, headers, ...(req.body !== undefined ? { body: req.body } : {}) },
      startedAt: new Date().toISOString(),
      durationMs: 0,
      ...(req.origin ? { origin: req.origin } : {}),
    };
    const started = performance.now();
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.#timeoutMs);
    let headersIn = false;
    let contentLength: number | undefined;
    let size = 0;
    try {
      const res = await request(req.url, {
        method: exchange.request.method as 'GET',
        headers: sent,
        body: req.body,
        dispatcher: this.#agent,
        maxRedirections: 0,
        signal: deadline.signal,
      } as Parameters<typeof request>[1]);
      headersIn = true;
      const declared = Number(res.headers['content-length']);
      if (Number.isSafeInteger(declared) && declared >= 0) contentLength = declared;
      if (declared > this.#maxBodyBytes) {
        res.body.on('error', () => {}); // destroying an unread body emits an abort error: expected here
        res.body.destroy();
        throw new CutOff('BODY_TOO_LARGE', `response body of ${declared} bytes (Content-Length) is larger than the cap of ${this.#maxBodyBytes} bytes`);
      }
      const chunks: Buffer[] = [];
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > this.#maxBodyBytes) {
          res.body.destroy();
          throw new CutOff('BODY_TOO_LARGE', `response body larger than ${this.#maxBodyBytes} bytes`);
        }
        chunks.push(chunk as Buffer);
      }
      const raw = Buffer.concat(chunks);
      exchange.response = { status: res.statusCode, headers: flattenHeaders(res.headers), body: raw.toString('utf8'), ...(isUtf8(raw) ? {} : { invalidUtf8: true }) };
    } catch (err) {
      if (err instanceof CutOff) exchange.error = { code: err.code, message: err.message };
      else if (deadline.signal.aborted) {
        exchange.error = headersIn
          ? { code: 'BODY_TIMEOUT', message: `the response body did not complete within ${this.#timeoutMs} ms (${size} bytes came: a slow drip?)` }
          : { code: 'HEADERS_TIMEOUT', message: `no response headers within ${this.#timeoutMs} ms` };
      } else if (headersIn && isBrokenConnection(err)) {
        const of = contentLength !== undefined ? ` of ${contentLength}` : '';
        exchange.error = { code: 'BODY_CUT_OFF', message: `the connection broke mid-body: ${size}${of} bytes came (closed or reset by the server)` };
      } else exchange.error = describeTransportError(err);
    } finally {
      clearTimeout(timer);
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
