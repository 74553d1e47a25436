import { CHECKS, Observations } from '../checks/index.js';
import { propertiesFor } from '../properties/properties.js';
import { replayCommand } from '../properties/replay.js';
import { DEFAULT_PROPERTY_RUNS, PropertySuite, defaultSeed } from '../properties/run.js';
import { propertyTestMeta } from '../properties/test-meta.js';
import type { FinishedTest } from '../report/build.js';
import { isFailure } from '../run/accepted.js';
import { Session } from '../run/session.js';
import type { PartOutcome, SuitePart } from './parts.js';

/**
 * The property suite, run as suites/properties.test.ts runs it: one test case per property, the
 * profile's seed (or the one derived from its name) and runs, every exchange judged by the checks.
 */
export const propertyPart: SuitePart = {
  name: 'properties',
  async run(ctx): Promise<PartOutcome> {
    const { profile } = ctx;
    const seed = profile.properties.seed ?? defaultSeed(profile.name);
    const observations = new Observations();
    const suite = new PropertySuite({
      session: (client) => new Session(ctx.target, ctx.spec, profile, client ?? ctx.client, CHECKS, observations),
      seed,
      numRuns: profile.properties.runs ?? DEFAULT_PROPERTY_RUNS,
      roleClients: ctx.roleClients ?? {},
      tolerated: profile.properties.tolerated,
      replayCommand: (name, s, path) => replayCommand(name, s, path, ctx.defects.flatMap((d) => ['--defect', d])),
    });
    const planned = propertiesFor({
      profile,
      signing: Boolean(ctx.identity?.signing ?? profile.signing),
      roleClients: Object.fromEntries(Object.entries(ctx.identity?.roleClients ?? {}).map(([n, c]) => [n, c.roles])),
    });
    const tests: FinishedTest[] = [];
    for (const property of planned) {
      const started = performance.now();
      const result = await suite.run(suite.properties.find((p) => p.name === property.name)!);
      const meta = propertyTestMeta(property.name, result);
      const state = result.state === 'not-applicable' ? 'skipped' : result.findings.some(isFailure) ? 'failed' : 'passed';
      tests.push({ name: `${meta.scenario} > ${property.name}`, state, durationMs: performance.now() - started, errors: [], meta });
    }
    return { tests };
  },
};
