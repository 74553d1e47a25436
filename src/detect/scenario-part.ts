import { CHECKS, Observations } from '../checks/index.js';
import type { FinishedTest } from '../report/build.js';
import type { ScenarioTestMeta } from '../report/test-meta.js';
import { isFailure } from '../run/accepted.js';
import { planScenarioTests } from '../run/plan.js';
import { Session } from '../run/session.js';
import { runScenario } from '../scenario/interpreter.js';
import type { PartOutcome, ScenarioGroup, SuiteContext, SuitePart } from './parts.js';

/**
 * The scenario suites, run as suites/support/scenario-tests.ts runs them: one observation store
 * per group, the group's test cases one after the other, each through its own Session (every
 * check, the lifecycle tracker, finish() at the end of the scenario). The groups run side by
 * side, as the suite files do in their workers.
 */
async function runGroup(ctx: SuiteContext, { scenarios }: ScenarioGroup): Promise<FinishedTest[]> {
  const observations = new Observations();
  const tests: FinishedTest[] = [];
  for (const scenario of scenarios) {
    for (const test of planScenarioTests(scenario, ctx.profile)) {
      const base = { scenario: scenario.id, title: scenario.title, source: scenario.source, cell: test.cell };
      const name = `${scenario.id} > ${test.name}`;
      if (!test.applicable) {
        const meta: ScenarioTestMeta = { ...base, notApplicable: test.reason ?? 'not offered', steps: [], failures: [], findings: [], exchanges: [] };
        tests.push({ name, state: 'skipped', durationMs: 0, errors: [], meta });
        continue;
      }
      const started = performance.now();
      const session = new Session(ctx.target, ctx.spec, ctx.profile, ctx.client, CHECKS, observations);
      const outcome = await runScenario(scenario, test.cell, session, ctx.fixtures);
      const failures = outcome.failures.map((f) => session.redact(f));
      const steps = outcome.steps.map((s) => ({ ...s, failures: s.failures.map((f) => session.redact(f)) }));
      const meta: ScenarioTestMeta = { ...base, steps, failures, findings: session.findings, exchanges: session.exchanges, transitions: session.observedTransitions() };
      const failed = failures.length > 0 || session.findings.some(isFailure);
      tests.push({ name, state: failed ? 'failed' : 'passed', durationMs: performance.now() - started, errors: [], meta });
    }
  }
  return tests;
}

export const scenarioPart: SuitePart = {
  name: 'scenarios',
  async run(ctx): Promise<PartOutcome> {
    const groups = await Promise.all(ctx.groups.map((g) => runGroup(ctx, g)));
    return { tests: groups.flat() };
  },
};
