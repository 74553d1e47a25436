import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startVitest } from 'vitest/node';
import { packageRoot } from '../paths.js';
import { version } from '../version.js';
import { afterRun } from './after-run.js';
import { runReporters } from './reporters.js';
import { mergedRunInfo, readShardResults } from './shard.js';
import { UsageError } from './usage.js';

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        'report-dir': { type: 'string', default: 'reports' },
        bundle: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/**
 * `xs2a-conformance merge DIR...`: the shards' vitest blobs replayed through the same reporters an
 * unsharded run has, so the merged report.json, report.html, traffic.har, junit.xml and
 * allure-results are what one run would have written.
 */
export async function mergeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  const { blobs, records } = readShardResults(positionals);
  const reportDir = resolve(values['report-dir']);
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const quiet = values.quiet || process.env['CI'] === 'true';
  mkdirSync(reportDir, { recursive: true });
  // vitest merges one folder holding only blob files: gather the shards' blobs there.
  const gathered = mkdtempSync(join(tmpdir(), 'xs2a-merge-'));
  try {
    for (const [i, blob] of blobs.entries()) copyFileSync(blob, join(gathered, `${i}-${basename(blob)}`));
    const { conformance, reporters } = runReporters({ reportDir, version: version(), run: mergedRunInfo(records) });
    if (!quiet) print(`xs2a-conformance ${version()}: merging ${records.length} shards`);
    const vitest = await startVitest(
      'test',
      [],
      { config: false, root: packageRoot(), watch: false, mergeReports: gathered, reporters },
      { cacheDir: join(packageRoot(), 'node_modules', '.vite') },
    );
    await vitest.close();
    process.exitCode = 0; // vitest sets it on failed tests; the verdict is ours
    const report = conformance.report;
    if (!report) throw new Error('the merge ended without a report');
    return afterRun(report, { reportDir, print, ...(values.bundle ? { bundle: { profileText: records[0]!.profileText } } : {}) });
  } finally {
    rmSync(gathered, { recursive: true, force: true });
  }
}
