import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Exchange } from '../http/exchange.js';
import { buildReport } from './build.js';
import { buildHar } from './har.js';
import { renderReportHtml } from './html/page.js';
import type { ConformanceReport } from './model.js';

/** The files every run writes into its report folder (besides junit.xml and allure-results/). */
export const REPORT_FILES = { json: 'report.json', html: 'report.html', har: 'traffic.har', junit: 'junit.xml' } as const;

export function writeReportJson(reportDir: string, report: ConformanceReport): void {
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(join(reportDir, REPORT_FILES.json), `${JSON.stringify(report, null, 2)}\n`);
}

/** report.json, report.html and traffic.har (every redacted exchange of the run, HAR 1.2). */
export function writeReports(reportDir: string, report: ConformanceReport, traffic: ReadonlyArray<{ exchange: Exchange; test?: string }>): void {
  writeReportJson(reportDir, report);
  writeFileSync(join(reportDir, REPORT_FILES.html), renderReportHtml(report));
  writeFileSync(join(reportDir, REPORT_FILES.har), `${JSON.stringify(buildHar(traffic, report.tool), null, 1)}\n`);
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The reports of a run that could not start (the target was unreachable): report.json and
 * report.html with the reason in `errors`, an empty HAR, and a JUnit file with one failed case,
 * so a CI gate has something to show.
 */
export function writeAbortedReports(reportDir: string, run: ConformanceReport['run'], version: string, reason: string): void {
  writeReports(reportDir, buildReport([], run, version, [reason]), []);
  writeFileSync(
    join(reportDir, REPORT_FILES.junit),
    `<?xml version="1.0" encoding="UTF-8" ?>\n<testsuites name="xs2a-conformance" tests="1" failures="0" errors="1">\n` +
      `  <testsuite name="xs2a-conformance" tests="1" failures="0" errors="1">\n` +
      `    <testcase classname="xs2a-conformance" name="target reachable"><error message="${xml(reason)}"/></testcase>\n` +
      `  </testsuite>\n</testsuites>\n`,
  );
}
