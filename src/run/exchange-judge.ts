import { CHECKS, judgeExchange, learnFrom, Observations } from '../checks/index.js';
import type { Check, Finding } from '../checks/check.js';
import { contextOf } from '../checks/judge.js';
import type { Exchange } from '../http/exchange.js';
import { redactText } from '../http/redact.js';
import type { StateMachine } from '../lifecycle/machine.js';
import { LifecycleTracker, type ObservedEdge } from '../lifecycle/tracker.js';
import type { AcceptedDeviation } from '../profile/types.js';
import type { OperationMatch, Spec } from '../spec/types.js';
import { applyAccepted } from './accepted.js';

export interface ExchangeJudgeOptions {
  spec: Spec;
  machines: ReadonlyMap<string, StateMachine>;
  accepted?: readonly AcceptedDeviation[];
  /** Secret values never to appear in a finding. */
  secrets?: readonly string[];
  /** Path prefix of the target, stripped before matching operations. */
  basePath?: string;
  checks?: readonly Check[];
  /** What earlier exchanges showed (consents' access, …); judges of one run may share it. */
  observations?: Observations;
}

/**
 * Judges a stream of exchanges, whoever made them (a scenario, a recorded HAR, the proxy): every
 * exchange check, then the lifecycle tracker; the profile's accepted deviations applied and
 * secrets kept out of every finding.
 */
export class ExchangeJudge {
  readonly #tracker: LifecycleTracker;
  /** What earlier exchanges of the stream showed, for the checks that span exchanges. */
  readonly #observations: Observations;

  constructor(private readonly options: ExchangeJudgeOptions) {
    this.#tracker = new LifecycleTracker(options.machines);
    this.#observations = options.observations ?? new Observations();
  }

  judge(ex: Exchange): { findings: Finding[]; match?: OperationMatch } {
    const ctx = contextOf(ex, this.options.spec, this.options.basePath, this.#observations);
    const findings = judgeExchange(ex, this.options.checks ?? CHECKS, ctx);
    if (ex.response) findings.push(...this.#tracker.observe(ex, ctx.match, ctx.responseJson));
    learnFrom(ex, ctx, this.#observations);
    return { findings: this.#finalise(findings), ...(ctx.match ? { match: ctx.match } : {}) };
  }

  /** Judgements that need the whole stream; call once at its end. */
  finish(): Finding[] {
    return this.#finalise(this.#tracker.finish());
  }

  /** The status transitions observed so far. */
  edges(): ObservedEdge[] {
    return this.#tracker.edges();
  }

  #finalise(findings: Finding[]): Finding[] {
    const secrets = this.options.secrets ?? [];
    return applyAccepted(findings, this.options.accepted ?? []).map((f) => {
      const message = redactText(f.message, secrets);
      if (!f.evidence) return { ...f, message };
      return { ...f, message, evidence: JSON.parse(redactText(JSON.stringify(f.evidence), secrets)) as Record<string, unknown> };
    });
  }
}
