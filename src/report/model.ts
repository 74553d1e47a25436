import type { Finding, Level } from '../checks/check.js';
import type { Exchange } from '../http/exchange.js';
import type { Cell } from '../scenario/types.js';

export type TestState = 'passed' | 'failed' | 'not-applicable' | 'skipped';

export interface ReportTest {
  name: string;
  scenario?: string;
  source?: string;
  cell?: Cell;
  state: TestState;
  /** Failed flow expectations and errors, one line each. */
  failures: string[];
  notApplicable?: string;
  findings: number;
  durationMs: number;
}

export interface MatrixRow extends Cell {
  passed: number;
  failed: number;
  notApplicable: number;
}

export interface ReportFinding extends Finding {
  scenario?: string;
  step?: string;
  cell?: string;
  test?: string;
}

/** report.json: the conformance result of one run. */
export interface ConformanceReport {
  tool: { name: 'xs2a-conformance'; version: string };
  run: {
    startedAt: string;
    finishedAt: string;
    target: string;
    bundledBank: boolean;
    defects: string[];
    profile: { name: string; file: string };
    spec: { title: string; version: string; sha256: string; file: string };
  };
  summary: {
    tests: number;
    passed: number;
    failed: number;
    notApplicable: number;
    skipped: number;
    findings: Record<Level, number> & { accepted: number };
    /** No test failed: no MUST finding and every flow went as expected. */
    conformant: boolean;
  };
  matrix: MatrixRow[];
  tests: ReportTest[];
  findings: ReportFinding[];
  /** The (redacted) exchanges the findings and failures point at, by id. */
  exchanges: Exchange[];
  /** Problems of the run itself (a suite that could not load, an unhandled error). */
  errors: string[];
}
