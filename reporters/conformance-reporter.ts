import type { SerializedError } from 'vitest';
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import { buildReport, type FinishedTest } from '../src/report/build.js';
import type { ConformanceReport } from '../src/report/model.js';
import { writeReportJson } from '../src/report/write.js';
import '../src/report/test-meta.js';

export interface ConformanceReporterOptions {
  reportDir: string;
  version: string;
  /** Run metadata except the finish time, filled in at the end. */
  run: Omit<ConformanceReport['run'], 'finishedAt'>;
}

function finished(test: TestCase): FinishedTest {
  const result = test.result();
  const diagnostic = test.diagnostic();
  return {
    name: test.fullName,
    state: result.state,
    durationMs: diagnostic?.duration ?? 0,
    errors: (result.errors ?? []).map((e) => e.message ?? String(e)),
    ...(test.meta().xs2a ? { meta: test.meta().xs2a } : {}),
  };
}

/** Writes report.json from every test's meta once the run ends. */
export class ConformanceReporter implements Reporter {
  report?: ConformanceReport;

  constructor(private readonly options: ConformanceReporterOptions) {}

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>): void {
    const tests: FinishedTest[] = [];
    const errors: string[] = unhandled.map((e) => `unhandled error: ${e.message}`);
    for (const mod of modules) {
      for (const e of mod.errors()) errors.push(`${mod.moduleId}: ${e.message}`);
      for (const test of mod.children.allTests()) tests.push(finished(test));
    }
    this.report = buildReport(tests, { ...this.options.run, finishedAt: new Date().toISOString() }, this.options.version, errors);
    writeReportJson(this.options.reportDir, this.report);
  }
}
