/**
 * The property suite as test cases: one per property (src/properties), each a fast-check run
 * against the target with the run's seed. A failed property's findings carry the shrunk
 * counterexample, the seed, the path and the replay command.
 */
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { CHECKS, Observations, type Finding } from '../src/checks/index.js';
import type { Client } from '../src/http/client.js';
import { loadProfile } from '../src/profile/load.js';
import { PROPERTY_CHECKS } from '../src/properties/checks.js';
import { propertiesFor } from '../src/properties/properties.js';
import { replayCommand } from '../src/properties/replay.js';
import { propertyTestMeta } from '../src/properties/test-meta.js';
import { DEFAULT_PROPERTY_RUNS, PropertySuite, defaultSeed } from '../src/properties/run.js';
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

const PROPERTY_CHECK_IDS = new Set(PROPERTY_CHECKS.map((c) => c.id));

/**
 * The failure message: each property finding with its replay command; the exchange checks' findings
 * (every generated case is judged, so one rule broken by the bank repeats case after case) once per
 * check and operation, with how many exchanges broke it. The report keeps each of them.
 */
function failureLines(failing: readonly Finding[]): string[] {
  const lines: string[] = [];
  const repeats = new Map<string, { index: number; count: number; line: string }>();
  for (const f of failing) {
    const line = `${f.check}: ${f.message}${typeof f.evidence?.['replay'] === 'string' ? `\n  replay: ${f.evidence['replay']}` : ''}`;
    if (PROPERTY_CHECK_IDS.has(f.check)) {
      lines.push(line);
      continue;
    }
    const key = `${f.check} ${f.operation ?? ''}`;
    const seen = repeats.get(key);
    if (seen) seen.count++;
    else repeats.set(key, { index: lines.push(line) - 1, count: 1, line });
  }
  for (const { index, count, line } of repeats.values()) if (count > 1) lines[index] = `${line} (and ${count - 1} more exchanges)`;
  return lines;
}

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
      const meta = propertyTestMeta(property.name, result);
      task.meta.xs2a = meta;
      if (result.state === 'not-applicable') return;
      const failing = result.findings.filter(isFailure);
      if (failing.length) throw new NotConformant(failureLines(failing).join('\n'));
    });
  }
});
