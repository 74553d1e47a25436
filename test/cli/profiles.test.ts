import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import type { CombinedReport } from '../../src/report/combined/model.js';
import { cli, readReport } from './cli-harness.js';

const bundledProfile = (name: string) => join(packageRoot(), 'profiles', `${name}.yaml`);
const reference = readFileSync(bundledProfile('reference-bank'), 'utf8');

/** The reference bank's profile under another name, with lines added. */
function profile(name: string, extra: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'xs2a-profiles-'));
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, `${reference.replace(/^name: .*$/m, `name: ${name}`)}\n${extra}\n`);
  return file;
}

const acceptance = (until: string) =>
  `accepted:\n  - { check: response.schema, operation: getBalances, until: ${until}, reason: "amount sent as a number; fixed in release 4.2" }`;
// Only the scenario that reads balances: the acceptance names getBalances.
const BALANCES = ['--filter', 'all-accounts', '--defect', 'amount-as-number'];

describe.concurrent('accepted deviations and several banks in one run', () => {
  it('an accepted deviation before its date is an accepted warning: exit 0, named in report.json, report.html and the console', { timeout: 180_000 }, async () => {
    const run = await cli(['run', '--profile', profile('accepting-bank', acceptance('2099-12-31')), ...BALANCES]);
    expect(run.code, run.stderr).toBe(0);
    const report = run.report();
    const accepted = report.findings.filter((f) => f.accepted);
    expect(accepted.map((f) => [f.check, f.operation, f.accepted])).toEqual([['response.schema', 'getBalances', { reason: 'amount sent as a number; fixed in release 4.2', until: '2099-12-31' }]]);
    expect(report.summary).toMatchObject({ conformant: true, findings: { accepted: 1 } });
    expect(run.stdout).toContain('accepted until 2099-12-31: response.schema on getBalances (amount sent as a number; fixed in release 4.2)');
    const html = readFileSync(join(run.reportDir, 'report.html'), 'utf8');
    expect(html).toContain('accepting-bank');
    expect(html).toContain('amount sent as a number; fixed in release 4.2 (until 2099-12-31)');
  });

  it('after its date the same finding fails the run: exit 1, and the reports say the acceptance expired on that date', { timeout: 180_000 }, async () => {
    const run = await cli(['run', '--profile', profile('lapsed-bank', acceptance('2020-01-31')), ...BALANCES]);
    expect(run.code, run.stderr).toBe(1);
    const [finding] = run.report().findings.filter((f) => f.check === 'response.schema');
    expect(finding!.accepted).toBeUndefined();
    expect(finding!.message).toContain('its acceptance expired on 2020-01-31');
    expect(run.stdout).toContain('acceptance expired on 2020-01-31: response.schema on getBalances');
    expect(readFileSync(join(run.reportDir, 'report.html'), 'utf8')).toContain('expired on 2020-01-31');
  });

  it('runs two banks, each with its reports in a subfolder, and writes the combined bank × check matrix with the worst exit code', { timeout: 240_000 }, async () => {
    const clean = profile('clean-bank', '');
    const faulty = profile('faulty-bank', 'sandbox: { defects: [amount-as-number] }');
    const run = await cli(['run', '--profile', clean, '--profile', faulty, '--filter', 'all-accounts']);
    expect(run.code, run.stderr).toBe(1);
    expect(readReport(join(run.reportDir, 'clean-bank', 'report.json')).summary.conformant).toBe(true);
    expect(readReport(join(run.reportDir, 'faulty-bank', 'report.json')).summary.conformant).toBe(false);
    const combined = JSON.parse(readFileSync(join(run.reportDir, 'combined.json'), 'utf8')) as CombinedReport;
    expect(combined.exitCode).toBe(1);
    expect(combined.checks).toEqual(['response.schema']);
    expect(combined.banks.map((b) => [b.name, b.reportDir, b.exitCode, b.deviations])).toEqual([
      ['clean-bank', 'clean-bank', 0, {}],
      ['faulty-bank', 'faulty-bank', 1, { 'response.schema': { MUST: 1, SHOULD: 0, INFO: 0, accepted: 0 } }],
    ]);
    const html = readFileSync(join(run.reportDir, 'combined.html'), 'utf8');
    expect(html).toContain('<a href="faulty-bank/report.html">faulty-bank</a>');
    expect(html).toContain('1 MUST');
  });

  it('the four bundled profiles of the systems users bring run clean against the reference bank in their modes, and their reports name them', { timeout: 600_000 }, async () => {
    const names = ['mockbank', 'obp', 'bank-variant', 'mypos'];
    const run = await cli(['run', ...names.flatMap((n) => ['--profile', bundledProfile(n)])]);
    expect(run.code, run.stdout.slice(-2000)).toBe(0);
    const combined = JSON.parse(readFileSync(join(run.reportDir, 'combined.json'), 'utf8')) as CombinedReport;
    expect(combined.banks.map((b) => [b.reportDir, b.exitCode, b.summary!.failed])).toEqual(names.map((n) => [n, 0, 0]));
    for (const n of names) {
      const report = readReport(join(run.reportDir, n, 'report.json'));
      expect(report.run.profile.file).toBe(bundledProfile(n));
      expect(report.summary.passed).toBeGreaterThan(0);
      expect(readFileSync(join(run.reportDir, n, 'report.html'), 'utf8')).toContain(report.run.profile.name);
    }
  });
});
