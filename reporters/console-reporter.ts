import type { Reporter, TestCase } from 'vitest/node';
import '../src/report/test-meta.js';

/** One line per finished test case while the run goes; quiet when asked to be. */
export class ConsoleReporter implements Reporter {
  constructor(private readonly out: (line: string) => void, private readonly quiet = false) {}

  onTestCaseResult(test: TestCase): void {
    if (this.quiet) return;
    const meta = test.meta().xs2a;
    const state = test.result().state;
    if (meta?.notApplicable) this.out(`  -  ${test.name}  (not applicable: ${meta.notApplicable})`);
    else if (state === 'passed') this.out(`  ✓  ${test.name}`);
    else if (state === 'failed') {
      const first = meta?.failures[0] ?? meta?.findings.find((f) => f.level === 'MUST')?.message ?? test.result().errors?.[0]?.message ?? '';
      this.out(`  ✗  ${test.name}\n       ${first.split('\n')[0]}`);
    }
  }
}
