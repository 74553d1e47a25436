import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.js';
import { detect, matrixPasses, type DetectionMatrix } from '../../src/detect/engine.js';
import { checksMarkdown } from '../../src/detect/markdown.js';
import { LIFECYCLE_RULE_LIST } from '../../src/lifecycle/rules.js';
import { PROPERTY_CHECKS } from '../../src/properties/checks.js';
import { packageRoot } from '../../src/paths.js';
import { DEFECTS } from '../../src/sandbox/index.js';

/**
 * Detection power: the whole suite against the reference bank once per defect (in-process, a few
 * banks at a time). Every defect fails the run with each check it names; the clean bank fails
 * nothing; docs/CHECKS.md is what the code and this matrix generate.
 */
describe('the detection matrix', () => {
  let matrix: DetectionMatrix;
  let seconds: number;

  beforeAll(async () => {
    const started = performance.now();
    matrix = await detect({ pool: 3 });
    seconds = (performance.now() - started) / 1000;
  }, 600_000);

  it('every check and every lifecycle rule is named by at least one defect', () => {
    const caught = new Set(Object.values(DEFECTS).flatMap((d) => d.caughtBy));
    const ids = [...CHECKS.map((c) => c.id), ...LIFECYCLE_RULE_LIST.map((r) => r.id), ...PROPERTY_CHECKS.map((c) => c.id)];
    expect(ids.filter((id) => !caught.has(id))).toEqual([]);
  });

  it('every defect names only checks that exist', () => {
    const ids = new Set([...CHECKS.map((c) => c.id), ...LIFECYCLE_RULE_LIST.map((r) => r.id), ...PROPERTY_CHECKS.map((c) => c.id)]);
    const unknown = Object.entries(DEFECTS).flatMap(([name, d]) => d.caughtBy.filter((id) => !ids.has(id)).map((id) => `${name}: ${id}`));
    expect(unknown).toEqual([]);
  });

  it('the clean reference bank fails no check and no flow', () => {
    expect(matrix.clean.findingList).toEqual([]);
    expect(matrix.clean.flowFailures).toEqual([]);
    expect(matrix.clean.tests.failed).toBe(0);
    expect(matrix.clean.tests.passed).toBeGreaterThan(0);
    for (const [profile, clean] of Object.entries(matrix.cleanModes)) {
      expect(clean.findingList, profile).toEqual([]);
      expect(clean.flowFailures, profile).toEqual([]);
      expect(clean.tests.passed, profile).toBeGreaterThan(0);
    }
  });

  it('every defect is caught by each check it names', () => {
    expect(Object.keys(matrix.defects).sort()).toEqual(Object.keys(DEFECTS).sort());
    const missed = Object.entries(matrix.defects)
      .filter(([, d]) => !d.detected)
      .map(([name, d]) => `${name}: missed ${d.missed.join(', ')}; failed ${d.firedBy.join(', ') || 'nothing'}`);
    expect(missed).toEqual([]);
    expect(matrixPasses(matrix)).toBe(true);
    process.stdout.write(`detection matrix: ${Object.keys(matrix.defects).length} defects in ${seconds.toFixed(1)} s\n`);
  });

  it('docs/CHECKS.md is the one the code generates (npm run docs:checks)', () => {
    const file = readFileSync(join(packageRoot(), 'docs', 'CHECKS.md'), 'utf8');
    expect(file, 'docs/CHECKS.md is out of date: run npm run docs:checks').toBe(checksMarkdown(matrix));
  });
});
