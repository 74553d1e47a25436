/** The HTTP server: reads the request, routes it, and turns every failure into a proper answer. */
import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type RequestListener, type Server, type ServerResponse, createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { RequestContext, SandboxEnv } from './context.js';
import { ApiError, formatError, methodNotAllowed, resourceUnknown } from './errors.js';
import { forwardedOrigin } from './forwarded.js';
import { requireRequestId, validateOptionalHeaders } from './headers.js';
import { authenticateBearer } from './oauth/bearer.js';
import { JSON_ONLY, negotiate } from './negotiation.js';
import { sendEmpty, sendError } from './response.js';
import { buildRouter } from './routes.js';
import { Router } from './router.js';
import { verifyTppIdentity } from './tpp-identity/index.js';

/** Largest request body accepted; bigger ones get 400 FORMAT_ERROR (413 is not declared by the spec). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** An X-Request-ID is echoed as sent when it is printable ASCII of sane length. */
const ECHOABLE = /^[\x21-\x7e][\x20-\x7e]{0,199}$/;

const HOST_HEADER = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    let ended = false;
    req.on('end', () => {
      ended = true;
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('close', () => {
      if (!ended && !failed) {
        failed = true;
        reject(new Error('request aborted'));
      }
    });
    req.on('error', (err) => {
      failed = true;
      reject(err);
    });
  });
}

function firstHeader(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

function baseUrl(env: SandboxEnv, req: IncomingMessage): string {
  if (env.publicUrl) return env.publicUrl.replace(/\/+$/, '');
  // Behind a proxy (the validation proxy among them), the links name the origin the client addressed.
  const forwarded = forwardedOrigin(req);
  const host = forwarded.host && HOST_HEADER.test(forwarded.host) ? forwarded.host : firstHeader(req, 'host');
  const scheme = forwarded.proto ?? ('encrypted' in req.socket ? 'https' : 'http');
  return host && HOST_HEADER.test(host) ? `${scheme}://${host}` : env.fallbackBaseUrl;
}

function contextFor(env: SandboxEnv, req: IncomingMessage, res: ServerResponse): RequestContext {
  const sentId = firstHeader(req, 'x-request-id');
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  } catch {
    url = new URL('http://sandbox.invalid/');
  }
  return {
    req,
    res,
    env,
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    params: {},
    rawBody: Buffer.alloc(0),
    echoRequestId: sentId !== undefined && ECHOABLE.test(sentId) ? sentId : randomUUID(),
    baseUrl: baseUrl(env, req),
    header: (name) => firstHeader(req, name),
  };
}

async function handle(env: SandboxEnv, router: Router, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const ctx = contextFor(env, req, res);
  if (env.onRequest) {
    const log = env.onRequest;
    res.once('finish', () => log({ method: ctx.method, path: ctx.path, status: res.statusCode }));
  }
  try {
    try {
      ctx.rawBody = await readBody(req, MAX_BODY_BYTES);
    } catch (err) {
      if (!(err instanceof BodyTooLarge)) throw err;
      res.setHeader('Connection', 'close');
      throw formatError(`The request body exceeds ${MAX_BODY_BYTES} bytes`, 'body');
    }
    const parts = Router.parts(ctx.path);
    if (!parts) throw formatError('The request path is not valid percent-encoding', 'path');
    const match = router.match(ctx.method, parts);
    if (match.kind === 'not-found') throw resourceUnknown(`No resource at ${ctx.path}`);
    if (match.api) {
      requireRequestId(ctx);
      validateOptionalHeaders(ctx);
      if (env.identity) verifyTppIdentity(ctx, env.identity);
      authenticateBearer(ctx);
    }
    if (match.kind === 'method-not-allowed') throw methodNotAllowed(ctx.method, match.allowed);
    if (match.strictAccept) negotiate(ctx, match.produces ?? JSON_ONLY);
    ctx.params = match.params;
    await match.handler(ctx);
  } catch (err) {
    try {
      if (err instanceof ApiError) return sendError(ctx, err);
      if (!res.headersSent) sendEmpty(ctx, 500);
      else res.destroy();
    } catch {
      res.destroy();
    }
  }
}

/** `tls`: serve HTTPS, asking for (not demanding) a client certificate; the identity rules judge it per request. */
export function createSandboxServer(env: SandboxEnv, tls?: { ca: string; cert: string; key: string }): Server {
  const router = buildRouter();
  const listener: RequestListener = (req, res) => {
    handle(env, router, req, res).catch(() => res.destroy());
  };
  const server: Server = tls ? createHttpsServer({ ...tls, requestCert: true, rejectUnauthorized: false }, listener) : createServer(listener);
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return server;
}
