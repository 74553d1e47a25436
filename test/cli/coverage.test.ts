import { describe, expect, it } from 'vitest';
import { bundled } from '../../src/paths.js';
import { type ServedRequest, startSandbox } from '../../src/sandbox/index.js';
import { loadSpec } from '../../src/spec/index.js';
import { BG_1_3_12 } from '../spec/official-files.js';
import { cli } from './cli-harness.js';

/**
 * The default run covers the whole interface: every operation of the bundled description (the 38
 * of NextGenPSD2 1.3.12 and the 8 of the confirmation-of-funds consent) is served by the bank at
 * least once, over the service × product matrix of the bundled profile, with no failure and no
 * schema finding against the official 1.3.12 file. The bank runs here, in-process, with a request
 * log; the CLI runs the scenarios against it with --target.
 */
describe('the default run covers every operation', () => {
  it('exercises all 46 operations with at least 150 passing test cases and reports the cells the bank does not offer', async () => {
    const served: ServedRequest[] = [];
    const bank = await startSandbox({ onRequest: (r) => served.push(r) });
    let run;
    try {
      run = await cli(['run', '--target', bank.url, '--spec', BG_1_3_12, '--quiet']);
    } finally {
      await bank.close();
    }
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = run.report();
    expect(report.summary.failed).toBe(0);
    expect(report.summary.passed).toBeGreaterThanOrEqual(150);
    expect(report.summary.notApplicable).toBeGreaterThan(0);
    expect(report.findings.filter((f) => f.check === 'response.schema')).toEqual([]);

    const spec = await loadSpec(bundled.spec());
    const exercised = new Set(served.map((r) => spec.match(r.method, r.path)?.operation.operationId).filter((id): id is string => id !== undefined));
    const missing = spec.operations.map((o) => o.operationId).filter((id) => !exercised.has(id));
    expect(missing).toEqual([]);
    expect(spec.operations).toHaveLength(46);

    // the matrix: every payment service × product cell, offered ones passed, the others not applicable
    const cell = (service: string, product: string) => report.matrix.find((m) => m.service === service && m.product === product);
    expect(cell('payments', 'pain.001-cross-border-credit-transfers')).toMatchObject({ failed: 0, notApplicable: 0 });
    expect(cell('payments', 'pain.001-cross-border-credit-transfers')!.passed).toBeGreaterThan(0);
    expect(cell('bulk-payments', 'pain.001-sepa-credit-transfers')!.passed).toBeGreaterThan(0);
    expect(cell('periodic-payments', 'pain.001-sepa-credit-transfers')!.passed).toBeGreaterThan(0);
    for (const service of ['bulk-payments', 'periodic-payments']) {
      for (const product of ['target-2-payments', 'cross-border-credit-transfers']) {
        expect(cell(service, product)).toMatchObject({ failed: 0, notApplicable: 0 });
        expect(cell(service, product)!.passed).toBeGreaterThan(0);
      }
      expect(cell(service, 'pain.001-target-2-payments')).toMatchObject({ passed: 0, failed: 0 });
      expect(cell(service, 'pain.001-target-2-payments')!.notApplicable).toBeGreaterThan(0);
    }
    const paymentCells = report.matrix.filter((m) => ['payments', 'bulk-payments', 'periodic-payments'].includes(m.service ?? ''));
    expect(new Set(paymentCells.map((m) => `${m.service}/${m.product}`)).size).toBe(24);
  });
});
