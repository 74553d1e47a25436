import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Finding } from '../checks/check.js';
import { bundled, packageRoot } from '../paths.js';
import { loadProfile } from '../profile/load.js';
import { buildReport, type FinishedTest } from '../report/build.js';
import type { ConformanceReport } from '../report/model.js';
import type { ScenarioTestMeta } from '../report/test-meta.js';
import { isFailure } from '../run/accepted.js';
import { groupOfSuiteFile } from '../run/plan.js';
import { machinesFor } from '../run/session.js';
import { startBundledBank } from '../run/bundled-bank.js';
import { clientFor, roleClientsFor } from '../run/client-for.js';
import { DEFECTS } from '../sandbox/index.js';
import { DEFECT_FAMILIES } from '../sandbox/defects.js';
import { loadFixtures } from '../scenario/fixtures.js';
import { loadScenarios } from '../scenario/load.js';
import { loadSpec } from '../spec/index.js';
import { version } from '../version.js';
import type { PartOutcome, ScenarioGroup, SuiteContext, SuitePart } from './parts.js';
import { propertyPart } from './property-part.js';
import { scenarioPart } from './scenario-part.js';

/**
 * The parts of the suite a detection run runs against each bank. Adding a part (e.g. a property
 * suite) is one entry here.
 */
export const SUITE_PARTS: readonly SuitePart[] = [scenarioPart, propertyPart];

/** The verdict of one run against the reference bank (one defect switched on, or none). */
export interface RunVerdict {
  /** Ids of the checks and lifecycle rules with a MUST finding that fails the run, sorted. */
  firedBy: string[];
  /** How many MUST findings failed the run. */
  findings: number;
  tests: { passed: number; failed: number; notApplicable: number };
  /** Test cases that failed on a flow expectation (not only on findings), by key. */
  flowFailures: string[];
}

export interface DefectResult extends RunVerdict {
  family: string;
  description: string;
  caughtBy: string[];
  /** Every check the defect names fired. */
  detected: boolean;
  /** The named checks that did not fire. */
  missed: string[];
}

type CleanVerdict = RunVerdict & { findingList: Array<Pick<Finding, 'check' | 'message' | 'operation'> & { test?: string }> };

export interface DetectionMatrix {
  clean: CleanVerdict;
  /** The clean bank in each emulation mode some defect needs, by the bundled profile that runs it (obp.yaml, …). */
  cleanModes: Record<string, CleanVerdict>;
  defects: Record<string, DefectResult>;
}

export interface DetectOptions {
  /** The defects to try (default: every defect of the reference bank). */
  defects?: readonly string[];
  /** How many banks run at once (default 3). */
  pool?: number;
  /** Default: the bundled reference bank's profile. */
  profilePath?: string;
  specPath?: string;
  scenarioRoot?: string;
  parts?: readonly SuitePart[];
  /** Called after each run, e.g. for progress. */
  onResult?: (name: string | undefined, verdict: RunVerdict) => void;
}

type Loaded = Omit<SuiteContext, 'target' | 'defects' | 'client'>;

/** The scenario groups the suite files run: `suites/<group>.test.ts` ↔ `scenarios/<group>/`. */
function groupsOf(scenarioRoot: string): ScenarioGroup[] {
  const suites = join(packageRoot(), 'suites');
  return readdirSync(suites)
    .filter((n) => /\.test\.[cm]?[jt]s$/.test(n))
    .sort()
    .map(groupOfSuiteFile)
    .filter((group) => readdirSync(scenarioRoot).includes(group))
    .map((group) => ({ group, scenarios: loadScenarios([join(scenarioRoot, group)]) }));
}

/** Load once what every run shares: profile, spec (validators compiled once), scenarios, fixtures, state machines. */
export async function loadSuite(options: Pick<DetectOptions, 'profilePath' | 'specPath' | 'scenarioRoot'> = {}): Promise<Loaded> {
  const profile = loadProfile(options.profilePath ?? bundled.profile());
  const spec = await loadSpec(resolve(options.specPath ?? profile.spec ?? bundled.spec()));
  const scenarioRoot = options.scenarioRoot ?? bundled.scenarios();
  machinesFor(profile);
  return { profile, spec, groups: groupsOf(scenarioRoot), fixtures: loadFixtures(join(scenarioRoot, 'fixtures')) };
}

/** A part's own findings as one test case, so that the report is built from them as from the scenarios'. */
function partTest(part: SuitePart, findings: Finding[]): FinishedTest {
  const meta: ScenarioTestMeta = { scenario: part.name, title: part.name, source: part.name, cell: {}, steps: [], failures: [], findings, exchanges: [] };
  return { name: part.name, state: findings.some(isFailure) ? 'failed' : 'passed', durationMs: 0, errors: [], meta };
}

/** Run every part of the suite against the reference bank with these defects; the report as a real run builds it. */
export async function runAgainstBank(loaded: Loaded, defects: readonly string[], parts: readonly SuitePart[] = SUITE_PARTS): Promise<ConformanceReport> {
  const bundledBank = await startBundledBank(loaded.profile, [...defects]);
  const { bank, identity } = bundledBank;
  const run = { timeoutMs: loaded.profile.timeouts.requestMs, ...(identity ? { identity } : {}) };
  const client = clientFor(run, loaded.profile);
  const roleClients = roleClientsFor(run, loaded.profile);
  const startedAt = new Date().toISOString();
  const tests: FinishedTest[] = [];
  try {
    const ctx: SuiteContext = { ...loaded, target: bank.url, defects, client, roleClients, ...(identity ? { identity } : {}) };
    for (const part of parts) {
      const result = await part.run(ctx);
      const outcome: PartOutcome = Array.isArray(result) ? { findings: result } : result;
      tests.push(...(outcome.tests ?? []));
      if (outcome.findings?.length) tests.push(partTest(part, outcome.findings));
    }
  } finally {
    await Promise.all([client.close(), ...Object.values(roleClients).map((c) => c.client.close())]);
    await bundledBank.close();
  }
  const info: ConformanceReport['run'] = {
    startedAt,
    finishedAt: new Date().toISOString(),
    target: bank.url,
    bundledBank: true,
    defects: [...defects],
    profile: { name: loaded.profile.name, file: loaded.profile.source },
    spec: { title: loaded.spec.title, version: loaded.spec.version, sha256: loaded.spec.hash, file: loaded.spec.source },
  };
  return buildReport(tests, info, version());
}

export function verdictOf(report: ConformanceReport): RunVerdict {
  const failing = report.findings.filter(isFailure);
  return {
    firedBy: [...new Set(failing.map((f) => f.check))].sort(),
    findings: failing.length,
    tests: { passed: report.summary.passed, failed: report.summary.failed, notApplicable: report.summary.notApplicable },
    flowFailures: report.tests.filter((t) => t.state === 'failed' && t.failures.length > 0).map((t) => t.key ?? t.name).sort(),
  };
}

/** Run `jobs` with at most `size` at once, results in the jobs' order. */
async function pooled<T>(jobs: ReadonlyArray<() => Promise<T>>, size: number): Promise<T[]> {
  const results: T[] = new Array<T>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, jobs.length)) }, worker));
  return results;
}

/**
 * The detection matrix: the suite against the clean reference bank and against the bank with
 * each defect switched on alone. A defect is detected when every check it names fails the run.
 */
export async function detect(options: DetectOptions = {}): Promise<DetectionMatrix> {
  const names = [...(options.defects ?? Object.keys(DEFECTS))];
  const unknown = names.filter((n) => !(n in DEFECTS));
  if (unknown.length) throw new Error(`unknown defect ${unknown.join(', ')}`);
  // A defect of an emulation mode runs with the bundled profile of that mode; each such profile's clean bank runs too.
  const suites = new Map<string | undefined, Promise<Loaded>>();
  const suiteFor = (profile: string | undefined) => {
    if (!suites.has(profile)) suites.set(profile, loadSuite(profile ? { ...options, profilePath: join(packageRoot(), 'profiles', profile) } : options));
    return suites.get(profile)!;
  };
  const parts = options.parts ?? SUITE_PARTS;
  const modeProfiles = [...new Set(names.map((n) => DEFECTS[n]!.profile).filter((p): p is string => p !== undefined))].sort();
  const jobs: Array<{ name?: string; profile?: string }> = [{}, ...modeProfiles.map((profile) => ({ profile })), ...names.map((name) => ({ name, ...(DEFECTS[name]!.profile ? { profile: DEFECTS[name]!.profile } : {}) }))];
  const runs = jobs.map(({ name, profile }) => async () => {
    const loaded = await suiteFor(profile);
    const report = await runAgainstBank(loaded, [...loaded.profile.defects, ...(name ? [name] : [])], parts);
    options.onResult?.(name, verdictOf(report));
    return { name, profile, report };
  });
  const done = await pooled(runs, options.pool ?? 3);
  const cleanOf = (report: ConformanceReport): CleanVerdict => ({
    ...verdictOf(report),
    findingList: report.findings.filter(isFailure).map((f) => ({ check: f.check, message: f.message, ...(f.operation ? { operation: f.operation } : {}), ...(f.test ? { test: f.test } : {}) })),
  });
  const cleanModes: Record<string, CleanVerdict> = {};
  const defects: Record<string, DefectResult> = {};
  let clean: CleanVerdict | undefined;
  for (const { name, profile, report } of done) {
    if (name === undefined) {
      if (profile === undefined) clean = cleanOf(report);
      else cleanModes[profile] = cleanOf(report);
      continue;
    }
    const verdict = verdictOf(report);
    const { description, caughtBy } = DEFECTS[name]!;
    const missed = caughtBy.filter((id) => !verdict.firedBy.includes(id));
    defects[name] = { family: DEFECT_FAMILIES[name] ?? 'unknown', description, caughtBy: [...caughtBy], detected: missed.length === 0, missed, ...verdict };
  }
  return { clean: clean!, cleanModes, defects };
}

/** A matrix passes when every defect is detected by its named checks and the clean bank trips nothing. */
export function matrixPasses(m: DetectionMatrix): boolean {
  const cleanRuns = [m.clean, ...Object.values(m.cleanModes)];
  return cleanRuns.every((c) => c.findings === 0 && c.tests.failed === 0) && Object.values(m.defects).every((d) => d.detected);
}
