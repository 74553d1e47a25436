/** Writing responses: every one echoes X-Request-ID; defects that alter the envelope act here. */
import { randomUUID } from 'node:crypto';
import type { RequestContext } from './context.js';
import { type ApiError, errorBody } from './errors.js';

type Headers = Record<string, string>;

function write(ctx: RequestContext, status: number, headers: Headers, body?: string | Buffer): void {
  const { res } = ctx;
  if (res.headersSent) return;
  const all: Headers = { 'Cache-Control': 'no-store', ...headers };
  if (!ctx.env.defects.has('no-x-request-id-echo')) all['X-Request-ID'] = ctx.echoRequestId;
  // The defect: errors name a request id of their own.
  if (status >= 400 && ctx.env.defects.has('request-id-regenerated-on-errors')) all['X-Request-ID'] = randomUUID();
  if (body !== undefined) all['Content-Length'] = String(Buffer.byteLength(body));
  res.writeHead(status, all);
  res.end(body);
}

/** A JSON body as sent: UTF-8, or ISO-8859-1 under the latin1-bodies defect. */
function jsonBytes(ctx: RequestContext, body: unknown): string | Buffer {
  const text = JSON.stringify(body);
  return ctx.env.defects.has('latin1-bodies') ? Buffer.from(text, 'latin1') : text;
}

/** A JSON success (or other JSON) response. */
export function sendJson(ctx: RequestContext, status: number, body: unknown, headers: Headers = {}): void {
  const textPlain = ctx.env.defects.has('json-as-text-plain') && status >= 200 && status < 300;
  const contentType = textPlain ? 'text/plain; charset=utf-8' : 'application/json';
  write(ctx, status, { ...headers, 'Content-Type': contentType }, jsonBytes(ctx, body));
}

/** A non-JSON success body (camt XML, MT940 text, pain.001 XML, multipart). */
export function sendText(ctx: RequestContext, status: number, contentType: string, body: string, headers: Headers = {}): void {
  write(ctx, status, { ...headers, 'Content-Type': contentType }, body);
}

export function sendEmpty(ctx: RequestContext, status: number, headers: Headers = {}): void {
  write(ctx, status, headers);
}

export function sendError(ctx: RequestContext, err: ApiError): void {
  const body = errorBody(err, ctx.env.defects);
  if (body === undefined) return write(ctx, err.status, { ...err.headers });
  const { defects } = ctx.env;
  // The defects: an error body without Content-Type; tppMessages announced as RFC 7807 problem+json.
  const contentType: Headers = defects.has('errors-without-content-type') ? {} : { 'Content-Type': defects.has('tpp-messages-as-problem-json') ? 'application/problem+json' : 'application/json' };
  write(ctx, err.status, { ...err.headers, ...contentType }, jsonBytes(ctx, body));
}

export function sendHtml(ctx: RequestContext, status: number, html: string): void {
  write(ctx, status, { 'Content-Type': 'text/html; charset=utf-8' }, html);
}

export function sendRedirect(ctx: RequestContext, location: string, status = 302): void {
  write(ctx, status, { Location: location });
}
