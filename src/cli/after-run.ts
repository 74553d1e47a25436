import { writeBundle } from '../report/bundle.js';
import { githubAnnotations } from '../report/github-annotations.js';
import type { ConformanceReport } from '../report/model.js';
import { printSummary } from './summary.js';

export interface AfterRunOptions {
  reportDir: string;
  /** Write the certification bundle, from this (already redacted) profile text. */
  bundle?: { profileText: string };
  print: (line: string) => void;
}

/**
 * What follows every run and merge: GitHub Actions annotations when running there, the
 * certification bundle when asked for, the summary; returns the exit code (0 conformant, 1 not).
 */
export function afterRun(report: ConformanceReport, options: AfterRunOptions): number {
  if (process.env['GITHUB_ACTIONS'] === 'true') {
    for (const line of githubAnnotations(report, { workspace: process.env['GITHUB_WORKSPACE'] ?? process.cwd() })) options.print(line);
  }
  const bundle = options.bundle ? writeBundle({ reportDir: options.reportDir, report, profileText: options.bundle.profileText }) : undefined;
  printSummary(report, options.reportDir, options.print, bundle);
  return report.summary.conformant ? 0 : 1;
}
