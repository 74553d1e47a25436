import type { Finding } from '../checks/check.js';
import type { Client } from '../http/client.js';
import type { Profile } from '../profile/types.js';
import type { IdentityFiles } from '../run/config.js';
import type { FinishedTest } from '../report/build.js';
import type { Fixtures } from '../scenario/fixtures.js';
import type { Scenario } from '../scenario/types.js';
import type { Spec } from '../spec/types.js';

/** The scenarios of one group folder (the ones one suite file, `suites/<group>.test.ts`, runs). */
export interface ScenarioGroup {
  group: string;
  scenarios: Scenario[];
}

/** What every part of the suite is given for one run against one bank: loaded once, shared by all runs. */
export interface SuiteContext {
  /** Base URL of the bank under test (the reference bank with one defect switched on, or none). */
  target: string;
  /** The defects switched on for this run (empty: the clean bank). */
  defects: readonly string[];
  spec: Spec;
  profile: Profile;
  groups: readonly ScenarioGroup[];
  fixtures: Fixtures;
  /** The run's HTTP client (one keep-alive agent per run), presenting the TPP identity the bank demands. */
  client: Client;
  /** The TPP identity generated for a bank that demands one (mTLS, signing). */
  identity?: IdentityFiles;
  /** Clients presenting certificates that lack roles, for the role properties. */
  roleClients?: Record<string, { client: Client; roles: string[] }>;
}

/**
 * What a part of the suite produced: test cases as the vitest suites report them (with their
 * task meta), and findings a part judges on its own (e.g. a property suite). A bare array of
 * findings is read as `{ findings }`.
 */
export interface PartOutcome {
  tests?: FinishedTest[];
  findings?: Finding[];
}

/** One part of the suite: run it against the bank of `ctx.target`. */
export interface SuitePart {
  name: string;
  run(ctx: SuiteContext): Promise<PartOutcome | Finding[]>;
}
