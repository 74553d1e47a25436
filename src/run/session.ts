import { CHECKS, judgeExchange, learnFrom, Observations } from '../checks/index.js';
import type { Check, Finding } from '../checks/check.js';
import { contextOf } from '../checks/judge.js';
import { Client, type OutgoingRequest } from '../http/client.js';
import type { Exchange } from '../http/exchange.js';
import { redactExchange, redactText } from '../http/redact.js';
import type { Profile } from '../profile/types.js';
import { secretsOf } from '../profile/load.js';
import type { Spec } from '../spec/types.js';
import { loadMachines, type StateMachine } from '../lifecycle/machine.js';
import { LifecycleTracker, type ObservedEdge } from '../lifecycle/tracker.js';
import { applyAccepted } from './accepted.js';

const machinesByProfile = new Map<string, ReadonlyMap<string, StateMachine>>();

/** The state machines a profile judges with (bundled ones, changed or added to by the profile's files); loaded once. */
export function machinesFor(profile: Profile): ReadonlyMap<string, StateMachine> {
  let machines = machinesByProfile.get(profile.source);
  if (!machines) machinesByProfile.set(profile.source, (machines = loadMachines(profile.stateMachines)));
  return machines;
}

/**
 * What one scenario run sends and learns: every exchange goes through here, is judged by every
 * check, then feeds the observation store (what later exchanges' checks may know of it), and is
 * kept (redacted) with its findings for the reports. Sessions may share one store.
 */
export class Session {
  readonly exchanges: Exchange[] = [];
  readonly findings: Finding[] = [];
  readonly #basePath: string;
  readonly #secrets: string[];
  readonly #tracker: LifecycleTracker;

  constructor(
    readonly baseUrl: string,
    readonly spec: Spec,
    readonly profile: Profile,
    readonly client: Client,
    readonly checks: readonly Check[] = CHECKS,
    readonly observations: Observations = new Observations(),
  ) {
    this.#basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
    this.#secrets = secretsOf(profile);
    this.#tracker = new LifecycleTracker(machinesFor(profile));
  }

  /** Send a request, judge the exchange, keep the redacted copy; the raw exchange is returned to the flow. */
  async send(req: OutgoingRequest): Promise<{ exchange: Exchange; findings: Finding[] }> {
    const exchange = await this.client.send(req);
    let findings: Finding[] = [];
    if (exchange.response) {
      const ctx = contextOf(exchange, this.spec, this.#basePath, this.observations);
      findings = [...judgeExchange(exchange, this.checks, ctx), ...this.#tracker.observe(exchange, ctx.match, ctx.responseJson)];
      learnFrom(exchange, ctx, this.observations);
    }
    this.exchanges.push(redactExchange(exchange, this.#secrets));
    return { exchange, findings: this.#keep(findings) };
  }

  /** Judgements that need the whole run of exchanges (the lifecycle tracker's); call once at the end. */
  finish(): Finding[] {
    return this.#keep(this.#tracker.finish());
  }

  /** The status transitions this session observed, for the reports' state graphs. */
  observedTransitions(): ObservedEdge[] {
    return this.#tracker.edges();
  }

  #keep(findings: Finding[]): Finding[] {
    const kept = applyAccepted(findings, this.profile.accepted).map((f) => this.#redactFinding(f));
    this.findings.push(...kept);
    return kept;
  }

  #redactFinding(f: Finding): Finding {
    const message = redactText(f.message, this.#secrets);
    if (!f.evidence) return { ...f, message };
    return { ...f, message, evidence: JSON.parse(redactText(JSON.stringify(f.evidence), this.#secrets)) as Record<string, unknown> };
  }
}
