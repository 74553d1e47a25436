import type { TestProject } from 'vitest/node';
import { bundled } from '../paths.js';
import { startSandbox } from '../sandbox/index.js';
import type { RunConfig } from './config.js';

/**
 * vitest global setup: when no target is given, start the bundled reference bank for the whole
 * run and hand its URL to the workers. The CLI usually gives a target (it starts the bank itself).
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const provided = project.getProvidedContext() as Partial<{ xs2aRun: RunConfig }>;
  const run: RunConfig = provided.xs2aRun ?? {
    profilePath: bundled.profile(),
    specPath: bundled.spec(),
    scenarioRoot: bundled.scenarios(),
    defects: (process.env['XS2A_DEFECTS'] ?? '').split(',').filter(Boolean),
  };
  project.provide('xs2aRun', run);
  if (run.baseUrl) {
    project.provide('xs2aTarget', run.baseUrl);
    return undefined;
  }
  const bank = await startSandbox({ defects: run.defects, ...(run.mode ? { mode: run.mode } : {}) });
  project.provide('xs2aTarget', bank.url);
  return () => bank.close();
}
