import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import type { Finding } from '../checks/check.js';
import { describeTransportError } from '../http/client.js';
import type { Exchange, HttpHeaders } from '../http/exchange.js';
import { ExchangeJudge, type ExchangeJudgeOptions } from '../run/exchange-judge.js';

/** Headers that belong to one connection, never forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-authorization', 'proxy-authenticate']);

export interface ProxyOptions extends ExchangeJudgeOptions {
  /** The bank's base URL; a request for /v1/x goes to `${target}/v1/x`. */
  target: string;
  port?: number;
  host?: string;
  timeoutMs?: number;
  /** Called for each finding as the exchange that revealed it passes. */
  onFinding?: (finding: Finding, exchange: Exchange) => void;
}

export interface RunningProxy {
  url: string;
  /** Every exchange that passed, redacted, in order. */
  readonly exchanges: Exchange[];
  readonly findings: Finding[];
  /** Stop listening, finish the lifecycle judgement and return what the proxy saw. */
  close(): Promise<{ exchanges: Exchange[]; findings: Finding[]; edges: ReturnType<ExchangeJudge['edges']> }>;
}

/** A Host header that is a host name or IP literal with an optional port, nothing else. */
const HOST_LIKE = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The request's headers as the client sent them, without those of its connection. */
function receivedHeaders(raw: IncomingMessage['headers']): HttpHeaders {
  const out: HttpHeaders = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined || HOP_BY_HOP.has(k)) continue;
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/**
 * What goes to the bank: the client's headers, Host naming the bank, and the origin the client
 * addressed in Forwarded (RFC 7239, appended to any the client sent) and X-Forwarded-Host /
 * X-Forwarded-Proto (unless an earlier proxy set them), so that a bank that builds its links on
 * them sends the TPP back through the proxy rather than around it.
 */
function forwardHeaders(received: HttpHeaders, targetHost: string, addressed: URL): HttpHeaders {
  const out: HttpHeaders = { ...received, host: targetHost };
  const proto = addressed.protocol.slice(0, -1);
  const element = `host="${addressed.host}";proto=${proto}`;
  out['forwarded'] = received['forwarded'] ? `${received['forwarded']}, ${element}` : element;
  out['x-forwarded-host'] ??= addressed.host;
  out['x-forwarded-proto'] ??= proto;
  return out;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A validation proxy between a TPP application and a bank: every request is forwarded as it
 * came (only connection headers and Host change, and Forwarded names the proxy), the bank's
 * answer goes back as it came, and then, off the answer's path, the exchange is judged by every
 * check and the lifecycle tracker, as the client made it: at the proxy's URL, with its headers.
 */
export async function startValidationProxy(options: ProxyOptions): Promise<RunningProxy> {
  const target = new URL(options.target);
  const basePath = target.pathname.replace(/\/+$/, '');
  const agent = new Agent({ keepAliveTimeout: 10_000, headersTimeout: options.timeoutMs ?? 30_000, bodyTimeout: options.timeoutMs ?? 30_000 });
  const judge = new ExchangeJudge({ ...options, basePath: options.basePath ?? basePath });
  const exchanges: Exchange[] = [];
  const findings: Finding[] = [];
  let pending = Promise.resolve();

  const record = (ex: Exchange) => {
    // Judge in order, after the answer is on its way.
    pending = pending.then(() => {
      const { findings: found } = judge.judge(ex);
      const redacted = judge.redact(ex);
      exchanges.push(redacted);
      for (const f of found) {
        findings.push(f);
        options.onFinding?.(f, redacted);
      }
    });
  };

  let ownOrigin = '';
  /** The path at the bank: below the target's base path, unless the client already named it (a link the bank built). */
  const upstreamPath = (path: string): string =>
    basePath && (path === basePath || path.startsWith(`${basePath}/`) || path.startsWith(`${basePath}?`)) ? path : `${basePath}${path}`;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const body = await readBody(req);
    const path = req.url ?? '/';
    const url = `${target.origin}${upstreamPath(path)}`;
    const received = receivedHeaders(req.headers);
    // The exchange is recorded as the client made it (the URL it addressed, the headers it sent):
    // the same traffic a run through the proxy records, and its HAR the same one again.
    const addressed = new URL(`${received['host'] && HOST_LIKE.test(received['host']) ? `http://${received['host']}` : ownOrigin}${path}`);
    const headers = forwardHeaders(received, target.host, addressed);
    const ex: Exchange = {
      id: randomUUID(),
      request: { method: req.method ?? 'GET', url: addressed.toString(), headers: received, ...(body.length ? { body: body.toString('utf8') } : {}) },
      startedAt: new Date().toISOString(),
      durationMs: 0,
    };
    try {
      const answer = await request(url, { method: ex.request.method as 'GET', headers, ...(body.length ? { body } : {}), dispatcher: agent });
      const resBody = Buffer.from(await answer.body.arrayBuffer());
      const resHeaders: HttpHeaders = {};
      for (const [k, v] of Object.entries(answer.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) resHeaders[k] = Array.isArray(v) ? v.join(', ') : v;
      res.writeHead(answer.statusCode, resHeaders);
      res.end(resBody);
      ex.response = { status: answer.statusCode, headers: resHeaders, body: resBody.toString('utf8') };
    } catch (err) {
      ex.error = describeTransportError(err);
      res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`xs2a-conformance proxy: the bank at ${target.origin} did not answer: ${ex.error.message}\n`);
    }
    ex.durationMs = Math.round((performance.now() - started) * 1000) / 1000;
    record(ex);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`xs2a-conformance proxy: ${err.message}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  ownOrigin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url: ownOrigin,
    exchanges,
    findings,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await pending;
      await agent.close();
      findings.push(...judge.finish());
      return { exchanges, findings, edges: judge.edges() };
    },
  };
}
