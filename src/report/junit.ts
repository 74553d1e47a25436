import type { ConformanceReport } from './model.js';

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * JUnit XML of a report built outside vitest (recorded traffic, the proxy, a run that could not
 * start): one test case per report test, failures with their reasons, run errors as errors.
 */
export function junitOfReport(report: ConformanceReport): string {
  const cases = report.tests.map((t) => {
    const head = `    <testcase classname="xs2a-conformance" name="${xml(t.name)}" time="${(t.durationMs / 1000).toFixed(3)}"`;
    if (t.state === 'failed') return `${head}><failure message="${xml(t.failures[0] ?? 'failed')}">${xml(t.failures.join('\n'))}</failure></testcase>`;
    if (t.state === 'not-applicable' || t.state === 'skipped') return `${head}><skipped/></testcase>`;
    return `${head}/>`;
  });
  const errors = report.errors.map((e) => `    <testcase classname="xs2a-conformance" name="run"><error message="${xml(e)}"/></testcase>`);
  const tests = cases.length + errors.length;
  const failures = report.tests.filter((t) => t.state === 'failed').length;
  const skipped = report.tests.filter((t) => t.state === 'not-applicable' || t.state === 'skipped').length;
  const counts = `tests="${tests}" failures="${failures}" errors="${errors.length}" skipped="${skipped}"`;
  return `<?xml version="1.0" encoding="UTF-8" ?>\n<testsuites name="xs2a-conformance" ${counts}>\n  <testsuite name="xs2a-conformance" ${counts}>\n${[...cases, ...errors].join('\n')}\n  </testsuite>\n</testsuites>\n`;
}
