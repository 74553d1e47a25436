/**
 * The property suite as test cases: one per property (src/properties), each a fast-check run
 * against the target with the run's seed. A failed property's findings carry the shrunk
 * counterexample, the seed, the path and the replay command.
 */
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { CHECKS, Observations } from '../src/checks/index.js';
import type { Client } from '../src/http/client.js';
import { loadProfile } from '../src/profile/load.js';
import { propertiesFor } from '../src/properties/properties.js';
import { replayCommand } from '../src/properties/replay.js';
import { DEFAULT_PROPERTY_RUNS, PropertySuite, defaultSeed } from '../src/properties/run.js';
import type { ScenarioTestMeta } from '../src/report/test-meta.js';
import { isFailure } from '../src/run/accepted.js';
import { clientFor, roleClientsFor } from '../src/run/client-for.js';
import '../src/run/config.js';
import { Session } from '../src/run/session.js';
import { loadSpec } from '../src/spec/index.js';
import type { Spec } from '../src/spec/types.js';

class NotConformant extends Error {
  override name = 'AssertionError';
}

const run = inject('xs2aRun');
const target = inject('xs2aTarget');
const profile = loadProfile(run.profilePath);
const seed = run.seed ?? profile.properties.seed ?? defaultSeed(profile.name);
const numRuns = run.propertyRuns ?? profile.properties.runs ?? DEFAULT_PROPERTY_RUNS;
const replayArgs = run.replayArgs ?? run.defects.flatMap((d) => ['--defect', d]);
let spec: Spec;
let client: Client;
let roleClients: ReturnType<typeof roleClientsFor> = {};
const observations = new Observations();

beforeAll(async () => {
  spec = await loadSpec(run.specPath);
  client = clientFor(run, profile);
  roleClients = roleClientsFor(run, profile);
});
afterAll(async () => {
  await Promise.all([client?.close(), ...Object.values(roleClients).map((c) => c.client.close())]);
});

// Which properties exist depends on the identity (signing, role certificates), known from the run config alone.
const planned = propertiesFor({
  profile,
  signing: Boolean(run.identity?.signing ?? profile.signing),
  roleClients: Object.fromEntries(Object.entries(run.identity?.roleClients ?? {}).map(([n, c]) => [n, c.roles])),
});

let suite: PropertySuite | undefined;
const suiteNow = (): PropertySuite =>
  (suite ??= new PropertySuite({
    session: (c) => new Session(target, spec, profile, c ?? client, CHECKS, observations),
    seed,
    numRuns,
    roleClients,
    tolerated: profile.properties.tolerated,
    replayCommand: (name, s, path) => replayCommand(name, s, path, replayArgs),
  }));

describe(`properties (seed ${seed}, ${numRuns} runs each)`, () => {
  for (const property of planned) {
    const key = `properties/${property.name}`;
    if (run.selection && !run.selection.includes(`${key} [any]`)) continue;
    it(property.name, async ({ task, signal }) => {
      const s = suiteNow();
      const result = await s.run(s.properties.find((p) => p.name === property.name)!);
      if (signal.aborted) return;
      const meta: ScenarioTestMeta = {
        scenario: key,
        title: `Property ${property.name}`,
        source: 'src/properties/properties.ts',
        cell: {},
        ...(result.notApplicable ? { notApplicable: result.notApplicable } : {}),
        steps: [],
        failures: [],
        findings: result.findings,
        exchanges: result.exchanges,
      };
      task.meta.xs2a = meta;
      if (result.state === 'not-applicable') return;
      const failing = result.findings.filter(isFailure);
      if (failing.length) throw new NotConformant(failing.map((f) => `${f.check}: ${f.message}${typeof f.evidence?.['replay'] === 'string' ? `\n  replay: ${f.evidence['replay']}` : ''}`).join('\n'));
    });
  }
});
