/**
 * The Exchange record: one HTTP request and what came back, as every check, the lifecycle
 * tracker and every report see it. Header names are stored lower-case.
 */
export type HttpHeaders = Record<string, string>;

export interface ExchangeRequest {
  method: string;
  /** Absolute URL as sent. */
  url: string;
  headers: HttpHeaders;
  /** Body as sent (text), absent when none was sent. */
  body?: string;
}

export interface ExchangeResponse {
  status: number;
  headers: HttpHeaders;
  /** Body as received, decoded as UTF-8 text ('' when empty). */
  body: string;
  /** Set when the body is not valid UTF-8 (the text above then holds replacement characters). */
  invalidUtf8?: boolean;
}

/** Where an exchange came from: the scenario, matrix cell and step that made it. */
export interface ExchangeOrigin {
  scenario?: string;
  step?: string;
  cell?: string;
}

export interface Exchange {
  id: string;
  request: ExchangeRequest;
  response?: ExchangeResponse;
  /** Transport failure (no response): code such as ECONNREFUSED, UND_ERR_HEADERS_TIMEOUT. */
  error?: { code: string; message: string };
  startedAt: string;
  durationMs: number;
  origin?: ExchangeOrigin;
}

/** Case-insensitive header lookup. */
export function headerOf(headers: HttpHeaders | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  if (wanted in headers) return headers[wanted];
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === wanted) return v;
  return undefined;
}

/** The media type of a Content-Type value, without parameters, lower-case. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const base = contentType.split(';')[0]?.trim().toLowerCase();
  return base || undefined;
}

/** Parse a JSON body; undefined when it is not JSON. */
export function jsonBodyOf(body: string | undefined): unknown {
  if (body === undefined || body.trim() === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
