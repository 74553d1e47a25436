import * as allure from 'allure-js-commons';
import type { Exchange } from '../../src/http/exchange.js';
import { exchangeText, exchangeTitle } from '../../src/report/http-text.js';
import { isFailure } from '../../src/run/accepted.js';
import type { Session } from '../../src/run/session.js';
import type { StepObserver, StepResult } from '../../src/scenario/interpreter.js';
import type { Cell, Step } from '../../src/scenario/types.js';

/** Thrown inside an Allure step to mark it failed (an assertion, not a broken test). */
class StepFailed extends Error {
  override name = 'AssertionError';
  constructor(readonly result: StepResult, message: string) {
    super(message);
  }
}

function stepTitle(step: Step, exchanges: Exchange[]): string {
  if ('sca' in step) return `${step.id}: ${step.sca.approach} SCA (${step.sca.outcome ?? 'approve'}), ${exchanges.length} exchange${exchanges.length === 1 ? '' : 's'}`;
  if ('poll' in step) return `${step.id}: poll until ${Object.keys(step.poll.until).join(', ')} (${exchanges.length}×)`;
  const last = exchanges.at(-1);
  return last ? `${step.id}: ${exchangeTitle(last)}` : step.id;
}

/**
 * Records each scenario step as an Allure step, from inside the worker: the step's redacted
 * exchanges as HTTP text attachments, its findings as JSON, failed when a flow expectation or a
 * MUST check failed. allure-vitest carries the records to its reporter in the task's meta.
 */
export function allureStepObserver(session: Session): StepObserver {
  return async (step, run) => {
    try {
      return await allure.step(step.id, async (context) => {
        const result = await run();
        const ids = new Set(result.exchangeIds);
        const exchanges = session.exchanges.filter((e) => ids.has(e.id));
        const findings = session.findings.filter((f) => f.exchangeId !== undefined && ids.has(f.exchangeId));
        await context.displayName(stepTitle(step, exchanges));
        for (const ex of exchanges) await allure.attachment(exchangeTitle(ex), exchangeText(ex), { contentType: 'text/plain', fileExtension: 'http' });
        if (findings.length) await allure.attachment(`findings (${findings.length})`, JSON.stringify(findings, null, 2), 'application/json');
        const failing = findings.filter(isFailure);
        if (!result.ok || failing.length) {
          throw new StepFailed(result, [...result.failures.map((f) => session.redact(f)), ...failing.map((f) => `${f.check}: ${f.message}`)].join('\n'));
        }
        return result;
      });
    } catch (err) {
      if (err instanceof StepFailed) return err.result;
      throw err;
    }
  };
}

/** Labels and parameters that place a scenario test in Allure's trees. */
export async function allureTestLabels(group: string, scenario: { id: string; title: string; source: string }, cell: Cell): Promise<void> {
  await allure.epic('NextGenPSD2 XS2A conformance');
  await allure.feature(group);
  await allure.story(scenario.id);
  await allure.description(`${scenario.title}\n\nScenario file: \`${scenario.source}\``);
  for (const [name, value] of Object.entries(cell)) if (value) await allure.parameter(name, String(value));
}
