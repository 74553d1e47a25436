import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BG_1_3_12 } from '../spec/official-files.js';
import { cli, hasStack } from './cli-harness.js';

describe('xs2a-conformance run against the bundled reference bank', () => {
  it('passes, exits 0 and writes report.json and junit.xml', async () => {
    const run = await cli(['run']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = run.report();
    expect(report.summary.failed).toBe(0);
    expect(report.summary.passed).toBeGreaterThanOrEqual(10);
    expect(report.summary.conformant).toBe(true);
    expect(report.findings).toEqual([]);
    expect(report.run.bundledBank).toBe(true);
    expect(report.run.spec.title).toBeTruthy();
    expect(report.tests.every((t) => t.state === 'passed' || t.state === 'not-applicable')).toBe(true);
    const junit = readFileSync(join(run.reportDir, 'junit.xml'), 'utf8');
    expect(junit).toContain('<testsuites');
    expect((junit.match(/<testcase /g) ?? []).length).toBe(report.summary.tests);
    expect(junit).not.toContain('<failure');
    expect(run.stdout).toContain('CONFORMANT');
    // the observed status graphs, with no illegal edge, drawn in report.html
    const graphs = new Map((report.stateGraphs ?? []).map((g) => [g.machine, g]));
    expect([...graphs.keys()]).toEqual(expect.arrayContaining(['transactionStatus', 'scaStatus', 'consentStatus']));
    expect(graphs.get('transactionStatus')!.edges).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'RCVD', to: 'ACTC', illegal: false })]));
    expect(graphs.get('consentStatus')!.edges).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'received', to: 'valid' })]));
    expect([...graphs.values()].flatMap((g) => g.edges).filter((e) => e.illegal)).toEqual([]);
    const html = readFileSync(join(run.reportDir, 'report.html'), 'utf8');
    for (const machine of ['transactionStatus', 'scaStatus', 'consentStatus']) expect(html).toContain(`aria-label="${machine} transitions"`);
  });

  it('passes against the official 1.3.12 file with no response.schema finding', async () => {
    const run = await cli(['run', '--spec', BG_1_3_12]);
    expect(run.code).toBe(0);
    const report = run.report();
    expect(report.run.spec.version).toContain('1.3.12');
    expect(report.summary.passed).toBeGreaterThanOrEqual(10);
    expect(report.findings.filter((f) => f.check === 'response.schema')).toEqual([]);
  });
});

describe('xs2a-conformance run with bad input', () => {
  it('exits 3 with one line naming an unreachable target', async () => {
    const run = await cli(['run', '--target', 'http://127.0.0.1:9']);
    expect(run.code).toBe(3);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('http://127.0.0.1:9');
    expect(run.stderr).toContain('connection refused');
    expect(hasStack(run.stdout + run.stderr)).toBe(false);
    const report = run.report();
    expect(report.summary).toMatchObject({ tests: 0, conformant: false });
    expect(report.errors[0]).toContain('cannot reach the target http://127.0.0.1:9');
    expect(readFileSync(join(run.reportDir, 'junit.xml'), 'utf8')).toContain('<error message="cannot reach the target http://127.0.0.1:9');
  });

  it('exits 2 naming the file and field of a misspelt profile field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-'));
    const file = join(dir, 'bank.yaml');
    writeFileSync(file, 'name: My bank\nbaseUrl: http://127.0.0.1:9\nscaAproaches: [redirect]\n');
    const run = await cli(['run', '--profile', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:3: scaAproaches: unknown field 'scaAproaches' (did you mean 'scaApproaches'?)`);
    expect(hasStack(run.stdout + run.stderr)).toBe(false);
    expect(existsSync(join(run.reportDir, 'report.json'))).toBe(false);
  });

  it('exits 2 naming a spec that is not OpenAPI, and an option that does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spec-'));
    const file = join(dir, 'bank-openapi.yaml');
    writeFileSync(file, 'title: not an OpenAPI document\nitems: [1, 2\n');
    const bad = await cli(['run', '--spec', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(file);
    expect(hasStack(bad.stderr)).toBe(false);
    const usage = await cli(['run', '--targt', 'http://x']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("'--targt'");
  });

  it('exits 2 for an unknown defect and for a defect with an external target', async () => {
    const unknown = await cli(['run', '--defect', 'no-such-defect']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown defect no-such-defect');
    const external = await cli(['run', '--target', 'http://127.0.0.1:9', '--defect', 'no-x-request-id-echo']);
    expect(external.code).toBe(2);
  });
});
