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

export interface GroupPlan {
  /** How many test cases the group's suite file registers (for progress: "12/40"). */
  planned: number;
  /** How many of them a `--filter` pattern selects (all, without one). */
  matching: number;
}

/**
 * What each group's suite file will register; a group without a scenario folder is left out
 * (unknown until its suite file is collected). `pattern` is matched as vitest's testNamePattern
 * is: against "scenario-id test-name".
 */
export function planGroups(scenarioRoot: string, groups: readonly string[], profile: Profile, selection?: ReadonlySet<string>, pattern?: RegExp): Map<string, GroupPlan> {
  const plans = new Map<string, GroupPlan>();
  for (const group of groups) {
    const dir = join(scenarioRoot, group);
    if (!existsSync(dir)) continue;
    const plan = { planned: 0, matching: 0 };
    for (const scenario of loadScenarios([dir])) {
      for (const test of planScenarioTests(scenario, profile, selection)) {
        plan.planned++;
        if (!pattern || pattern.test(`${scenario.id} ${test.name}`)) plan.matching++;
      }
    }
    plans.set(group, plan);
  }
  return plans;
}
