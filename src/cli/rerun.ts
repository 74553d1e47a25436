import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ConformanceReport } from '../report/model.js';
import { reportProblems } from '../report/validate.js';
import { UsageError } from './usage.js';

export interface RerunSelection {
  file: string;
  /** Keys of the failed test cases (scenario id and matrix cell). */
  keys: string[];
  /** How many test cases failed in the saved report. */
  failed: number;
}

/** The failed test cases of a saved report.json; anything else than a report is a UsageError. */
export function readRerunSelection(given: string): RerunSelection {
  const file = resolve(given);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--rerun-failed: cannot read ${given} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`--rerun-failed: ${given} is not a report.json of xs2a-conformance (not JSON)`);
  }
  const problems = reportProblems(value);
  if (problems.length) {
    throw new UsageError(`--rerun-failed: ${given} is not a report.json of xs2a-conformance (${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''})`);
  }
  const report = value as ConformanceReport;
  const failed = report.tests.filter((t) => t.state === 'failed');
  return { file, keys: [...new Set(failed.flatMap((t) => (t.key ? [t.key] : [])))], failed: failed.length };
}
