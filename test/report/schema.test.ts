import { describe, expect, it } from 'vitest';
import { reportProblems } from '../../src/report/validate.js';
import { sampleReport, SAMPLE_GRAPHS } from './sample-report.js';

describe('report.schema.json', () => {
  it('accepts a built report, with or without state graphs', () => {
    expect(reportProblems(sampleReport())).toEqual([]);
    expect(reportProblems(sampleReport(SAMPLE_GRAPHS))).toEqual([]);
  });

  it('names what is wrong in something that is not a report', () => {
    expect(reportProblems({ hello: 'world' })[0]).toMatch(/must have required property/);
    const report = sampleReport() as unknown as Record<string, unknown>;
    expect(reportProblems({ ...report, extra: 1 })).toEqual(["/: must NOT have additional properties 'extra'"]);
    const bad = sampleReport();
    (bad.summary as { tests: unknown }).tests = -1;
    bad.stateGraphs = [{ machine: 'x', nodes: [], edges: [{ from: 'a', to: 'b', count: 1 } as never] }];
    const problems = reportProblems(bad);
    expect(problems).toContain('/summary/tests: must be >= 0');
    expect(problems.some((p) => p.startsWith('/stateGraphs/0/edges/0'))).toBe(true);
  });
});
