import type { Reporter, TestCase, TestModule, TestSpecification, Vitest } from 'vitest/node';
import '../src/report/test-meta.js';

export interface ConsoleReporterOptions {
  /** Print nothing while the run goes (CI=true or --quiet). */
  quiet?: boolean;
  /** How many test cases a suite file registers, when known before it runs (for "12/40"). */
  planned?: (moduleId: string) => number | undefined;
}

/** Progress while the run goes: a line per finished test case, numbered "done/total". */
export class ConsoleReporter implements Reporter {
  #vitest?: Vitest;
  #total = 0;
  #done = 0;
  /** Suite files of this run whose count is known only once they are collected. */
  readonly #uncounted = new Set<string>();

  constructor(
    private readonly out: (line: string) => void,
    private readonly options: ConsoleReporterOptions = {},
  ) {}

  onInit(vitest: Vitest): void {
    this.#vitest = vitest;
  }

  async onTestRunStart(specifications: ReadonlyArray<TestSpecification>): Promise<void> {
    let files = [...specifications];
    const config = this.#vitest?.config;
    // vitest announces every file and shards later; its own sequencer says which files this shard runs.
    if (this.#vitest && config?.shard) files = await new config.sequence.sequencer(this.#vitest).shard(files);
    for (const spec of files) {
      const planned = this.options.planned?.(spec.moduleId);
      if (planned === undefined) this.#uncounted.add(spec.moduleId);
      else this.#total += planned;
    }
  }

  onTestModuleCollected(module: TestModule): void {
    if (!this.#uncounted.delete(module.moduleId)) return;
    this.#total += [...module.children.allTests()].length;
  }

  onTestCaseResult(test: TestCase): void {
    this.#done++;
    if (this.options.quiet) return;
    const total = Math.max(this.#total, this.#done);
    const counter = `[${String(this.#done).padStart(String(total).length)}/${total}${this.#uncounted.size ? '+' : ''}]`;
    const meta = test.meta().xs2a;
    const state = test.result().state;
    const seconds = `${((test.diagnostic()?.duration ?? 0) / 1000).toFixed(1)} s`;
    if (meta?.notApplicable) this.out(`${counter} -  ${test.name}  (not applicable: ${meta.notApplicable})`);
    else if (state === 'passed') this.out(`${counter} ✓  ${test.name}  ${seconds}`);
    else if (state === 'failed') {
      const first = meta?.failures[0] ?? meta?.findings.find((f) => f.level === 'MUST')?.message ?? test.result().errors?.[0]?.message ?? '';
      this.out(`${counter} ✗  ${test.name}  ${seconds}\n${' '.repeat(counter.length + 4)}${first.split('\n')[0]}`);
    } else this.out(`${counter} -  ${test.name}  (skipped)`);
  }
}
