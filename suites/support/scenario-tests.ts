import { join } from 'node:path';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { Client } from '../../src/http/client.js';
import { loadProfile } from '../../src/profile/load.js';
import { isFailure } from '../../src/run/accepted.js';
import '../../src/run/config.js';
import { Session } from '../../src/run/session.js';
import type { ScenarioTestMeta } from '../../src/report/test-meta.js';
import { loadFixtures } from '../../src/scenario/fixtures.js';
import { runScenario } from '../../src/scenario/interpreter.js';
import { loadScenarios } from '../../src/scenario/load.js';
import { planCells } from '../../src/scenario/matrix.js';
import { cellName } from '../../src/scenario/types.js';
import { loadSpec } from '../../src/spec/index.js';
import type { Spec } from '../../src/spec/types.js';

/**
 * Turn every scenario of one group folder into vitest test cases: one per matrix cell. A cell the
 * profile does not offer is a skipped test marked not applicable.
 */
export function describeScenarios(group: string): void {
  const run = inject('xs2aRun');
  const target = inject('xs2aTarget');
  const profile = loadProfile(run.profilePath);
  const scenarios = loadScenarios([join(run.scenarioRoot, group)]);
  const fixtures = loadFixtures(join(run.scenarioRoot, 'fixtures'));
  let spec: Spec;
  let client: Client;

  beforeAll(async () => {
    spec = await loadSpec(run.specPath);
    client = new Client({ timeoutMs: profile.timeouts.requestMs });
  });
  afterAll(() => client?.close());

  for (const scenario of scenarios) {
    describe(scenario.id, () => {
      for (const planned of planCells(scenario, profile)) {
        const name = `${scenario.title} [${cellName(planned.cell)}]`;
        const base = { scenario: scenario.id, title: scenario.title, source: scenario.source, cell: planned.cell };
        if (!planned.applicable) {
          const meta: ScenarioTestMeta = { ...base, notApplicable: planned.reason ?? 'not offered', steps: [], failures: [], findings: [], exchanges: [] };
          it.skip(name, { meta: { xs2a: meta } }, () => {});
          continue;
        }
        it(name, async ({ task }) => {
          const session = new Session(target, spec, profile, client);
          const outcome = await runScenario(scenario, planned.cell, session, fixtures);
          task.meta.xs2a = { ...base, steps: outcome.steps, failures: outcome.failures, findings: session.findings, exchanges: session.exchanges };
          const failing = session.findings.filter(isFailure);
          if (outcome.failures.length || failing.length) {
            const lines = [...outcome.failures, ...failing.map((f) => `${f.check} (${f.origin?.step ?? '?'}${f.operation ? `, ${f.operation}` : ''}): ${f.message}`)];
            throw new Error(lines.join('\n'));
          }
        });
      }
    });
  }
}
