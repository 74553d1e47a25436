import { isFailure } from '../run/accepted.js';
import { buildReport, type FinishedTest } from '../report/build.js';
import type { ConformanceReport, RunInfo } from '../report/model.js';
import { stateGraphsOf } from '../report/state-graphs.js';
import type { TrafficVerdict } from './check-traffic.js';

const UNMATCHED = '(no operation)';

/**
 * The report of judged traffic, in the same shape as a run's: one test case per operation seen
 * (failed when one of its exchanges has a MUST finding), findings with their exchanges, the
 * observed state graphs, and the traffic's own figures under run.traffic.
 */
export function reportOfTraffic(verdict: TrafficVerdict, run: Omit<RunInfo, 'traffic'>, source: string, version: string): ConformanceReport {
  const evidence = new Map(verdict.evidence.map((e) => [e.id, e]));
  const byOperation = new Map<string, TrafficVerdict['findings']>();
  for (const op of verdict.operations) byOperation.set(op, []);
  for (const f of verdict.findings) {
    const op = f.operation ?? UNMATCHED;
    if (!byOperation.has(op)) byOperation.set(op, []);
    byOperation.get(op)!.push(f);
  }
  const tests: FinishedTest[] = [...byOperation].map(([operation, findings]) => {
    const failing = findings.filter(isFailure);
    const exchanges = [...new Set(findings.map((f) => f.exchangeId))].flatMap((id) => (id && evidence.has(id) ? [evidence.get(id)!] : []));
    return {
      name: `traffic › ${operation}`,
      state: failing.length ? 'failed' : 'passed',
      durationMs: 0,
      errors: [],
      meta: {
        scenario: 'traffic',
        title: operation,
        source,
        cell: {},
        steps: [],
        failures: failing.map((f) => `${f.check}: ${f.message}`),
        findings,
        exchanges,
      },
    };
  });
  const traffic = {
    source,
    exchanges: verdict.exchanges,
    matched: verdict.matched,
    withoutResponse: verdict.withoutResponse,
    unmatched: verdict.unmatched,
    ...(verdict.error ? { error: verdict.error } : {}),
  };
  return buildReport(tests, { ...run, traffic }, version, verdict.error ? [verdict.error] : [], stateGraphsOf([verdict.edges]));
}
