import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Profile } from '../profile/types.js';
import { loadScenarios } from '../scenario/load.js';
import { planCells } from '../scenario/matrix.js';
import { cellName, type Cell, type Scenario } from '../scenario/types.js';

/** One test case the suites will register for a scenario in one matrix cell. */
export interface PlannedTest {
  /** Stable identity across runs: scenario id and cell (what `--rerun-failed` selects by). */
  key: string;
  /** The test's name inside its scenario's describe block. */
  name: string;
  cell: Cell;
  applicable: boolean;
  reason?: string;
}

export function testKey(scenarioId: string, cell: Cell): string {
  return `${scenarioId} [${cellName(cell)}]`;
}

/**
 * The test cases of one scenario for one profile: one per matrix cell, narrowed to a selection
 * of keys when one is given (a rerun of failed cases).
 */
export function planScenarioTests(scenario: Scenario, profile: Profile, selection?: ReadonlySet<string>): PlannedTest[] {
  return planCells(scenario, profile)
    .map((planned) => ({
      key: testKey(scenario.id, planned.cell),
      name: `${scenario.title} [${cellName(planned.cell)}]`,
      cell: planned.cell,
      applicable: planned.applicable,
      ...(planned.reason ? { reason: planned.reason } : {}),
    }))
    .filter((t) => !selection || selection.has(t.key));
}

/**
 * Suite files follow one convention: `suites/<group>.test.ts` describes the scenarios of
 * `scenarios/<group>/`. The group a suite file runs, from its path.
 */
export const groupOfSuiteFile = (file: string): string => basename(file).replace(/\.test\.[cm]?[jt]s$/, '');

/** How many test cases each group's suite file registers (for progress: "12/40"); a group without a scenario folder is left out. */
export function plannedCountByGroup(scenarioRoot: string, groups: readonly string[], profile: Profile, selection?: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const group of groups) {
    const dir = join(scenarioRoot, group);
    if (!existsSync(dir)) continue; // unknown until its suite file is collected
    const scenarios = loadScenarios([dir]);
    counts.set(group, scenarios.reduce((n, s) => n + planScenarioTests(s, profile, selection).length, 0));
  }
  return counts;
}
