import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { PROPERTY_CHECKS } from '../../src/properties/checks.js';
import type { ConformanceReport } from '../../src/report/model.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { cli, hasStack } from './cli-harness.js';

const bin = join(packageRoot(), 'bin', 'xs2a-conformance.js');
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `${name}-`));
const read = (dir: string): ConformanceReport => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ConformanceReport;

const PROPERTY_CHECK_IDS = new Set(PROPERTY_CHECKS.map((c) => c.id));

/**
 * Exchange-check and lifecycle findings counted by check and operation: the same for a live run,
 * the proxy and the offline check, which judge the same traffic with the same judge. The property
 * suite's own findings (property.*) are left out: they are not judgements of one exchange but of
 * what a family of generated requests should have got, which only the run that generated them knows.
 */
function tally(report: ConformanceReport): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of report.findings) {
    if (PROPERTY_CHECK_IDS.has(f.check)) continue;
    out[`${f.check} ${f.operation ?? '-'}`] = (out[`${f.check} ${f.operation ?? '-'}`] ?? 0) + 1;
  }
  return out;
}

const harOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'traffic.har'), 'utf8')) as { log: { entries: Array<{ request: { url: string; headers: Array<{ name: string }> } }> } };

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

      // Every request of the run went through the proxy: the bank's links (SCA pages, OAuth
      // endpoints, authorisations) name the origin the client addressed, which the proxy forwards.
      const urls = harOf(live.reportDir).log.entries.map((e) => e.request.url);
      expect(urls.length).toBeGreaterThan(100);
      expect(urls.filter((u) => !u.startsWith(`${proxy.url}/`))).toEqual([]);
      expect(live.report().findings.some((f) => PROPERTY_CHECK_IDS.has(f.check))).toBe(true);

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
    const har = harOf(run.reportDir);
    // The entry after the first XS2A call (one with an X-Request-ID) is broken. Which test case's
    // traffic comes first depends on the order the suite files finish, and an OAuth cell begins with
    // its client-credentials token (metadata, token endpoint), calls that carry no X-Request-ID.
    const xs2a = har.log.entries.findIndex((e) => e.request.headers.some((h) => h.name.toLowerCase() === 'x-request-id'));
    expect(xs2a).toBeGreaterThanOrEqual(0);
    const broken = xs2a + 1;
    expect(har.log.entries.length).toBeGreaterThan(broken + 1);
    (har.log.entries as unknown[])[broken] = { request: { url: 'https://x' }, response: { status: 200, headers: [] } };
    const file = join(tmp('broken'), 'broken.har');
    writeFileSync(file, JSON.stringify(har));
    const checked = await cli(['check', file]);
    expect(checked.code).toBe(2);
    expect(checked.stderr).toContain(`${file}: entry ${broken}: request.method and request.url are required`);
    expect(hasStack(checked.stderr)).toBe(false);
    const report = checked.report();
    expect(report.run.traffic).toMatchObject({ exchanges: broken, error: expect.stringContaining(`entry ${broken}`) });
    expect(report.findings.some((f) => f.check === 'header.x-request-id-echo')).toBe(true);
    expect(readFileSync(join(checked.reportDir, 'junit.xml'), 'utf8')).toContain(`entry ${broken}`);
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
