import type { Finding } from '../checks/check.js';
import type { AcceptedDeviation } from '../profile/types.js';

/**
 * Mark findings the profile accepts as known deviations. An acceptance counts until its date
 * (inclusive); after it the finding fails again and says that its acceptance expired.
 */
export function applyAccepted(findings: Finding[], accepted: readonly AcceptedDeviation[], today = new Date().toISOString().slice(0, 10)): Finding[] {
  if (accepted.length === 0) return findings;
  return findings.map((f) => {
    const entry = accepted.find((a) => a.check === f.check && (a.operation === undefined || a.operation === f.operation));
    if (!entry) return f;
    if (entry.until !== undefined && entry.until < today) {
      return { ...f, message: `${f.message} (its acceptance expired on ${entry.until}: ${entry.reason})` };
    }
    return { ...f, accepted: { reason: entry.reason, ...(entry.until ? { until: entry.until } : {}) } };
  });
}

/** A finding that fails the run: a MUST that no profile acceptance covers. */
export const isFailure = (f: Finding): boolean => f.level === 'MUST' && f.accepted === undefined;
