/**
 * Learners: what the run remembers from each exchange, once every check has judged it (see
 * observations.ts). A learner never judges; it records facts for the checks of later exchanges.
 */
import type { Exchange } from '../http/exchange.js';
import { consentLearners } from './ais/consent-facts.js';
import type { CheckContext } from './check.js';
import { reportLearners } from './links/report-pages.js';
import { learnRedeemedCode } from './oauth/code-single-use.js';
import { scaLearners } from './sca/sca-facts.js';
import { learnConfirmation } from './sca/confirmation-required.js';
import type { Observations } from './observations.js';

export type Learner = (ex: Exchange, ctx: CheckContext, store: Observations) => void;

export const LEARNERS: readonly Learner[] = [...consentLearners, ...reportLearners, ...scaLearners, learnRedeemedCode, learnConfirmation];

/** Record what an exchange showed. A learner that throws is skipped: learning never breaks a run. */
export function learnFrom(ex: Exchange, ctx: CheckContext, store: Observations): void {
  if (!ex.response) return;
  for (const learn of LEARNERS) {
    try {
      learn(ex, ctx, store);
    } catch {
      // an unexpected body shape: nothing learned from it
    }
  }
}
