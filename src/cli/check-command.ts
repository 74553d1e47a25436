import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { junitOfReport } from '../report/junit.js';
import { REPORT_FILES, writeReports } from '../report/write.js';
import { checkTraffic } from '../traffic/check-traffic.js';
import { readHar } from '../traffic/har.js';
import { readJsonLines } from '../traffic/jsonl.js';
import { reportOfTraffic } from '../traffic/traffic-report.js';
import { version } from '../version.js';
import { afterRun } from './after-run.js';
import { judgeSetup } from './judge-setup.js';
import { UsageError } from './usage.js';

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        spec: { type: 'string' },
        profile: { type: 'string' },
        'report-dir': { type: 'string', default: 'reports' },
        'base-path': { type: 'string' },
        format: { type: 'string' },
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
 * `xs2a-conformance check FILE`: judge recorded traffic (HAR 1.2, or JSON Lines of exchanges)
 * with every check and the lifecycle tracker, streaming, and write the same reports as a run.
 * Exit 0 conformant, 1 a MUST finding, 2 when the file is broken (what came before is reported).
 */
export async function checkCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  if (positionals.length !== 1) throw new UsageError('check takes one traffic file: xs2a-conformance check FILE.har');
  const file = resolve(positionals[0]!);
  const format = values.format ?? (/\.jsonl$|\.ndjson$/i.test(file) ? 'jsonl' : 'har');
  if (format !== 'har' && format !== 'jsonl') throw new UsageError(`--format must be har or jsonl, not '${format}'`);
  const setup = await judgeSetup(values.profile, values.spec);
  const basePath = values['base-path'] ?? (setup.profile.baseUrl ? new URL(setup.profile.baseUrl).pathname.replace(/\/+$/, '') : undefined);
  const stream = format === 'har' ? readHar(file) : readJsonLines(file);
  const verdict = await checkTraffic(stream, { ...setup.options, ...(basePath ? { basePath } : {}) });
  const report = reportOfTraffic(verdict, { ...setup.runInfo(file), finishedAt: new Date().toISOString() }, file, version());
  const reportDir = resolve(values['report-dir']);
  writeReports(reportDir, report, verdict.evidence.map((exchange) => ({ exchange })));
  writeFileSync(join(reportDir, REPORT_FILES.junit), junitOfReport(report));
  const print = (line: string) => process.stdout.write(`${line}\n`);
  if (!values.quiet) {
    print(`${verdict.exchanges} exchanges, ${verdict.matched} matched an operation, ${verdict.unmatched.reduce((n, u) => n + u.count, 0)} did not`);
    for (const u of verdict.unmatched.slice(0, 10)) print(`  no operation: ${u.method} ${u.path} (${u.count}×)`);
  }
  const code = afterRun(report, { reportDir, print });
  if (verdict.error) {
    process.stderr.write(`xs2a-conformance: ${verdict.error}\n`);
    return 2;
  }
  return code;
}
