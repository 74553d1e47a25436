import type { Level } from '../checks/check.js';
import { isFailure } from '../run/accepted.js';
import { testKey } from '../run/plan.js';
import { cellName } from '../scenario/types.js';
import { curlCommand } from './curl.js';
import type { ConformanceReport, MatrixRow, ReportFinding, ReportTest, StateGraph, TestState } from './model.js';
import type { ScenarioTestMeta } from './test-meta.js';

/** One test case as the runner finished it. */
export interface FinishedTest {
  name: string;
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  durationMs: number;
  errors: string[];
  meta?: ScenarioTestMeta;
}

function stateOf(t: FinishedTest): TestState {
  if (t.meta?.notApplicable) return 'not-applicable';
  if (t.state === 'passed' || t.state === 'failed') return t.state;
  return 'skipped';
}

function matrixOf(tests: ReportTest[]): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  for (const t of tests) {
    if (!t.cell || (!t.cell.service && !t.cell.approach)) continue;
    const key = cellName(t.cell);
    const row = rows.get(key) ?? { ...t.cell, passed: 0, failed: 0, notApplicable: 0 };
    if (t.state === 'passed') row.passed++;
    else if (t.state === 'failed') row.failed++;
    else if (t.state === 'not-applicable') row.notApplicable++;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => cellName(a).localeCompare(cellName(b)));
}

export function buildReport(
  tests: FinishedTest[],
  run: ConformanceReport['run'],
  version: string,
  errors: string[] = [],
  stateGraphs?: StateGraph[],
): ConformanceReport {
  const reportTests: ReportTest[] = [];
  const findings: ReportFinding[] = [];
  const exchanges: ConformanceReport['exchanges'] = [];
  for (const t of tests) {
    const meta = t.meta;
    const state = stateOf(t);
    // A case that failed only for MUST findings lists none here: its findings say why.
    const failedByFindings = meta?.findings.some(isFailure) ?? false;
    const failures = meta?.failures.length ? meta.failures : state === 'failed' && !failedByFindings ? t.errors : [];
    reportTests.push({
      name: t.name,
      ...(meta ? { key: testKey(meta.scenario, meta.cell), scenario: meta.scenario, source: meta.source, cell: meta.cell } : {}),
      state,
      failures: state === 'failed' ? failures : [],
      ...(meta?.notApplicable ? { notApplicable: meta.notApplicable } : {}),
      findings: meta?.findings.length ?? 0,
      durationMs: Math.round(t.durationMs),
    });
    if (!meta) continue;
    const wanted = new Set<string>();
    const byId = new Map(meta.exchanges.map((e) => [e.id, e]));
    for (const f of meta.findings) {
      const exchange = f.exchangeId ? byId.get(f.exchangeId) : undefined;
      findings.push({
        ...f,
        scenario: meta.scenario,
        ...(f.origin?.step ? { step: f.origin.step } : {}),
        cell: cellName(meta.cell),
        test: t.name,
        ...(exchange ? { curl: curlCommand(exchange.request) } : {}),
        ...(typeof f.evidence?.['replay'] === 'string' ? { replay: f.evidence['replay'] } : {}),
      });
      if (f.exchangeId) wanted.add(f.exchangeId);
    }
    for (const s of meta.steps) if (!s.ok) s.exchangeIds.forEach((id) => wanted.add(id));
    exchanges.push(...meta.exchanges.filter((e) => wanted.has(e.id)));
  }
  const count = (s: TestState) => reportTests.filter((t) => t.state === s).length;
  const byLevel = (l: Level) => findings.filter((f) => f.level === l).length;
  const failed = count('failed');
  return {
    tool: { name: 'xs2a-conformance', version },
    run,
    summary: {
      tests: reportTests.length,
      passed: count('passed'),
      failed,
      notApplicable: count('not-applicable'),
      skipped: count('skipped'),
      findings: { MUST: byLevel('MUST'), SHOULD: byLevel('SHOULD'), INFO: byLevel('INFO'), accepted: findings.filter((f) => f.accepted).length },
      // An interrupted run judged only part of the suite: it cannot say the bank conforms.
      conformant: failed === 0 && errors.length === 0 && !run.partial,
    },
    matrix: matrixOf(reportTests),
    tests: reportTests,
    findings,
    exchanges,
    ...(stateGraphs?.length ? { stateGraphs } : {}),
    errors,
  };
}
