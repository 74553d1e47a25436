import { join } from 'node:path';
import type { ConformanceReport } from '../report/model.js';
import { REPORT_FILES } from '../report/write.js';
import { ALLURE_RESULTS } from './reporters.js';

/** The few lines a person reads after a run. */
export function printSummary(report: ConformanceReport, reportDir: string, print: (line: string) => void, bundle?: string): void {
  const s = report.summary;
  const byCheck = new Map<string, number>();
  for (const f of report.findings) if (f.level === 'MUST' && !f.accepted) byCheck.set(f.check, (byCheck.get(f.check) ?? 0) + 1);
  print('');
  const verdict = s.conformant ? 'CONFORMANT' : report.run.partial ? `PARTIAL (interrupted by ${report.run.signal ?? 'a signal'})` : 'NOT CONFORMANT';
  print(`${verdict}: ${s.passed} passed, ${s.failed} failed, ${s.notApplicable} not applicable`);
  print(`findings: ${s.findings.MUST} MUST, ${s.findings.SHOULD} SHOULD, ${s.findings.INFO} INFO${s.findings.accepted ? ` (${s.findings.accepted} accepted)` : ''}`);
  for (const [check, n] of [...byCheck].sort((a, b) => b[1] - a[1])) print(`  ${check}: ${n}`);
  // Accepted deviations, and acceptances that expired (their findings fail the run again).
  const tally = new Map<string, number>();
  for (const f of report.findings) {
    const where = `${f.check}${f.operation ? ` on ${f.operation}` : ''}`;
    const expired = /its acceptance expired on (\d{4}-\d{2}-\d{2})/.exec(f.message)?.[1];
    const line = f.accepted ? `  accepted${f.accepted.until ? ` until ${f.accepted.until}` : ''}: ${where} (${f.accepted.reason})` : expired ? `  acceptance expired on ${expired}: ${where}` : undefined;
    if (line) tally.set(line, (tally.get(line) ?? 0) + 1);
  }
  for (const [line, n] of tally) print(n > 1 ? `${line} ×${n}` : line);
  for (const e of report.errors) print(`error: ${e}`);
  print(`reports: ${join(reportDir, REPORT_FILES.html)}`);
  print(`         ${[REPORT_FILES.json, REPORT_FILES.junit, REPORT_FILES.har, `${ALLURE_RESULTS}/`].map((f) => join(reportDir, f)).join(', ')}`);
  if (bundle) print(`bundle:  ${bundle}`);
}
