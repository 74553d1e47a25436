/**
 * Hostile banks for the reliability tests: local servers on 127.0.0.1 that answer the preflight GET
 * of their base URL normally (so that a run starts) and misbehave in one precise way on the API.
 *
 * The TLS ones decide per connection, since a TLS client says nothing about its path before the
 * handshake: the first connection (the CLI's preflight) gets a proper TLS server whose certificate
 * the CLI trusts through NODE_EXTRA_CA_CERTS (`env`), every later one the misbehaviour. The
 * certificates in tls/ are throw-away self-signed test certificates for 127.0.0.1 (100 years).
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

export const HOSTILE_KINDS = [
  'timeout',
  'reset',
  'invalid-json',
  'wrong-content-type',
  'huge-body',
  'slow-drip',
  'invalid-utf8',
  'redirect-loop',
  'tls-garbage',
  'tls-untrusted',
] as const;
export type HostileKind = (typeof HOSTILE_KINDS)[number];

export interface HostileServer {
  kind: HostileKind;
  /** The base URL to give as --target. */
  url: string;
  /** Environment the CLI needs (the TLS servers' preflight certificate). */
  env: Record<string, string>;
  /** How many API requests (or, for TLS, connections after the preflight) it misbehaved on. */
  misbehaved(): number;
  close(): Promise<void>;
}

const tlsFile = (name: string): string => fileURLToPath(new URL(`./tls/${name}`, import.meta.url));
const TRUSTED = { cert: readFileSync(tlsFile('trusted-cert.pem')), key: readFileSync(tlsFile('trusted-key.pem')) };
const UNTRUSTED = { cert: readFileSync(tlsFile('untrusted-cert.pem')), key: readFileSync(tlsFile('untrusted-key.pem')) };

/** A payment-shaped 201 body, for the misbehaviours that keep the status line sane. */
const CREATED = JSON.stringify({ transactionStatus: 'RCVD', paymentId: 'p-1', _links: { scaRedirect: { href: 'https://bank.example/sca/1' } } });
const MB = 1024 * 1024;

function preflight(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('hostile test bank\n');
}

/** Writes `total` bytes in 64 kB chunks, as fast as the client reads them, until the client leaves. */
function stream(res: ServerResponse, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

/** The misbehaviour of each plain-HTTP kind on an API request. */
const MISBEHAVE: Partial<Record<HostileKind, (req: IncomingMessage, res: ServerResponse) => void>> = {
  timeout: () => {}, // never answers; the socket stays open until the server closes
  reset: (req, res) => {
    res.writeHead(201, { 'content-type': 'application/json', 'content-length': String(CREATED.length) });
    res.write(CREATED.slice(0, 20), () => (req.socket as Socket).resetAndDestroy());
  },
  'invalid-json': (_req, res) => {
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end('{"transactionStatus": "RCVD", "paymentId": ');
  },
  'wrong-content-type': (_req, res) => {
    res.writeHead(201, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<html><body>Payment received</body></html>');
  },
  'huge-body': (_req, res) => {
    res.writeHead(201, { 'content-type': 'application/json' }); // chunked: the size shows only while reading
    stream(res, 50 * MB);
  },
  'slow-drip': (_req, res) => {
    res.writeHead(201, { 'content-type': 'application/json' });
    let i = 0;
    const drip = setInterval(() => {
      if (res.destroyed) return clearInterval(drip);
      res.write(CREATED[i++ % CREATED.length]!);
    }, 100);
    res.once('close', () => clearInterval(drip));
  },
  'invalid-utf8': (_req, res) => {
    res.writeHead(201, { 'content-type': 'application/json' });
    // {"transactionStatus":"RCVD","paymentId":"é"} with é in Latin-1 (0xE9): not UTF-8
    res.end(Buffer.concat([Buffer.from('{"transactionStatus":"RCVD","paymentId":"'), Buffer.from([0xe9]), Buffer.from('"}')]));
  },
  'redirect-loop': (req, res) => {
    res.writeHead(302, { location: req.url ?? '/' });
    res.end();
  },
};

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

async function startHttp(kind: HostileKind): Promise<HostileServer> {
  const misbehave = MISBEHAVE[kind]!;
  let count = 0;
  const server = createHttpServer((req, res) => {
    if (!(req.url ?? '/').startsWith('/v1')) return preflight(res);
    count++;
    req.resume();
    misbehave(req, res);
  });
  const port = await listen(server);
  return {
    kind,
    url: `http://127.0.0.1:${port}`,
    env: {},
    misbehaved: () => count,
    close: () => new Promise((resolve) => (server.close(() => resolve()), server.closeAllConnections())),
  };
}

/** TLS: the first connection is served properly (the preflight), every later one misbehaves. */
async function startTls(kind: HostileKind): Promise<HostileServer> {
  const good = createHttpsServer(TRUSTED, (_req, res) => preflight(res));
  const untrusted = createHttpsServer(UNTRUSTED, (_req, res) => preflight(res));
  const sockets = new Set<Socket>();
  let connections = 0;
  const front = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    if (connections++ === 0) return void good.emit('connection', socket);
    if (kind === 'tls-untrusted') return void untrusted.emit('connection', socket);
    socket.end('HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\nthis is no TLS handshake\r\n'); // tls-garbage
  });
  const port = await listen(front);
  return {
    kind,
    url: `https://127.0.0.1:${port}`,
    env: { NODE_EXTRA_CA_CERTS: tlsFile('trusted-cert.pem') },
    misbehaved: () => Math.max(0, connections - 1),
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        good.closeAllConnections();
        untrusted.closeAllConnections();
        front.close(() => resolve());
      }),
  };
}

export function startHostileServer(kind: HostileKind): Promise<HostileServer> {
  return kind.startsWith('tls-') ? startTls(kind) : startHttp(kind);
}
