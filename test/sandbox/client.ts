/** Test client for the sandbox: sends XS2A requests and judges each response against the spec. */
import { randomUUID } from 'node:crypto';
import type { SpecValidator } from './spec-harness.js';

export interface CallOptions {
  headers?: Record<string, string | undefined>;
  json?: unknown;
  /** Raw body (sent as is). */
  body?: string;
  /** Form fields, sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  /** Leave out the default X-Request-ID. */
  noRequestId?: boolean;
}

export interface CallResult {
  method: string;
  url: string;
  status: number;
  headers: Headers;
  text: string;
  json: any;
  requestId: string | undefined;
  /** Spec problems of this response ([] when conformant or not an API call). */
  problems: string[];
}

export class Client {
  constructor(
    readonly base: string,
    private readonly spec?: SpecValidator,
  ) {}

  async call(method: string, pathOrUrl: string, opts: CallOptions = {}): Promise<CallResult> {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.base}${pathOrUrl}`;
    const requestId = opts.noRequestId ? undefined : randomUUID();
    const headers: Record<string, string> = {};
    if (requestId) headers['X-Request-ID'] = requestId;
    let body: string | undefined = opts.body;
    if (opts.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.json);
    }
    if (opts.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(opts.form).toString();
    }
    for (const [k, v] of Object.entries(opts.headers ?? {})) {
      if (v === undefined) delete headers[k];
      else headers[k] = v;
    }
    const res = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}), redirect: 'manual' });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const isApi = new URL(url).pathname.startsWith('/v1/');
    const problems =
      isApi && this.spec ? this.spec.judge({ method, url, status: res.status, headers: res.headers, body: text }) : [];
    return { method, url, status: res.status, headers: res.headers, text, json, requestId, problems };
  }

  get = (path: string, opts?: CallOptions) => this.call('GET', path, opts);
  post = (path: string, opts?: CallOptions) => this.call('POST', path, opts);
  put = (path: string, opts?: CallOptions) => this.call('PUT', path, opts);
  delete = (path: string, opts?: CallOptions) => this.call('DELETE', path, opts);
}

export const TPP_OK = 'https://tpp.example.com/callback/ok';
export const TPP_NOK = 'https://tpp.example.com/callback/nok';

export const PSU_HEADERS = { 'PSU-IP-Address': '192.168.8.78' };

export function paymentBody(debtorIban: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    endToEndIdentification: 'E2E-TEST-0001',
    debtorAccount: { iban: debtorIban },
    instructedAmount: { currency: 'EUR', amount: '123.50' },
    creditorAccount: { iban: 'DE89370400440532013000' },
    creditorName: 'Merchant Example GmbH',
    remittanceInformationUnstructured: 'Invoice 4711',
    ...overrides,
  };
}

/** Extracts the SCA form of a redirect page: action and hidden token. */
export function parseScaForm(html: string): { action: string; token: string } {
  const action = /<form[^>]*method="post"[^>]*action="([^"]+)"/i.exec(html)?.[1];
  const token = /<input[^>]*type="hidden"[^>]*name="token"[^>]*value="([^"]+)"/i.exec(html)?.[1];
  if (!action || !token) throw new Error('SCA form not found in page');
  return { action: action.replace(/&amp;/g, '&'), token };
}
