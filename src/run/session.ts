import { CHECKS, judgeExchange } from '../checks/index.js';
import type { Check, Finding } from '../checks/check.js';
import { contextOf } from '../checks/judge.js';
import { Client, type OutgoingRequest } from '../http/client.js';
import type { Exchange } from '../http/exchange.js';
import { redactExchange, redactText } from '../http/redact.js';
import type { Profile } from '../profile/types.js';
import { secretsOf } from '../profile/load.js';
import type { Spec } from '../spec/types.js';
import { applyAccepted } from './accepted.js';

/**
 * What one scenario run sends and learns: every exchange goes through here, is judged by every
 * check, and is kept (redacted) with its findings for the reports.
 */
export class Session {
  readonly exchanges: Exchange[] = [];
  readonly findings: Finding[] = [];
  readonly #basePath: string;
  readonly #secrets: string[];

  constructor(
    readonly baseUrl: string,
    readonly spec: Spec,
    readonly profile: Profile,
    readonly client: Client,
    readonly checks: readonly Check[] = CHECKS,
  ) {
    this.#basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
    this.#secrets = secretsOf(profile);
  }

  /** Send a request, judge the exchange, keep the redacted copy; the raw exchange is returned to the flow. */
  async send(req: OutgoingRequest): Promise<{ exchange: Exchange; findings: Finding[] }> {
    const exchange = await this.client.send(req);
    const findings = exchange.response
      ? applyAccepted(judgeExchange(exchange, this.checks, contextOf(exchange, this.spec, this.#basePath)), this.profile.accepted)
      : [];
    this.exchanges.push(redactExchange(exchange, this.#secrets));
    this.findings.push(...findings.map((f) => this.#redactFinding(f)));
    return { exchange, findings };
  }

  #redactFinding(f: Finding): Finding {
    const message = redactText(f.message, this.#secrets);
    if (!f.evidence) return { ...f, message };
    return { ...f, message, evidence: JSON.parse(redactText(JSON.stringify(f.evidence), this.#secrets)) as Record<string, unknown> };
  }
}
