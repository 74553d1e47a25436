import type { Finding, Level } from '../checks/check.js';
import type { Exchange } from '../http/exchange.js';
import type { Cell } from '../scenario/types.js';

/** report.json: the conformance result of one run. Its JSON Schema is report.schema.json beside this file. */

export type TestState = 'passed' | 'failed' | 'not-applicable' | 'skipped';

export interface ReportTest {
  name: string;
  /** Stable identity across runs: scenario id and matrix cell (what `--rerun-failed` selects by). */
  key?: string;
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
  /** A curl command that sends the finding's request again (secrets as placeholders). */
  curl?: string;
  /** A property test's finding: the command that replays its shrunk counterexample (property, seed, fast-check path). */
  replay?: string;
}

/** A state machine's transitions as the run observed them (filled by the lifecycle tracker). */
export interface StateGraph {
  /** e.g. transactionStatus, consentStatus, scaStatus. */
  machine: string;
  nodes: string[];
  edges: Array<{ from: string; to: string; count: number; illegal: boolean }>;
}

/** One shard of a merged run. */
export interface ShardRun {
  index: number;
  count: number;
  target: string;
  startedAt: string;
  finishedAt: string;
}

export interface RunInfo {
  startedAt: string;
  finishedAt: string;
  target: string;
  bundledBank: boolean;
  defects: string[];
  profile: { name: string; file: string };
  spec: { title: string; version: string; sha256: string; file: string };
  /** Seed of the property tests (`--seed`; printed at the start of the run). */
  seed?: number;
  /** Set on the run of one shard (`--shard i/n`). */
  shard?: { index: number; count: number };
  /** Set on a merged report: the shards it was merged from. */
  shards?: ShardRun[];
  /** Set on a rerun: the report whose failed test cases ran again. */
  rerunOf?: string;
  /** `--filter`, when the run was narrowed by test name. */
  filter?: string;
  /** Set when a signal ended the run early: the report holds the test cases that finished before it. */
  partial?: true;
  /** The signal that ended a partial run. */
  signal?: 'SIGINT' | 'SIGTERM';
  /** Set when the report judges recorded or proxied traffic instead of scenarios. */
  traffic?: TrafficSource;
}

export interface TrafficSource {
  /** The traffic file, or the proxy's address. */
  source: string;
  exchanges: number;
  matched: number;
  withoutResponse: number;
  /** Requests that match no operation, grouped by shape. */
  unmatched: { method: string; path: string; count: number; first: string }[];
  /** Why the traffic stopped early; what came before was judged. */
  error?: string;
}

export interface ConformanceReport {
  tool: { name: 'xs2a-conformance'; version: string };
  run: RunInfo;
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
  /** Observed state machines; absent until the lifecycle tracker fills it. */
  stateGraphs?: StateGraph[];
  /** Problems of the run itself (a suite that could not load, an unhandled error). */
  errors: string[];
}
