/** In-process runs of the OAuth scenarios against the reference bank: a Session, the real profile, scenarios and fixtures. */
import { join } from 'node:path';
import { CHECKS, Observations } from '../../src/checks/index.js';
import { Client } from '../../src/http/client.js';
import { bundled } from '../../src/paths.js';
import { loadProfile } from '../../src/profile/load.js';
import type { Profile } from '../../src/profile/types.js';
import { Session } from '../../src/run/session.js';
import { loadFixtures } from '../../src/scenario/fixtures.js';
import { runScenario, type ScenarioOutcome } from '../../src/scenario/interpreter.js';
import { loadScenarios } from '../../src/scenario/load.js';
import type { Cell } from '../../src/scenario/types.js';
import { loadSpec } from '../../src/spec/index.js';
import { startSandbox } from '../../src/sandbox/index.js';

export const ROOT = join(import.meta.dirname, '../..');
export const REFERENCE_PROFILE = join(ROOT, 'profiles/reference-bank.yaml');

export async function sessionFor(baseUrl: string, profile: Profile = loadProfile(REFERENCE_PROFILE)): Promise<{ session: Session; close: () => Promise<void> }> {
  const spec = await loadSpec(bundled.spec());
  const client = new Client({ timeoutMs: 10_000 });
  return { session: new Session(baseUrl, spec, profile, client, CHECKS, new Observations()), close: () => client.close() };
}

/** Runs one scenario in one cell against a fresh bank with the given defects. */
export async function runAgainstBank(scenarioId: string, cell: Cell, defects: string[] = [], profile?: Profile): Promise<{ outcome: ScenarioOutcome; session: Session }> {
  const bank = await startSandbox({ defects });
  const { session, close } = await sessionFor(bank.url, profile);
  try {
    const scenario = loadScenarios([join(ROOT, 'scenarios')]).find((s) => s.id === scenarioId);
    if (!scenario) throw new Error(`no scenario ${scenarioId}`);
    const outcome = await runScenario(scenario, cell, session, loadFixtures(join(ROOT, 'scenarios/fixtures')));
    return { outcome, session };
  } finally {
    await close();
    await bank.close();
  }
}

export const PAYMENT_CELL: Cell = { service: 'payments', product: 'sepa-credit-transfers', approach: 'oauth' };
