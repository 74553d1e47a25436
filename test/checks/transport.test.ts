import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { contextOf, judgeExchange } from '../../src/checks/judge.js';
import utf8 from '../../src/checks/response/utf8.js';
import answered from '../../src/checks/transport/answered.js';
import { Client } from '../../src/http/client.js';
import { bundled } from '../../src/paths.js';
import { loadSpec } from '../../src/spec/index.js';

/** A server that answers each path in its own broken way. */
async function hostile() {
  const server = createServer((req, res) => {
    if (req.url === '/reset') req.socket.destroy();
    else if (req.url === '/latin1') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d])); // {"n":"é"} in Latin-1
    } else if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(Buffer.alloc(2048, 0x20));
    } else if (req.url === '/declared-big') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
      res.end(Buffer.alloc(5000, 0x20));
    } else if (req.url === '/cut') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"a":', () => req.socket.resetAndDestroy());
    } else if (req.url === '/drip') {
      res.writeHead(200, { 'content-type': 'application/json' });
      const drip = setInterval(() => res.write(' '), 50);
      res.once('close', () => clearInterval(drip));
    } else if (req.url === '/slow') setTimeout(() => res.end('{}'), 2_000);
    else res.end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => (server.closeAllConnections(), server.close(r))) };
}

describe('transport and encoding problems become findings', () => {
  it('transport.answered names resets, time-outs, slow drips, oversized bodies and refused connections; response.utf8 names invalid UTF-8', async () => {
    const spec = await loadSpec(bundled.spec());
    const server = await hostile();
    const client = new Client({ timeoutMs: 300, maxBodyBytes: 1024 });
    const judge = async (url: string) => {
      const ex = await client.send({ method: 'GET', url });
      return judgeExchange(ex, [answered, utf8], contextOf(ex, spec));
    };
    try {
      expect((await judge(`${server.url}/reset`))[0]).toMatchObject({ check: 'transport.answered', level: 'MUST' });
      expect((await judge(`${server.url}/slow`))[0]!.message).toContain('no response headers within 300 ms');
      expect((await judge(`${server.url}/drip`))[0]!.message).toMatch(/the response body did not complete within 300 ms \(\d+ bytes came: a slow drip\?\)/);
      expect((await judge(`${server.url}/big`))[0]!.message).toContain('response body larger than 1024 bytes');
      expect((await judge(`${server.url}/declared-big`))[0]!.message).toContain('response body of 5000 bytes (Content-Length) is larger than the cap of 1024 bytes');
      expect((await judge(`${server.url}/cut`))[0]!.message).toContain('the connection broke mid-body: 5 of 100 bytes came (closed or reset by the server)');
      expect((await judge('http://127.0.0.1:9/'))[0]!.message).toBe('no complete answer from http://127.0.0.1:9: connection refused');
      expect((await judge(`${server.url}/latin1`)).map((f) => f.check)).toEqual(['response.utf8']);
      expect(await judge(`${server.url}/fine`)).toEqual([]);
    } finally {
      await client.close();
      await server.close();
    }
  });
});
