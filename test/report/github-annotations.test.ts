import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { githubAnnotations } from '../../src/report/github-annotations.js';
import { sampleReport } from './sample-report.js';

describe('GitHub Actions annotations', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'ws-'));
  const scenario = join(workspace, 'scenarios', 'pis', 'redirect-implicit.yaml');
  mkdirSync(join(workspace, 'scenarios', 'pis'), { recursive: true });
  writeFileSync(scenario, 'id: pis.redirect.implicit\ntitle: Payment\nsteps:\n  - id: initiate\n    request: {}\n  - id: "authorise"\n');

  it('puts MUST findings as ::error and SHOULD as ::warning on the step line of the scenario file', () => {
    const report = sampleReport();
    const lines = githubAnnotations(report, { cwd: workspace, workspace });
    const must = lines.find((l) => l.startsWith('::error '));
    expect(must).toMatch(/^::error file=scenarios\/pis\/redirect-implicit\.yaml,line=4,title=MUST response.status-declared::status 200 is not declared /);
    expect(lines.find((l) => l.startsWith('::warning '))).toMatch(/^::warning file=scenarios\/pis\/redirect-implicit\.yaml,line=4,title=SHOULD header.example-should::a SHOULD finding \(initiatePayment, payments \/ sepa-credit-transfers \/ redirect\)$/);
  });

  it('escapes messages and properties, and counts repeats once', () => {
    const report = sampleReport();
    report.findings[0]!.message = 'line one\nline two 100%';
    report.findings.push({ ...report.findings[0]! });
    const lines = githubAnnotations(report, { cwd: workspace, workspace });
    const errors = lines.filter((l) => l.startsWith('::error '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('::line one%0Aline two 100%25 (initiatePayment, payments / sepa-credit-transfers / redirect) (2×)');
    expect(errors[0]!.split('\n')).toHaveLength(1);
  });

  it('names failed flows and run errors too', () => {
    const report = sampleReport();
    report.tests[0]!.failures = ['authorise: expected status 302, got 500'];
    report.errors = ['cannot reach the target http://x: connection refused'];
    const lines = githubAnnotations(report, { cwd: workspace, workspace });
    expect(lines).toContain('::error file=scenarios/pis/redirect-implicit.yaml,line=6,title=flow pis.redirect.implicit::authorise: expected status 302, got 500 [payments / sepa-credit-transfers / redirect]');
    expect(lines).toContain('::error title=xs2a-conformance run::cannot reach the target http://x: connection refused');
  });
});
