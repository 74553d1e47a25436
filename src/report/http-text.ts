import type { Exchange, HttpHeaders } from '../http/exchange.js';

/** A body as a person reads it: JSON pretty-printed, anything else as it came. */
export function readableBody(body: string | undefined): string {
  if (body === undefined || body === '') return '';
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

const headerLines = (headers: HttpHeaders): string[] => Object.entries(headers).map(([k, v]) => `${k}: ${v}`);

/** The request as HTTP message text: request line, headers, body. */
export function requestText(ex: Exchange): string {
  const body = readableBody(ex.request.body);
  return [`${ex.request.method} ${ex.request.url}`, ...headerLines(ex.request.headers), ...(body ? ['', body] : [])].join('\n');
}

/** The response as HTTP message text, or the transport failure that took its place. */
export function responseText(ex: Exchange): string {
  if (!ex.response) return `(no response: ${ex.error?.code ?? 'error'}: ${ex.error?.message ?? 'unknown'})`;
  const body = readableBody(ex.response.body);
  return [`HTTP ${ex.response.status}`, ...headerLines(ex.response.headers), ...(body ? ['', body] : [])].join('\n');
}

/** One exchange as text: the request, a blank line, the response (the redacted copy goes in). */
export function exchangeText(ex: Exchange): string {
  return `${requestText(ex)}\n\n${responseText(ex)}\n`;
}

/** "POST /v1/consents → 201": a short title for an exchange. */
export function exchangeTitle(ex: Exchange): string {
  let path = ex.request.url;
  try {
    const url = new URL(ex.request.url);
    path = url.pathname + url.search;
  } catch {
    // keep the URL as it was sent
  }
  return `${ex.request.method} ${path} → ${ex.response ? ex.response.status : (ex.error?.code ?? 'no response')}`;
}
