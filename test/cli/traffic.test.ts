import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import type { ConformanceReport } from '../../src/report/model.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { cli, hasStack } from './cli-harness.js';

const bin = join(packageRoot(), 'bin', 'xs2a-conformance.js');
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `${name}-`));
const read = (dir: string): ConformanceReport => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ConformanceReport;

/** Findings counted by check and operation: the same for a live run, the proxy and the offline check. */
function tally(report: ConformanceReport): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of report.findings) out[`${f.check} ${f.operation ?? '-'}`] = (out[`${f.check} ${f.operation ?? '-'}`] ?? 0) + 1;
  return out;
}

/** Start `xs2a-conformance proxy` on a free port and wait for its address. */
async function startProxyCli(target: string, reportDir: string) {
  const child = spawn(process.execPath, [bin, 'proxy', '--target', target, '--port', '0', '--report-dir', reportDir], { env: { ...process.env, CI: 'true' } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /validation proxy on (http:\/\/[^\s]+)/.exec(out);
      if (m) (clearInterval(timer), resolve(m[1]!));
    }, 50);
    child.on('exit', (code) => (clearInterval(timer), reject(new Error(`proxy exited ${code}: ${out}`))));
  });
  const stop = () =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      child.on('exit', (code) => resolve({ code, out }));
      child.kill('SIGINT');
    });
  return { url, stop };
}

describe('recorded and proxied traffic', () => {
  it('a run through the proxy, the proxy itself, and its HAR checked offline give the same findings', async () => {
    const bank = await startSandbox({ defects: ['no-location-on-201', 'errors-without-tpp-messages'] });
    const proxyDir = tmp('proxy');
    try {
      const proxy = await startProxyCli(bank.url, proxyDir);
      const live = await cli(['run', '--target', proxy.url]);
      const stopped = await proxy.stop();
      expect(live.code).toBe(1);
      expect(stopped.code).toBe(1);
      expect(stopped.out).toContain('✗ MUST header.location-on-201 POST /v1/consents');
      const offline = await cli(['check', join(proxyDir, 'traffic.har')]);
      expect(offline.stderr).toBe('');
      expect(offline.code).toBe(1);

      const liveTally = tally(live.report());
      expect(Object.keys(liveTally).some((k) => k.startsWith('header.location-on-201'))).toBe(true);
      expect(Object.keys(liveTally).some((k) => k.startsWith('error.tpp-messages'))).toBe(true);
      expect(tally(read(proxyDir))).toEqual(liveTally);
      expect(tally(offline.report())).toEqual(liveTally);
      expect(offline.report().run.traffic).toMatchObject({ exchanges: read(proxyDir).run.traffic!.exchanges });
    } finally {
      await bank.close();
    }
  });

  it('names the broken entry of a HAR, judges the entries before it and exits 2 with the reports written', async () => {
    const run = await cli(['run', '--defect', 'no-x-request-id-echo', '--filter', 'explicitly']);
    const har = JSON.parse(readFileSync(join(run.reportDir, 'traffic.har'), 'utf8')) as { log: { entries: unknown[] } };
    expect(har.log.entries.length).toBeGreaterThan(3);
    har.log.entries[2] = { request: { url: 'https://x' }, response: { status: 200, headers: [] } };
    const file = join(tmp('broken'), 'broken.har');
    writeFileSync(file, JSON.stringify(har));
    const checked = await cli(['check', file]);
    expect(checked.code).toBe(2);
    expect(checked.stderr).toContain(`${file}: entry 2: request.method and request.url are required`);
    expect(hasStack(checked.stderr)).toBe(false);
    const report = checked.report();
    expect(report.run.traffic).toMatchObject({ exchanges: 2, error: expect.stringContaining('entry 2') });
    expect(report.findings.some((f) => f.check === 'header.x-request-id-echo')).toBe(true);
    expect(readFileSync(join(checked.reportDir, 'junit.xml'), 'utf8')).toContain('entry 2');
  });

  it('lists requests that match no operation without failing on them', async () => {
    const file = join(tmp('unmatched'), 'other.jsonl');
    const line = (path: string) =>
      JSON.stringify({ request: { method: 'GET', url: `https://bank.example/psd2${path}`, headers: {} }, response: { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' } });
    writeFileSync(file, [line('/v1/products/deposits'), line('/v1/products/deposits'), line('/v1/locale/ge')].join('\n'));
    const checked = await cli(['check', file, '--base-path', '/psd2']);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('no operation: GET /psd2/v1/products/deposits (2×)');
    expect(checked.report().run.traffic!.unmatched).toHaveLength(2);
  });
});
