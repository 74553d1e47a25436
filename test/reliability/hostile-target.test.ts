import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, hasStack } from '../cli/cli-harness.js';
import { HOSTILE_KINDS, startHostileServer, type HostileKind, type HostileServer } from './hostile-servers.js';

/** Two scenarios of one suite file (one vitest worker), whose first request hits the API: SEPA payments. */
const FILTER = String.raw`^pis\.redirect\.(explicit|implicit) .*\[payments / sepa-credit-transfers / redirect\]`;
const TIMEOUT_MS = 500;
const MAX_BODY = 1_000_000;

/** The finding each hostile bank must get: its check and words that name the problem. */
const EXPECTED: Record<HostileKind, { check: string; message: RegExp }> = {
  timeout: { check: 'transport.answered', message: /no response headers within 500 ms/ },
  reset: { check: 'transport.answered', message: /the connection broke mid-body: \d+ of \d+ bytes came \(closed or reset by the server\)/ },
  'invalid-json': { check: 'response.schema', message: /the application\/json body is not valid JSON/ },
  'wrong-content-type': { check: 'response.content-type', message: /Content-Type text\/html; charset=utf-8 is not declared for 201/ },
  'huge-body': { check: 'transport.answered', message: /response body larger than 1000000 bytes/ },
  'slow-drip': { check: 'transport.answered', message: /the response body did not complete within 500 ms \(\d+ bytes came: a slow drip\?\)/ },
  'invalid-utf8': { check: 'response.utf8', message: /the body is not valid UTF-8/ },
  'redirect-loop': { check: 'response.status-declared', message: /answered 302 \(a redirect to .+, which a TPP does not follow\)/ },
  'tls-garbage': { check: 'transport.answered', message: /TLS handshake failed: .*wrong version number/i },
  'tls-untrusted': { check: 'transport.answered', message: /TLS handshake failed: the bank's certificate is not trusted \(self-signed certificate\)/ },
};

const servers: HostileServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe.concurrent('a run against a hostile bank finishes, writes every report and names the problem', () => {
  it.each(HOSTILE_KINDS.map((kind) => [kind]))('%s', async (kind) => {
    const server = await startHostileServer(kind);
    servers.push(server);
    const started = performance.now();
    const run = await cli(['run', '--target', server.url, '--filter', FILTER, '--timeout', String(TIMEOUT_MS), '--max-body', String(MAX_BODY)], { env: server.env });
    const seconds = (performance.now() - started) / 1000;

    expect(hasStack(run.stdout + run.stderr), run.stdout + run.stderr).toBe(false);
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout).toBe(1);
    expect(server.misbehaved()).toBeGreaterThan(0);
    for (const file of ['report.json', 'report.html', 'junit.xml', 'traffic.har']) expect(existsSync(join(run.reportDir, file)), file).toBe(true);

    const report = run.report();
    const ran = report.tests.filter((t) => t.state === 'passed' || t.state === 'failed');
    expect(ran.map((t) => t.scenario).sort()).toEqual(['pis.redirect.explicit', 'pis.redirect.implicit']);
    expect(ran.every((t) => t.state === 'failed')).toBe(true);
    const { check, message } = EXPECTED[kind];
    const named = report.findings.filter((f) => f.check === check && message.test(f.message));
    expect(named, JSON.stringify(report.findings.map((f) => `${f.check}: ${f.message}`), null, 1)).not.toHaveLength(0);
    expect(run.stdout).toContain('NOT CONFORMANT');
    expect(readFileSync(join(run.reportDir, 'junit.xml'), 'utf8')).toContain('<failure');
    // Every exchange is cut off by its own time limit: no run waits on the bank.
    expect(seconds).toBeLessThan(30);
  });
});
