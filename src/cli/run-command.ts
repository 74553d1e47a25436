import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startVitest } from 'vitest/node';
import { ConformanceReporter } from '../../reporters/conformance-reporter.js';
import { ConsoleReporter } from '../../reporters/console-reporter.js';
import { bundled, packageRoot } from '../paths.js';
import { loadProfile } from '../profile/load.js';
import type { ConformanceReport } from '../report/model.js';
import { writeAbortedReports } from '../report/write.js';
import type { RunConfig } from '../run/config.js';
import { unreachableReason } from '../run/preflight.js';
import { DEFECTS, startSandbox } from '../sandbox/index.js';
import type { RunningSandbox } from '../sandbox/types.js';
import { loadScenarios } from '../scenario/load.js';
import { loadSpec } from '../spec/index.js';
import { version } from '../version.js';
import { printSummary } from './summary.js';
import { UsageError } from './usage.js';

export class TargetUnreachable extends Error {}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        profile: { type: 'string' },
        spec: { type: 'string' },
        target: { type: 'string' },
        'report-dir': { type: 'string', default: 'reports' },
        defect: { type: 'string', multiple: true, default: [] },
        filter: { type: 'string' },
        quiet: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function targetUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--target '${raw}' is not a URL (expected e.g. https://bank.example/psd2)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--target '${raw}' must be an http or https URL`);
  return raw.replace(/\/+$/, '');
}

/** `xs2a-conformance run`: resolve profile, spec and target, run the suites on vitest, write reports. */
export async function runCommand(argv: string[]): Promise<number> {
  const options = parse(argv);
  const profile = loadProfile(options.profile ?? bundled.profile());
  const specPath = resolve(options.spec ?? profile.spec ?? bundled.spec());
  const spec = await loadSpec(specPath);
  const scenarioRoot = bundled.scenarios();
  loadScenarios([scenarioRoot]); // every scenario file is checked before anything is sent
  const defects = [...new Set([...profile.defects, ...options.defect])];
  const unknown = defects.filter((d) => !(d in DEFECTS));
  if (unknown.length) throw new UsageError(`unknown defect ${unknown.join(', ')}; known: ${Object.keys(DEFECTS).join(', ')}`);
  const given = options.target ?? profile.baseUrl;
  if (given && defects.length) throw new UsageError('defects switch the bundled reference bank; they do not apply with a --target or a profile baseUrl');

  const reportDir = resolve(options['report-dir']);
  const startedAt = new Date().toISOString();
  const runInfo = (target: string, bundledBank: boolean): Omit<ConformanceReport['run'], 'finishedAt'> => ({
    startedAt,
    target,
    bundledBank,
    defects,
    profile: { name: profile.name, file: profile.source },
    spec: { title: spec.title, version: spec.version, sha256: spec.hash, file: specPath },
  });

  let bank: RunningSandbox | undefined;
  let target: string;
  if (given) {
    target = targetUrl(given);
    const reason = await unreachableReason(target, Math.min(profile.timeouts.requestMs, 10_000));
    if (reason) {
      const message = `cannot reach the target ${target}: ${reason}`;
      writeAbortedReports(reportDir, { ...runInfo(target, false), finishedAt: new Date().toISOString() }, version(), message);
      throw new TargetUnreachable(message);
    }
  } else {
    bank = await startSandbox({ defects });
    target = bank.url;
  }

  mkdirSync(reportDir, { recursive: true });
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const quiet = options.quiet || process.env['CI'] === 'true';
  const conformance = new ConformanceReporter({ reportDir, version: version(), run: runInfo(target, bank !== undefined) });
  const run: RunConfig = { baseUrl: target, profilePath: profile.source, specPath, scenarioRoot, defects };
  if (!quiet) print(`xs2a-conformance ${version()}: ${profile.name} at ${target}${defects.length ? ` (defects: ${defects.join(', ')})` : ''}`);
  try {
    const vitest = await startVitest(
      'test',
      [],
      {
        config: false,
        root: packageRoot(),
        include: ['suites/**/*.test.ts'],
        watch: false,
        reporters: [new ConsoleReporter(print, quiet), conformance, ['junit', { outputFile: join(reportDir, 'junit.xml'), suiteName: 'xs2a-conformance' }]],
        provide: { xs2aRun: run, xs2aTarget: target },
        ...(options.filter ? { testNamePattern: options.filter } : {}),
      },
      { cacheDir: join(packageRoot(), 'node_modules', '.vite') },
    );
    await vitest.close();
  } finally {
    await bank?.close();
  }
  process.exitCode = 0; // vitest sets it on failed tests; the verdict below is ours
  const report = conformance.report;
  if (!report) throw new Error('the run ended without a report');
  printSummary(report, reportDir, print);
  return report.summary.conformant ? 0 : 1;
}
