import { CHECKS, judgeExchange, learnFrom, Observations } from '../checks/index.js';
import type { Check, Finding } from '../checks/check.js';
import { contextOf } from '../checks/judge.js';
import type { Exchange } from '../http/exchange.js';
import { credentialsIn, redactExchange, redactText } from '../http/redact.js';
import type { StateMachine } from '../lifecycle/machine.js';
import { LifecycleTracker, type ObservedEdge } from '../lifecycle/tracker.js';
import type { AcceptedDeviation } from '../profile/types.js';
import type { OperationMatch, Spec } from '../spec/types.js';
import { applyAccepted } from './accepted.js';

export interface ExchangeJudgeOptions {
  spec: Spec;
  machines: ReadonlyMap<string, StateMachine>;
  accepted?: readonly AcceptedDeviation[];
  /** Secret values never to appear in a finding (the judge adds the credentials it sees in the stream). */
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
 * secrets kept out of every finding. The secrets are the profile's and every credential the
 * stream has shown so far (a token in an Authorization header, a password field), so that a bank
 * that echoes one back elsewhere does not get it into a report.
 */
export class ExchangeJudge {
  readonly #tracker: LifecycleTracker;
  /** What earlier exchanges of the stream showed, for the checks that span exchanges. */
  readonly #observations: Observations;
  readonly #secrets: Set<string>;

  constructor(private readonly options: ExchangeJudgeOptions) {
    this.#tracker = new LifecycleTracker(options.machines);
    this.#observations = options.observations ?? new Observations();
    this.#secrets = new Set(options.secrets ?? []);
  }

  /** Remember the credentials an exchange carries; `judge` does it for every exchange it judges. */
  learnSecrets(ex: Exchange): void {
    for (const s of credentialsIn(ex)) this.#secrets.add(s);
  }

  /** Remember a secret the flow learned outside any credential field (a confirmation code under a bank's own query parameter). */
  addSecret(value: string): void {
    if (value.trim() !== '') this.#secrets.add(value.trim());
  }

  /** The secret values known so far: the profile's and those the stream showed. */
  get secrets(): readonly string[] {
    return [...this.#secrets];
  }

  /** The copy of an exchange reports may keep. */
  redact(ex: Exchange): Exchange {
    return redactExchange(ex, this.secrets);
  }

  /** A text (a failed expectation, a message) as reports may keep it. */
  redactText(text: string): string {
    return redactText(text, this.secrets);
  }

  judge(ex: Exchange): { findings: Finding[]; match?: OperationMatch } {
    this.learnSecrets(ex);
    const ctx = contextOf(ex, this.options.spec, this.options.basePath, this.#observations);
    const findings = judgeExchange(ex, this.options.checks ?? CHECKS, ctx);
    if (ex.response) findings.push(...this.#tracker.observe(ex, ctx.match, ctx.responseJson));
    learnFrom(ex, ctx, this.#observations);
    return { findings: this.#finalise(findings), ...(ctx.match ? { match: ctx.match } : {}) };
  }

  /** An authorisation an SCA driver carried through: judged at finish() (sca.status-final). */
  expectFinal(resource: string, exchangeId: string): void {
    this.#tracker.expectFinal(resource, exchangeId);
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
    const secrets = this.secrets;
    return applyAccepted(findings, this.options.accepted ?? []).map((f) => {
      const message = redactText(f.message, secrets);
      if (!f.evidence) return { ...f, message };
      return { ...f, message, evidence: JSON.parse(redactText(JSON.stringify(f.evidence), secrets)) as Record<string, unknown> };
    });
  }
}
