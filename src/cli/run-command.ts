import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConsoleReporter } from '../../reporters/console-reporter.js';
import { bundled, packageRoot } from '../paths.js';
import { loadProfile, secretsOf } from '../profile/load.js';
import type { RunInfo } from '../report/model.js';
import { redactedProfileCopy } from '../report/profile-copy.js';
import { writeAbortedReports } from '../report/write.js';
import type { RunConfig } from '../run/config.js';
import { groupOfSuiteFile, planGroups } from '../run/plan.js';
import { unreachableReason } from '../run/preflight.js';
import { DEFECTS } from '../sandbox/index.js';
import { type BundledBank, startBundledBank } from '../run/bundled-bank.js';
import type { RunningSandbox } from '../sandbox/types.js';
import { loadScenarios } from '../scenario/load.js';
import { machinesFor } from '../run/session.js';
import { loadSpec } from '../spec/index.js';
import { defaultSeed } from '../properties/run.js';
import { version } from '../version.js';
import { afterRun } from './after-run.js';
import { Interrupt, SIGNAL_EXIT } from './interrupt.js';
import { runProfiles } from './multi-run.js';
import { runReporters } from './reporters.js';
import { parseRunOptions, targetUrl } from './run-options.js';
import { blobFileName, writeShardRecord } from './shard.js';
import { UsageError } from './usage.js';
import { runVitest } from './vitest-run.js';

export class TargetUnreachable extends Error {}

/**
 * vitest's limit on one test case: only a last resort against a hang, since every exchange has its
 * own time limit; a scenario makes a few dozen exchanges at most, and polls for at most pollMs.
 */
function testTimeoutFor(requestMs: number, pollMs: number): number {
  return Math.max(60_000, 50 * requestMs + pollMs);
}

/** The suite files (`suites/<group>.test.ts`), absolute. */
function suiteFiles(): string[] {
  const dir = join(packageRoot(), 'suites');
  return readdirSync(dir).filter((n) => /\.test\.[cm]?[jt]s$/.test(n)).sort().map((n) => join(dir, n));
}

/** `xs2a-conformance run`: resolve profile, spec and target, run the suites on vitest, write reports. */
export async function runCommand(argv: string[]): Promise<number> {
  const options = parseRunOptions(argv);
  const print = (line: string) => process.stdout.write(`${line}\n`);
  if (options.profiles.length > 1) return runProfiles(argv, options, runCommand, print);
  if (options.rerun && options.rerun.failed === 0) {
    print(`nothing to rerun: no test case failed in ${options.rerun.file}`);
    return 0;
  }
  if (options.rerun && options.rerun.keys.length === 0) throw new UsageError(`--rerun-failed: the failed test cases of ${options.rerun.file} name no scenario to run again`);
  const profile = loadProfile(options.profile ?? bundled.profile());
  const specPath = resolve(options.spec ?? profile.spec ?? bundled.spec());
  const spec = await loadSpec(specPath);
  const scenarioRoot = bundled.scenarios();
  loadScenarios([scenarioRoot]); // every scenario file is checked before anything is sent
  machinesFor(profile); // and every state machine file the profile names
  const defects = [...new Set([...profile.defects, ...options.defects])];
  const unknown = defects.filter((d) => !(d in DEFECTS));
  if (unknown.length) throw new UsageError(`unknown defect ${unknown.join(', ')}; known: ${Object.keys(DEFECTS).join(', ')}`);
  const given = options.target ?? profile.baseUrl;
  if (given && defects.length) throw new UsageError('defects switch the bundled reference bank; they do not apply with a --target or a profile baseUrl');

  // What runs: every suite file, or (a rerun, a filter) those whose group holds a selected test case.
  const selection = options.rerun ? new Set(options.rerun.keys) : undefined;
  const pattern = options.filter !== undefined ? new RegExp(options.filter) : undefined;
  const files = suiteFiles();
  const plans = planGroups(scenarioRoot, files.map(groupOfSuiteFile), profile, selection, pattern);
  const narrowed = selection !== undefined || pattern !== undefined;
  // A suite file without a scenario folder (the property suite) runs under a filter (vitest narrows its
  // test names), and under a rerun when a failed test case of its own (key `<group>/…`) is selected.
  const selects = (f: string) => {
    const group = groupOfSuiteFile(f);
    const plan = plans.get(group);
    if (plan) return plan.matching > 0;
    return selection ? [...selection].some((k) => k.startsWith(`${group}/`)) : true;
  };
  const runFiles = narrowed ? files.filter(selects) : files;
  if (selection && ![...plans.values()].some((p) => p.planned > 0) && !files.some((f) => !plans.has(groupOfSuiteFile(f)) && selects(f))) {
    throw new UsageError(`--rerun-failed: none of the ${selection.size} failed test cases of ${options.rerun!.file} is among the scenarios this version runs`);
  }
  if (runFiles.length === 0) throw new UsageError(`--filter '${options.filter}' matches no test case${selection ? ' among the failed ones' : ''}`);

  const { reportDir } = options;
  const seed = options.seed ?? profile.properties.seed ?? defaultSeed(profile.name);
  const startedAt = new Date().toISOString();
  const runInfo = (target: string, bundledBank: boolean): Omit<RunInfo, 'finishedAt'> => ({
    startedAt,
    target,
    bundledBank,
    defects,
    profile: { name: profile.name, file: profile.source },
    spec: { title: spec.title, version: spec.version, sha256: spec.hash, file: specPath },
    seed,
    ...(options.shard ? { shard: options.shard } : {}),
    ...(options.rerun ? { rerunOf: options.rerun.file } : {}),
    ...(options.filter !== undefined ? { filter: options.filter } : {}),
  });

  const requestMs = options.timeoutMs ?? profile.timeouts.requestMs;
  let bank: RunningSandbox | undefined;
  let bundledBank: BundledBank | undefined;
  let target: string;
  if (given) {
    target = targetUrl(given);
    const reason = await unreachableReason(target, Math.min(requestMs, 10_000));
    if (reason) {
      const message = `cannot reach the target ${target}: ${reason}`;
      writeAbortedReports(reportDir, { ...runInfo(target, false), finishedAt: new Date().toISOString() }, version(), message);
      throw new TargetUnreachable(message);
    }
  } else {
    bundledBank = await startBundledBank(profile, defects);
    bank = bundledBank.bank;
    target = bank.url;
  }

  mkdirSync(reportDir, { recursive: true });
  const progress = new ConsoleReporter(print, { quiet: options.quiet, planned: (file) => plans.get(groupOfSuiteFile(file))?.planned });
  const blob = options.shard ? join(options.blobDir, blobFileName(options.shard)) : undefined;
  const { conformance, reporters } = runReporters(
    { reportDir, version: version(), run: runInfo(target, bank !== undefined) },
    [progress, ...(blob ? [['blob', { outputFile: blob }] as [string, Record<string, unknown>]] : [])],
  );
  const run: RunConfig = {
    baseUrl: target,
    profilePath: profile.source,
    specPath,
    scenarioRoot,
    defects,
    mode: profile.mode,
    allure: true,
    ...(selection ? { selection: [...selection] } : {}),
    timeoutMs: requestMs,
    ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
    seed,
    ...(bundledBank?.identity ? { identity: bundledBank.identity } : {}),
    ...(options.propertyRuns !== undefined ? { propertyRuns: options.propertyRuns } : {}),
    replayArgs: [
      ...(given ? ['--target', target] : defects.flatMap((d) => ['--defect', d])),
      ...(options.profile !== undefined ? ['--profile', resolve(options.profile)] : []),
      ...(options.spec !== undefined ? ['--spec', resolve(options.spec)] : []),
    ],
  };
  if (!options.quiet) {
    const part = options.shard ? `, shard ${options.shard.index}/${options.shard.count}` : options.rerun ? `, rerunning ${selection!.size} failed test cases` : '';
    print(`xs2a-conformance ${version()}: ${profile.name} at ${target}${defects.length ? ` (defects: ${defects.join(', ')})` : ''}${part}`);
    print(`property seed ${seed} (rerun with --seed ${seed})`);
  }
  // From here on Ctrl-C (SIGINT) or SIGTERM stops the run gracefully: no test case starts, the
  // ones under way are aborted (reported as skipped), the reports hold what finished, marked
  // partial, and the bank is closed.
  const interrupt = new Interrupt();
  interrupt.onSignal((signal) => {
    conformance.interrupted(signal);
    print(`${signal}: stopping; the reports will hold the test cases that finished (send it again to stop at once, without reports)`);
  });
  try {
    await runVitest(
      {
        config: false,
        root: packageRoot(),
        include: ['suites/**/*.test.ts'],
        setupFiles: [join(packageRoot(), 'suites', 'support', 'worker-signals.ts')],
        watch: false,
        reporters,
        provide: { xs2aRun: run, xs2aTarget: target },
        testTimeout: testTimeoutFor(requestMs, profile.timeouts.pollMs),
        // A shard may get no suite file when there are more shards than files.
        ...(options.shard ? { shard: `${options.shard.index}/${options.shard.count}`, passWithNoTests: true } : {}),
        ...(options.filter !== undefined ? { testNamePattern: options.filter } : {}),
      },
      { cacheDir: join(packageRoot(), 'node_modules', '.vite') },
      narrowed ? runFiles : [],
      interrupt,
    );
  } finally {
    await bundledBank?.close();
    interrupt.dispose();
  }
  const { signal } = interrupt;
  if (signal) {
    // A signal before the first test case: no reporter ran; the reports still say what happened.
    const report =
      conformance.report ??
      writeAbortedReports(reportDir, { ...runInfo(target, bank !== undefined), finishedAt: new Date().toISOString(), partial: true, signal }, version(), `interrupted by ${signal} before any test case ran`);
    afterRun(report, { reportDir, print }); // no bundle: a partial run certifies nothing
    return SIGNAL_EXIT[signal];
  }
  process.exitCode = 0; // vitest sets it on failed tests; the verdict below is ours
  const report = conformance.report;
  if (!report) throw new Error('the run ended without a report');
  const profileText = redactedProfileCopy(profile.source, secretsOf(profile));
  if (options.shard) writeShardRecord(options.blobDir, { xs2aConformanceShard: 1, tool: version(), shard: options.shard, run: report.run, profileText });
  return afterRun(report, { reportDir, print, ...(options.bundle ? { bundle: { profileText } } : {}) });
}
