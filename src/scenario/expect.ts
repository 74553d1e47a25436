import { headerOf, jsonBodyOf, mediaTypeOf, type ExchangeResponse } from '../http/exchange.js';
import type { Expectation } from './types.js';

/** Read a dotted path (a.b.0.c) from a value. */
export function pathValue(value: unknown, path: string): unknown {
  let cur = value;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function codesOf(body: unknown): string[] {
  const messages = pathValue(body, 'tppMessages');
  const codes = Array.isArray(messages) ? messages.map((m) => (m as { code?: unknown })?.code) : [pathValue(body, 'code')];
  return codes.filter((c): c is string => typeof c === 'string');
}

const list = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

/**
 * Does a response go the way the scenario's flow expects? Returns what did not, one line each.
 * These are the flow's expectations (which branch the bank took), not conformance rules: rules
 * are checks and run on every exchange anyway.
 */
export function unmetExpectations(expect: Expectation | undefined, res: ExchangeResponse): string[] {
  if (!expect) return [];
  const out: string[] = [];
  const body = jsonBodyOf(res.body);
  if (expect.status !== undefined && !list(expect.status).includes(res.status)) {
    out.push(`expected status ${list(expect.status).join(' or ')}, got ${res.status}`);
  }
  if (expect.scaApproach) {
    const got = headerOf(res.headers, 'aspsp-sca-approach');
    if (got?.toUpperCase() !== expect.scaApproach) out.push(`expected ASPSP-SCA-Approach ${expect.scaApproach}, got ${got ?? 'none'}`);
  }
  for (const name of expect.links ?? []) {
    if (typeof pathValue(body, `_links.${name}.href`) !== 'string') out.push(`expected _links.${name}`);
  }
  for (const [path, wanted] of Object.entries(expect.body ?? {})) {
    const got = pathValue(body, path);
    if (!list(wanted).some((w) => JSON.stringify(w) === JSON.stringify(got))) {
      out.push(`expected ${path} ${list(wanted).map((w) => JSON.stringify(w)).join(' or ')}, got ${JSON.stringify(got) ?? 'nothing'}`);
    }
  }
  if (expect.tppMessage !== undefined) {
    const codes = codesOf(body);
    if (!list(expect.tppMessage).some((c) => codes.includes(c))) {
      out.push(`expected error code ${list(expect.tppMessage).join(' or ')}, got ${codes.length ? codes.join(', ') : 'none'}`);
    }
  }
  for (const name of expect.headers ?? []) if (headerOf(res.headers, name) === undefined) out.push(`expected header ${name}`);
  if (expect.contentType !== undefined) {
    const got = mediaTypeOf(headerOf(res.headers, 'content-type'));
    if (!list(expect.contentType).some((m) => m.toLowerCase() === got)) out.push(`expected Content-Type ${list(expect.contentType).join(' or ')}, got ${got ?? 'none'}`);
  }
  return out;
}

/** Capture a value from a response: status, body.a.b or header.name. */
export function captureValue(source: string, res: ExchangeResponse): unknown {
  if (source === 'status') return res.status;
  if (source.startsWith('header.')) return headerOf(res.headers, source.slice('header.'.length));
  const body = jsonBodyOf(res.body);
  return source === 'body' ? body : pathValue(body, source.slice('body.'.length));
}
