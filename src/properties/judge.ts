/** Judges one answer to a generated request: the expectation of its case, no 5xx, X-Request-ID echoed. */
import { headerOf, jsonBodyOf, type Exchange } from '../http/exchange.js';
import { NO_SERVER_ERROR, REQUEST_ID_ECHO, VALID_ACCEPTED } from './checks.js';
import type { Expectation, Violation } from './model.js';

const ECHOABLE = /^[\x21-\x7e][\x20-\x7e]{0,199}$/;

interface ErrorParts {
  codes: string[];
  /** Paths and texts of the messages, lower-case: where a field may be named. */
  mentions: string[];
}

/** The codes and field mentions of an error body, NextGenPSD2 (tppMessages) or RFC 7807 form. */
export function errorParts(body: string): ErrorParts {
  const json = jsonBodyOf(body) as Record<string, unknown> | undefined;
  const parts: ErrorParts = { codes: [], mentions: [] };
  if (!json || typeof json !== 'object') return parts;
  const messages = [...(Array.isArray(json['tppMessages']) ? json['tppMessages'] : []), ...(Array.isArray(json['additionalErrors']) ? json['additionalErrors'] : []), json];
  for (const m of messages as Array<Record<string, unknown>>) {
    if (!m || typeof m !== 'object') continue;
    if (typeof m['code'] === 'string') parts.codes.push(m['code']);
    for (const k of ['path', 'text', 'detail', 'title']) if (typeof m[k] === 'string') parts.mentions.push((m[k] as string).toLowerCase());
  }
  return parts;
}

/** The one X-Request-ID a request carried (trimmed), or undefined when it sent none or several. */
export function sentRequestId(headers: Record<string, string | null>): string | undefined {
  const values = Object.entries(headers).filter(([k, v]) => k.toLowerCase() === 'x-request-id' && v !== null);
  return values.length === 1 ? (values[0]![1] as string).trim() : undefined;
}

export function judgeAnswer(exchange: Exchange, expect: Expectation, sentId: string | undefined): Violation[] {
  const res = exchange.response;
  if (!res) return [{ check: NO_SERVER_ERROR.id, message: `no answer: ${exchange.error?.message ?? 'transport failure'}` }];
  const out: Violation[] = [];
  if (res.status >= 500) out.push({ check: NO_SERVER_ERROR.id, message: `answered ${res.status}` });
  if (sentId !== undefined && ECHOABLE.test(sentId)) {
    const got = headerOf(res.headers, 'x-request-id')?.trim();
    if (got !== sentId) out.push({ check: REQUEST_ID_ECHO.id, message: got ? `echoed X-Request-ID ${got}, sent ${sentId}` : 'no X-Request-ID in the answer' });
  }
  if (res.status >= 500) return out;
  const { codes, mentions } = errorParts(res.body);
  if (expect.kind === 'accepted') {
    const optional = res.status === 400 && codes.length > 0 && codes.every((c) => expect.optional?.includes(c));
    if (!(res.status >= 200 && res.status < 300) && !optional) {
      out.push({ check: VALID_ACCEPTED.id, message: `answered ${res.status}${codes.length ? ` ${codes.join(', ')}` : ''}, expected 2xx` });
    }
  } else if (expect.kind === 'refused') {
    const problems: string[] = [];
    if (!expect.status.includes(res.status)) problems.push(`answered ${res.status}, expected ${expect.status.join(' or ')}`);
    else if (!codes.some((c) => expect.codes.includes(c))) problems.push(`code ${codes.join(', ') || '(none)'}, expected ${expect.codes.join(' or ')}`);
    else if (expect.field && !mentions.some((m) => m.includes(expect.field!.toLowerCase()))) problems.push(`no tppMessage path or text names ${expect.field}`);
    if (problems.length) out.push({ check: expect.check, message: problems.join('; ') });
  }
  return out;
}
