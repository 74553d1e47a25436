/** The combined report of a run against several banks (combined.json): a bank × check matrix of deviations. */
import type { ConformanceReport } from '../model.js';
import type { Level } from '../../checks/check.js';

export interface DeviationCell {
  MUST: number;
  SHOULD: number;
  INFO: number;
  /** Findings the bank's profile accepts: counted here, not under their level. */
  accepted: number;
}

export interface CombinedBank {
  name: string;
  /** The profile file. */
  profile: string;
  /** The bank's own reports, relative to the combined report's folder. */
  reportDir: string;
  exitCode: number;
  conformant: boolean;
  /** Why the bank's run did not happen or did not finish (unreachable, a configuration error). */
  error?: string;
  summary?: ConformanceReport['summary'];
  /** Findings by check id. */
  deviations: Record<string, DeviationCell>;
}

export interface CombinedReport {
  tool: { name: 'xs2a-conformance'; version: string };
  generatedAt: string;
  /** The worst bank's exit code. */
  exitCode: number;
  /** Every check that found something at some bank, sorted. */
  checks: string[];
  banks: CombinedBank[];
}

/** A bank's deviations by check from its report. */
export function deviationsOf(report: ConformanceReport): Record<string, DeviationCell> {
  const out: Record<string, DeviationCell> = {};
  for (const f of report.findings) {
    const cell = (out[f.check] ??= { MUST: 0, SHOULD: 0, INFO: 0, accepted: 0 });
    if (f.accepted) cell.accepted++;
    else cell[f.level as Level]++;
  }
  return out;
}

/** The worst of several exit codes: an interruption, then unreachable, configuration, failed, conformant. */
export function worstExitCode(codes: readonly number[]): number {
  return codes.reduce((worst, c) => (c > worst ? c : worst), 0);
}

export function combine(banks: CombinedBank[], version: string): CombinedReport {
  const checks = [...new Set(banks.flatMap((b) => Object.keys(b.deviations)))].sort();
  return { tool: { name: 'xs2a-conformance', version }, generatedAt: new Date().toISOString(), exitCode: worstExitCode(banks.map((b) => b.exitCode)), checks, banks };
}
