import { rmSync } from 'node:fs';
import { join } from 'node:path';
import AllureVitestReporter from 'allure-vitest/reporter';
import type { Reporter } from 'vitest/node';
import { ConformanceReporter, type ConformanceReporterOptions } from '../../reporters/conformance-reporter.js';
import { REPORT_FILES } from '../report/write.js';

export const ALLURE_RESULTS = 'allure-results';

type ReporterEntry = Reporter | [string, Record<string, unknown>];

/**
 * The reporters of a run and of a merge, which must write the same files: report.json,
 * report.html and traffic.har (ours), junit.xml (vitest's), allure-results/ (allure-vitest's).
 * Allure results are written on every run: they cost a few hundred kB, a nightly job keeps its
 * Allure history without remembering a flag, and a merge needs them in every shard's meta anyway.
 */
export function runReporters(options: ConformanceReporterOptions, extra: ReporterEntry[] = []): { conformance: ConformanceReporter; reporters: ReporterEntry[] } {
  const conformance = new ConformanceReporter(options);
  const resultsDir = join(options.reportDir, ALLURE_RESULTS);
  rmSync(resultsDir, { recursive: true, force: true }); // results of an earlier run would mix into this one's report
  const { run } = options;
  const allure = new AllureVitestReporter({
    resultsDir,
    environmentInfo: {
      'xs2a-conformance': options.version,
      target: run.target,
      profile: run.profile.name,
      spec: `${run.spec.title} ${run.spec.version} (sha256 ${run.spec.sha256.slice(0, 12)})`,
      ...(run.defects.length ? { defects: run.defects.join(', ') } : {}),
    },
  }) as unknown as Reporter;
  return {
    conformance,
    reporters: [...extra, conformance, ['junit', { outputFile: join(options.reportDir, REPORT_FILES.junit), suiteName: 'xs2a-conformance' }], allure],
  };
}
