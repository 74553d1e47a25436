/**
 * A setup file of the CLI's runs, evaluated in each vitest worker. Ctrl-C in a terminal sends
 * SIGINT to every process of the group, the workers too: they leave it to the CLI, which cancels
 * the run gracefully (the test cases under way finish and the reports are written). Without this
 * a worker would die mid-test and take its test cases' results with it.
 */
const MARK = Symbol.for('xs2a-conformance.worker-ignores-sigint');
const global = globalThis as { [MARK]?: true };
if (!global[MARK]) {
  global[MARK] = true;
  process.on('SIGINT', () => {});
}
