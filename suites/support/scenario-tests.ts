import { join } from 'node:path';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { CHECKS, Observations } from '../../src/checks/index.js';
import type { Client } from '../../src/http/client.js';
import { clientFor } from '../../src/run/client-for.js';
import { loadProfile } from '../../src/profile/load.js';
import { isFailure } from '../../src/run/accepted.js';
import '../../src/run/config.js';
import { Session } from '../../src/run/session.js';
import type { ScenarioTestMeta } from '../../src/report/test-meta.js';
import { loadFixtures } from '../../src/scenario/fixtures.js';
import { runScenario } from '../../src/scenario/interpreter.js';
import { planScenarioTests } from '../../src/run/plan.js';
import { loadScenarios } from '../../src/scenario/load.js';
import { loadSpec } from '../../src/spec/index.js';
import type { Spec } from '../../src/spec/types.js';
import { allureStepObserver, allureTestLabels } from './allure-steps.js';

/** A conformance failure (a failed flow or a MUST finding): reporters such as Allure show it as failed, not broken. */
class NotConformant extends Error {
  override name = 'AssertionError';
}

/**
 * Turn every scenario of one group folder into vitest test cases: one per matrix cell. A cell the
 * profile does not offer is a skipped test marked not applicable. With a selection (a rerun of
 * failed cases, handed over by provide/inject) only the selected cases are registered.
 */
export function describeScenarios(group: string): void {
  const run = inject('xs2aRun');
  const target = inject('xs2aTarget');
  const profile = loadProfile(run.profilePath);
  const scenarios = loadScenarios([join(run.scenarioRoot, group)]);
  const fixtures = loadFixtures(join(run.scenarioRoot, 'fixtures'));
  let spec: Spec;
  let client: Client;
  // One observation store for the group: what a consent grants, learned in one scenario, is known in the next.
  const observations = new Observations();

  beforeAll(async () => {
    spec = await loadSpec(run.specPath);
    client = clientFor(run, profile);
  });
  afterAll(() => client?.close());

  const selection = run.selection ? new Set(run.selection) : undefined;
  for (const scenario of scenarios) {
    const planned = planScenarioTests(scenario, profile, selection);
    if (planned.length === 0) continue; // vitest refuses an empty describe block
    describe(scenario.id, () => {
      for (const test of planned) {
        const base = { scenario: scenario.id, title: scenario.title, source: scenario.source, cell: test.cell };
        if (!test.applicable) {
          const meta: ScenarioTestMeta = { ...base, notApplicable: test.reason ?? 'not offered', steps: [], failures: [], findings: [], exchanges: [] };
          it.skip(test.name, { meta: { xs2a: meta } }, () => {});
          continue;
        }
        it(test.name, async ({ task, signal }) => {
          const session = new Session(target, spec, profile, client, CHECKS, observations);
          if (run.allure) await allureTestLabels(group, scenario, test.cell);
          const outcome = await runScenario(scenario, test.cell, session, fixtures, run.allure ? allureStepObserver(session) : undefined);
          // An interrupted run (SIGINT/SIGTERM) aborts the case under way: vitest reports it as
          // skipped, and what it half saw (exchanges cut off by the closing client) is no result.
          if (signal.aborted) return;
          // A failed expectation may quote what the bank sent, and a bank may echo a credential.
          const failures = outcome.failures.map((f) => session.redact(f));
          const steps = outcome.steps.map((s) => ({ ...s, failures: s.failures.map((f) => session.redact(f)) }));
          task.meta.xs2a = { ...base, steps, failures, findings: session.findings, exchanges: session.exchanges, transitions: session.observedTransitions() };
          const failing = session.findings.filter(isFailure);
          if (failures.length || failing.length) {
            const lines = [...failures, ...failing.map((f) => `${f.check} (${f.origin?.step ?? '?'}${f.operation ? `, ${f.operation}` : ''}): ${f.message}`)];
            throw new NotConformant(lines.join('\n'));
          }
        });
      }
    });
  }
}
