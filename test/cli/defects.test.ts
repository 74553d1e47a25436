import { describe, expect, it } from 'vitest';
import { detect } from '../../src/detect/engine.js';
import { DEFECTS } from '../../src/sandbox/index.js';
import { cli } from './cli-harness.js';

/**
 * End-to-end proof that the detection engine (test/detect/detection.test.ts, in-process) and a
 * real run through the CLI and vitest agree: for a few defects of different families the CLI run
 * fails with exactly the checks the engine saw fail.
 */
const SAMPLE = ['amount-as-number', 'deleted-consent-still-readable', 'errors-without-tpp-messages'];

describe.concurrent('a real run and the detection engine agree', () => {
  for (const defect of SAMPLE) {
    it(`catches ${defect} with ${DEFECTS[defect]!.caughtBy.join(', ')}`, { timeout: 180_000 }, async () => {
      const [run, matrix] = await Promise.all([cli(['run', '--defect', defect]), detect({ defects: [defect], pool: 1 })]);
      expect(run.code).toBe(1);
      const report = run.report();
      expect(report.summary.conformant).toBe(false);
      expect(report.run.defects).toEqual([defect]);
      const found = [...new Set(report.findings.filter((f) => f.level === 'MUST').map((f) => f.check))].sort();
      for (const check of DEFECTS[defect]!.caughtBy) expect(found, `findings of ${defect}`).toContain(check);
      const engine = matrix.defects[defect]!;
      expect(engine.detected).toBe(true);
      expect(found).toEqual(engine.firedBy);
      expect({ passed: report.summary.passed, failed: report.summary.failed, notApplicable: report.summary.notApplicable }).toEqual(engine.tests);
    });
  }
});
