/** Synthetic exchanges for check tests, and a judge that feeds the observation store as a Session does. */
import { CHECKS, judgeExchange, learnFrom, Observations } from '../../src/checks/index.js';
import type { Finding } from '../../src/checks/check.js';
import { contextOf } from '../../src/checks/judge.js';
import type { Exchange } from '../../src/http/exchange.js';
import type { Spec } from '../../src/spec/types.js';

export const BASE = 'https://bank.example/psd2';
const RID = '99391c7e-ad88-49ec-a2ad-99ddcb1f7721';
let n = 0;

export interface Sent {
  method?: string;
  path: string;
  requestHeaders?: Record<string, string>;
  requestBody?: unknown;
  status?: number;
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export function exchange(s: Sent): Exchange {
  const json: Record<string, string> = s.requestBody !== undefined ? { 'content-type': 'application/json' } : {};
  return {
    id: `e${++n}`,
    startedAt: '2026-11-21T00:00:00Z',
    durationMs: 1,
    request: {
      method: s.method ?? 'GET',
      url: `${BASE}${s.path}`,
      headers: { 'x-request-id': RID, ...json, ...(s.requestHeaders ?? {}) },
      ...(s.requestBody !== undefined ? { body: JSON.stringify(s.requestBody) } : {}),
    },
    response: {
      status: s.status ?? 200,
      headers: { 'x-request-id': RID, 'content-type': s.contentType ?? 'application/json', ...(s.headers ?? {}) },
      body: typeof s.body === 'string' ? s.body : s.body === undefined ? '' : JSON.stringify(s.body),
    },
  };
}

/** Judge exchanges in order with one observation store; the findings of each, by check id filter. */
export function judgeInOrder(spec: Spec, exchanges: Exchange[], check?: string): Finding[][] {
  const store = new Observations();
  return exchanges.map((ex) => {
    const ctx = contextOf(ex, spec, '/psd2', store);
    const findings = judgeExchange(ex, CHECKS, ctx);
    learnFrom(ex, ctx, store);
    return check ? findings.filter((f) => f.check === check) : findings;
  });
}
