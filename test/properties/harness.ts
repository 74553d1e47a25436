/** Runs the property suite in-process against a reference bank started here. */
import { CHECKS, Observations } from '../../src/checks/index.js';
import { Client } from '../../src/http/client.js';
import { bundled } from '../../src/paths.js';
import { loadProfile } from '../../src/profile/load.js';
import { runPropertySuite, type PropertySuiteOptions } from '../../src/properties/run.js';
import type { PropertyResult } from '../../src/properties/model.js';
import { Session } from '../../src/run/session.js';
import { startSandbox } from '../../src/sandbox/index.js';
import type { SandboxOptions } from '../../src/sandbox/types.js';
import { loadSpec } from '../../src/spec/index.js';

export async function propertiesAgainst(
  bank: SandboxOptions,
  options: Partial<PropertySuiteOptions> & { seed?: number } = {},
): Promise<PropertyResult[]> {
  const sandbox = await startSandbox(bank);
  const client = new Client({ timeoutMs: 10_000 });
  try {
    const profile = loadProfile(bundled.profile());
    const spec = await loadSpec(bundled.spec());
    const observations = new Observations();
    return await runPropertySuite({
      session: (c) => new Session(sandbox.url, spec, profile, c ?? client, CHECKS, observations),
      seed: 42,
      numRuns: 25,
      ...options,
    });
  } finally {
    await client.close();
    await sandbox.close();
  }
}

export const failedChecks = (results: PropertyResult[]): Map<string, Set<string>> => {
  const out = new Map<string, Set<string>>();
  for (const r of results) for (const f of r.findings) out.set(f.check, (out.get(f.check) ?? new Set()).add(r.property));
  return out;
};
