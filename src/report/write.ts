import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Exchange } from '../http/exchange.js';
import { buildReport } from './build.js';
import { buildHar } from './har.js';
import { renderReportHtml } from './html/page.js';
import { junitOfReport } from './junit.js';
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

/**
 * The reports of a run that could not start (the target was unreachable, a signal came first): report.json and
 * report.html with the reason in `errors`, an empty HAR, and a JUnit file with the error, so a CI
 * gate has something to show.
 */
export function writeAbortedReports(reportDir: string, run: ConformanceReport['run'], version: string, reason: string): ConformanceReport {
  const report = buildReport([], run, version, [reason]);
  writeReports(reportDir, report, []);
  writeFileSync(join(reportDir, REPORT_FILES.junit), junitOfReport(report));
  return report;
}
