/**
 * `run --profile a.yaml --profile b.yaml …`: the same suite against several banks, one after the
 * other, each bank's reports in a subfolder of the report dir named after its profile file, and a
 * combined report (combined.json, combined.html) at the top with the bank × check matrix.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { loadProfile } from '../profile/load.js';
import { combine, deviationsOf, type CombinedBank } from '../report/combined/model.js';
import { renderCombinedHtml } from '../report/combined/html.js';
import { MachineError } from '../lifecycle/machine.js';
import type { ConformanceReport } from '../report/model.js';
import { isReport } from '../report/validate.js';
import { SpecError } from '../spec/index.js';
import { version } from '../version.js';
import type { RunOptions } from './run-options.js';
import { TargetUnreachable } from './run-command.js';
import { UsageError } from './usage.js';

export const COMBINED_FILES = { json: 'combined.json', html: 'combined.html' } as const;

/** The argv of one bank's run: every option as given, but one --profile and its own --report-dir. */
function argvFor(argv: string[], profile: string, reportDir: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--profile' || a === '--report-dir') i++;
    else if (!a.startsWith('--profile=') && !a.startsWith('--report-dir=')) out.push(a);
  }
  return [...out, '--profile', profile, '--report-dir', reportDir];
}

/** Subfolder names from the profile files' names, made unique. */
function folderNames(profiles: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return profiles.map((p) => {
    const stem = basename(p, extname(p)).replace(/[^A-Za-z0-9._-]+/g, '-') || 'profile';
    const n = (seen.get(stem) ?? 0) + 1;
    seen.set(stem, n);
    return n === 1 ? stem : `${stem}-${n}`;
  });
}

export async function runProfiles(
  argv: string[],
  options: RunOptions,
  runOne: (argv: string[]) => Promise<number>,
  print: (line: string) => void,
): Promise<number> {
  if (options.shard || options.rerun || options.bundle) throw new UsageError('--shard, --rerun-failed and --bundle take one --profile, not several');
  if (options.target) throw new UsageError('--target names one bank; with several --profile options each profile names its own baseUrl');
  const profiles = options.profiles.map((file) => ({ file, profile: loadProfile(file) })); // every profile is checked before any run
  const folders = folderNames(options.profiles);
  const banks: CombinedBank[] = [];
  for (const [i, { file, profile }] of profiles.entries()) {
    const dir = join(options.reportDir, folders[i]!);
    print(`\n== ${profile.name} (${file}) → ${dir}`);
    let exitCode: number;
    let error: string | undefined;
    try {
      exitCode = await runOne(argvFor(argv, file, dir));
    } catch (e) {
      // A bank that cannot be reached or set up does not stop the others; main() names it as usual.
      if (!(e instanceof TargetUnreachable || e instanceof UsageError || e instanceof SpecError || e instanceof MachineError)) throw e;
      error = e.message.split('\n')[0]!;
      exitCode = e instanceof TargetUnreachable ? 3 : 2;
      print(`xs2a-conformance: ${profile.name}: ${e.message}`);
    }
    const reportFile = join(dir, 'report.json');
    const read: unknown = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : undefined;
    const report: ConformanceReport | undefined = isReport(read) ? read : undefined;
    banks.push({
      name: profile.name,
      profile: profile.source,
      reportDir: relative(options.reportDir, dir) || '.',
      exitCode,
      conformant: exitCode === 0,
      ...(error ? { error } : {}),
      ...(report ? { summary: report.summary } : {}),
      deviations: report ? deviationsOf(report) : {},
    });
    if (exitCode === 130 || exitCode === 143) break; // interrupted: the banks not yet run are left out
  }
  const combined = combine(banks, version());
  mkdirSync(options.reportDir, { recursive: true });
  writeFileSync(join(options.reportDir, COMBINED_FILES.json), `${JSON.stringify(combined, null, 2)}\n`);
  writeFileSync(join(options.reportDir, COMBINED_FILES.html), renderCombinedHtml(combined));
  print('');
  for (const b of banks) print(`${b.conformant ? 'CONFORMANT    ' : 'NOT CONFORMANT'} ${b.name} (exit ${b.exitCode})${b.error ? `: ${b.error}` : ''}`);
  print(`combined: ${join(options.reportDir, COMBINED_FILES.html)}, ${join(options.reportDir, COMBINED_FILES.json)}`);
  return combined.exitCode;
}
