import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import type { Har } from '../../src/report/har.js';
import type { ConformanceReport } from '../../src/report/model.js';
import { startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/types.js';
import { cli, hasStack, readReport, type CliResult } from './cli-harness.js';

const run = promisify(execFile);

/** The reference bank's PSU password (profiles/reference-bank.yaml): it must reach no output. */
const PSU_PASSWORD = 'sandbox-alice-1';
const DEFECT = 'no-x-request-id-echo';
const EXTERNAL_DEFECT = 'status-200-on-initiation';

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesBelow(path) : [path];
  });
}

const har = (dir: string): Har => JSON.parse(readFileSync(join(dir, 'traffic.har'), 'utf8')) as Har;
const junitCases = (dir: string): number => (readFileSync(join(dir, 'junit.xml'), 'utf8').match(/<testcase /g) ?? []).length;
const allureResults = (dir: string): string[] => readdirSync(join(dir, 'allure-results')).filter((f) => f.endsWith('-result.json'));

/**
 * One run with a defect writing every report (annotations on, bundle on), the same run in two
 * shards, and a run against a bank started here with a defect: all at once, then checked.
 */
describe('reports of a run with a defect', () => {
  let bank: RunningSandbox;
  let full: CliResult;
  let shards: CliResult[];
  let external: CliResult;
  let blobDir: string;

  beforeAll(async () => {
    bank = await startSandbox({ defects: [EXTERNAL_DEFECT] });
    blobDir = mkdtempSync(join(tmpdir(), 'xs2a-blobs-'));
    const ghEnv = { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: packageRoot() };
    [full, external, ...shards] = await Promise.all([
      cli(['run', '--defect', DEFECT, '--bundle'], { env: ghEnv }),
      cli(['run', '--target', bank.url]),
      cli(['run', '--defect', DEFECT, '--shard', '1/2', '--blob-dir', blobDir]),
      cli(['run', '--defect', DEFECT, '--shard', '2/2', '--blob-dir', blobDir]),
    ]);
  }, 240_000);
  afterAll(() => bank?.close());

  it('writes report.json, report.html, junit.xml, traffic.har and allure-results, exits 1', () => {
    expect(full.code).toBe(1);
    expect(full.stderr).toBe('');
    for (const f of ['report.json', 'report.html', 'junit.xml', 'traffic.har', 'allure-results', 'xs2a-conformance-bundle.tar.gz']) {
      expect(existsSync(join(full.reportDir, f)), f).toBe(true);
    }
    const report = full.report();
    expect(report.summary.conformant).toBe(false);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.tests.every((t) => t.key)).toBe(true);
  });

  it('gives every finding a curl command and keeps the whole traffic, redacted, in the HAR', () => {
    const report = full.report();
    for (const f of report.findings) expect(f.curl, f.check).toMatch(/^curl -sS -i /);
    const entries = har(full.reportDir).log.entries;
    const ids = new Set(entries.map((e) => e._xs2a?.exchangeId));
    expect(entries.length).toBeGreaterThan(report.exchanges.length);
    for (const ex of report.exchanges) expect(ids.has(ex.id)).toBe(true);
    expect(entries.some((e) => e.request.postData?.text.includes('password=***'))).toBe(true); // the SCA login is there, redacted
  });

  it('writes no secret into any file, nor to the console', () => {
    const dirs = [full.reportDir, external.reportDir, ...shards.map((s) => s.reportDir), blobDir];
    for (const file of dirs.flatMap(filesBelow)) {
      if (file.endsWith('.tar.gz')) continue; // checked unpacked below
      expect(readFileSync(file, 'utf8').includes(PSU_PASSWORD), file).toBe(false);
    }
    expect(full.stdout).not.toContain(PSU_PASSWORD);
  });

  it('annotates MUST findings for GitHub Actions on the scenario file and step line', () => {
    const annotations = full.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations.length).toBeGreaterThan(0);
    const first = /^::error file=([^,]+),line=(\d+),title=MUST header\.x-request-id-echo::(.+)$/.exec(annotations.find((l) => l.includes('title=MUST header.x-request-id-echo')) ?? annotations[0]!);
    expect(first, annotations[0]).not.toBeNull();
    const [, file, line] = first!;
    expect(file).toMatch(/^scenarios\/.+\.ya?ml$/);
    expect(readFileSync(join(packageRoot(), file!), 'utf8').split('\n')[Number(line) - 1]).toMatch(/^\s*- id: /);
    const quiet = shards[0]!.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(quiet).toEqual([]); // not on GitHub Actions: no annotations
  });

  it('bundles the reports, the traffic, the profile without its password and the spec hash; SHA256SUMS verifies', () => {
    const out = mkdtempSync(join(tmpdir(), 'xs2a-bundle-'));
    execFileSync('tar', ['-xzf', join(full.reportDir, 'xs2a-conformance-bundle.tar.gz'), '-C', out]);
    const folder = join(out, 'xs2a-conformance-bundle');
    expect(readdirSync(folder).sort()).toEqual(['SHA256SUMS', 'junit.xml', 'profile.yaml', 'report.html', 'report.json', 'spec.sha256', 'traffic.har']);
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder }).toString()).toMatch(/report\.json: OK/);
    const profile = readFileSync(join(folder, 'profile.yaml'), 'utf8');
    expect(profile).toContain('password: <redacted>');
    for (const f of readdirSync(folder)) expect(readFileSync(join(folder, f), 'utf8').includes(PSU_PASSWORD), f).toBe(false);
    const report = readReport(join(folder, 'report.json'));
    expect(readFileSync(join(folder, 'spec.sha256'), 'utf8')).toBe(`${report.run.spec.sha256}  nextgenpsd2-1.3.yaml\n`);
  });

  it('records Allure results with a step per scenario step and the exchanges attached; they render offline', async () => {
    const report = full.report();
    const results = allureResults(full.reportDir);
    expect(results.length).toBe(report.summary.passed + report.summary.failed);
    const withSteps = results
      .map((f) => JSON.parse(readFileSync(join(full.reportDir, 'allure-results', f), 'utf8')) as { status: string; steps: Array<{ name: string; steps: Array<{ attachments: Array<{ source: string; type: string }> }> }> })
      .find((r) => r.steps.length >= 3)!;
    expect(withSteps).toBeDefined();
    expect(['passed', 'failed']).toContain(withSteps.status);
    const attachment = withSteps.steps[0]!.steps[0]!.attachments[0]!;
    expect(attachment.type).toBe('text/plain');
    expect(readFileSync(join(full.reportDir, 'allure-results', attachment.source), 'utf8')).toMatch(/^(GET|POST|PUT|DELETE) http/);

    const out = join(full.reportDir, 'allure-report');
    await run(join(packageRoot(), 'node_modules', '.bin', 'allure'), ['generate', join(full.reportDir, 'allure-results'), '-o', out], { cwd: full.reportDir });
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('googletagmanager');
    const strip = await cli(['allure', out]);
    expect(strip.code).toBe(0);
    const pages = filesBelow(out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      expect(html).not.toMatch(/googletagmanager|gtag\(|<script[^>]+src=["']?(https?:)?\/\//);
      expect(html).toContain('<div id="app">');
    }
  });

  it('merges two shards into the same counts and findings as the unsharded run', async () => {
    for (const s of shards) expect([0, 1]).toContain(s.code);
    const merged = mkdtempSync(join(tmpdir(), 'xs2a-merged-'));
    const merge = await cli(['merge', blobDir, '--report-dir', merged, '--bundle']);
    expect(merge.stderr).toBe('');
    expect(merge.code).toBe(1);
    const one = full.report();
    const both = readReport(join(merged, 'report.json'));
    const parts = shards.map((s) => s.report());
    expect(parts.map((p) => p.summary.tests).reduce((a, b) => a + b)).toBe(one.summary.tests);
    expect(parts.every((p) => p.summary.tests > 0 && p.summary.tests < one.summary.tests)).toBe(true);
    const counts = (r: ConformanceReport) => ({ ...r.summary, findings: r.summary.findings, total: r.findings.length, exchanges: r.exchanges.length });
    expect(counts(both)).toEqual(counts(one));
    expect(both.matrix).toEqual(one.matrix);
    const byCheck = (r: ConformanceReport) => r.findings.map((f) => `${f.test} ${f.check} ${f.step}`).sort();
    expect(byCheck(both)).toEqual(byCheck(one));
    expect(both.run.shards?.map((s) => `${s.index}/${s.count}`)).toEqual(['1/2', '2/2']);
    expect(junitCases(merged)).toBe(junitCases(full.reportDir));
    expect(har(merged).log.entries.length).toBe(har(full.reportDir).log.entries.length);
    expect(allureResults(merged).length).toBe(allureResults(full.reportDir).length);
    expect(existsSync(join(merged, 'report.html'))).toBe(true);
    expect(existsSync(join(merged, 'xs2a-conformance-bundle.tar.gz'))).toBe(true);
  });

  it('reruns exactly the failed test cases of a saved report', async () => {
    const saved = full.report();
    const rerun = await cli(['run', '--defect', DEFECT, '--rerun-failed', join(full.reportDir, 'report.json')]);
    expect(rerun.code).toBe(1);
    const again = rerun.report();
    expect(again.run.rerunOf).toBe(join(full.reportDir, 'report.json'));
    expect(again.tests.map((t) => t.key).sort()).toEqual(saved.tests.filter((t) => t.state === 'failed').map((t) => t.key).sort());
  }, 120_000);

  it("reproduces a finding's response with its curl command", async () => {
    expect(external.code).toBe(1);
    const report = external.report();
    expect(report.run.bundledBank).toBe(false);
    const finding = report.findings.find((f) => f.check === 'response.status-declared' && f.curl);
    expect(finding, 'a response.status-declared finding').toBeDefined();
    const recorded = report.exchanges.find((e) => e.id === finding!.exchangeId)!.response!;
    const { stdout } = await run('sh', ['-c', finding!.curl!]);
    const [head, body] = stdout.replace(/\r\n/g, '\n').split('\n\n');
    const status = Number(/^HTTP\/[\d.]+ (\d{3})/.exec(head!)?.[1]);
    expect(status).toBe(recorded.status);
    expect(status).toBe(200);
    expect(head!.toLowerCase()).toContain(`content-type: ${recorded.headers['content-type']}`);
    expect(JSON.parse(body!).transactionStatus).toBe(JSON.parse(recorded.body).transactionStatus);
  });
});

describe('report options a user can get wrong', () => {
  it('exits 2 with one line for a --rerun-failed file that is not a report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xs2a-bad-'));
    const notJson = join(dir, 'notes.txt');
    const notReport = join(dir, 'other.json');
    writeFileSync(notJson, 'hello\n');
    writeFileSync(notReport, '{"tests": []}\n');
    const cases = [
      [notJson, 'not a report.json of xs2a-conformance (not JSON)'],
      [notReport, 'not a report.json of xs2a-conformance (/: must have required property'],
      [join(dir, 'missing.json'), 'cannot read'],
    ] as const;
    const runs = await Promise.all(cases.map(([file]) => cli(['run', '--rerun-failed', file])));
    for (const [i, [file, words]] of cases.entries()) {
      const r = runs[i]!;
      expect(r.code, file).toBe(2);
      expect(r.stderr).toContain(words);
      expect(r.stderr.trim().split('\n')).toHaveLength(2); // the message and the --help hint
      expect(hasStack(r.stderr)).toBe(false);
    }
  });

  it('exits 2 for a bad --shard, a --blob-dir without --shard, and a merge of folders without shard results', async () => {
    const shards = ['3/2', '0/2', 'one/two', '1/0'];
    const empty = mkdtempSync(join(tmpdir(), 'xs2a-empty-'));
    const [blobDir, merge, missing, none, allure, ...bad] = await Promise.all([
      cli(['run', '--blob-dir', '/tmp/x']),
      cli(['merge', empty]),
      cli(['merge', join(empty, 'nope')]),
      cli(['merge']),
      cli(['allure', empty]),
      ...shards.map((shard) => cli(['run', '--shard', shard])),
    ]);
    bad.forEach((r, i) => {
      expect(r.code, shards[i]).toBe(2);
      expect(r.stderr).toContain(`--shard '${shards[i]}' must be i/n`);
    });
    expect(blobDir.stderr).toContain('--blob-dir goes with --shard');
    expect(merge.code).toBe(2);
    expect(merge.stderr).toContain(`no shard results in ${empty}`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('is not a folder');
    expect(none.code).toBe(2);
    expect(allure.code).toBe(2);
    expect(allure.stderr).toContain('holds no .html page');
    for (const r of [blobDir, merge, missing, none, allure, ...bad]) expect(hasStack(r.stderr)).toBe(false);
  });
});
