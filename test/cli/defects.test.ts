import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.js';
import { LIFECYCLE_RULE_LIST } from '../../src/lifecycle/rules.js';
import { bundled } from '../../src/paths.js';
import { PROPERTY_CHECKS } from '../../src/properties/checks.js';
import { DEFECTS } from '../../src/sandbox/index.js';
import { cli } from './cli-harness.js';

/**
 * Every check has a defect of the reference bank that trips it: a run against the bank with that
 * defect fails with the check's id. (The clean bank's zero findings are asserted in run.test.ts.)
 */
describe.concurrent('each defect of the reference bank is caught by its check', () => {
  it('every check and every lifecycle rule is named by at least one defect', () => {
    const caught = new Set(Object.values(DEFECTS).flatMap((d) => d.caughtBy));
    const ids = [...CHECKS.map((c) => c.id), ...LIFECYCLE_RULE_LIST.map((r) => r.id), ...PROPERTY_CHECKS.map((c) => c.id)];
    expect(ids.filter((id) => !caught.has(id))).toEqual([]);
  });

  for (const [defect, { caughtBy, profile }] of Object.entries(DEFECTS)) {
    // Whole-suite runs side by side on a 2-core CI machine: each may wait its turn for a core.
    it(`catches ${defect} with ${caughtBy.join(', ')}`, { timeout: 180_000 }, async () => {
      // A defect that shows only under another bundled profile (mTLS and signing) runs with it.
      const run = await cli(['run', '--defect', defect, ...(profile ? ['--profile', join(dirname(bundled.profile()), profile)] : [])]);
      expect(run.code).toBe(1);
      const report = run.report();
      expect(report.summary.conformant).toBe(false);
      expect(report.run.defects).toEqual([defect]);
      const found = new Set(report.findings.filter((f) => f.level === 'MUST').map((f) => f.check));
      for (const check of caughtBy) expect(found, `findings of ${defect}`).toContain(check);
    });
  }
});
