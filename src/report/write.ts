import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport } from './build.js';
import type { ConformanceReport } from './model.js';

export function writeReportJson(reportDir: string, report: ConformanceReport): void {
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(join(reportDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The reports of a run that could not start (the target was unreachable): report.json with the
 * reason in `errors`, and a JUnit file with one failed case, so a CI gate has something to show.
 */
export function writeAbortedReports(reportDir: string, run: ConformanceReport['run'], version: string, reason: string): void {
  writeReportJson(reportDir, buildReport([], run, version, [reason]));
  writeFileSync(
    join(reportDir, 'junit.xml'),
    `<?xml version="1.0" encoding="UTF-8" ?>\n<testsuites name="xs2a-conformance" tests="1" failures="0" errors="1">\n` +
      `  <testsuite name="xs2a-conformance" tests="1" failures="0" errors="1">\n` +
      `    <testcase classname="xs2a-conformance" name="target reachable"><error message="${xml(reason)}"/></testcase>\n` +
      `  </testsuite>\n</testsuites>\n`,
  );
}
