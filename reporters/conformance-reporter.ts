import type { SerializedError } from 'vitest';
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { Exchange } from '../src/http/exchange.js';
import { buildReport, type FinishedTest } from '../src/report/build.js';
import { stateGraphsOf } from '../src/report/state-graphs.js';
import type { ConformanceReport } from '../src/report/model.js';
import { writeReports } from '../src/report/write.js';
import '../src/report/test-meta.js';

export interface ConformanceReporterOptions {
  reportDir: string;
  version: string;
  /** Run metadata; the finish time is the end of the run unless given (a merge gives the last shard's). */
  run: Omit<ConformanceReport['run'], 'finishedAt'> & { finishedAt?: string };
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

/**
 * Writes report.json, report.html and traffic.har from every test's meta once the run ends (or
 * once merged shards are replayed: the meta travels in vitest's blob files).
 */
export class ConformanceReporter implements Reporter {
  report?: ConformanceReport;

  #interruptedBy?: 'SIGINT' | 'SIGTERM';

  constructor(private readonly options: ConformanceReporterOptions) {}

  /** A signal is ending the run early: the report is marked partial (never conformant) and names it. */
  interrupted(signal: 'SIGINT' | 'SIGTERM'): void {
    this.#interruptedBy = signal;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>): void {
    const tests: FinishedTest[] = [];
    const traffic: Array<{ exchange: Exchange; test: string }> = [];
    const errors: string[] = unhandled.map((e) => `unhandled error: ${e.message}`);
    for (const mod of modules) {
      for (const e of mod.errors()) errors.push(`${mod.moduleId}: ${e.message}`);
      for (const test of mod.children.allTests()) {
        const t = finished(test);
        tests.push(t);
        for (const exchange of t.meta?.exchanges ?? []) traffic.push({ exchange, test: t.name });
      }
    }
    const graphs = stateGraphsOf(tests.map((t) => t.meta?.transitions ?? []));
    const partial = this.#interruptedBy ? { partial: true as const, signal: this.#interruptedBy } : {};
    this.report = buildReport(tests, { finishedAt: new Date().toISOString(), ...this.options.run, ...partial }, this.options.version, errors, graphs);
    writeReports(this.options.reportDir, this.report, traffic);
  }
}
