import { CHECKS, Observations } from '../checks/index.js';
import type { Check, Finding } from '../checks/check.js';
import { Client, type OutgoingRequest } from '../http/client.js';
import { headerOf, type Exchange } from '../http/exchange.js';
import type { OAuthTokens } from '../sca/oauth-client.js';
import type { Profile } from '../profile/types.js';
import { secretsOf } from '../profile/load.js';
import type { Spec } from '../spec/types.js';
import { loadMachines, type StateMachine } from '../lifecycle/machine.js';
import type { ObservedEdge } from '../lifecycle/tracker.js';
import { ExchangeJudge } from './exchange-judge.js';

const machinesByProfile = new Map<string, ReadonlyMap<string, StateMachine>>();

/** The state machines a profile judges with (bundled ones, changed or added to by the profile's files); loaded once. */
export function machinesFor(profile: Profile): ReadonlyMap<string, StateMachine> {
  let machines = machinesByProfile.get(profile.source);
  if (!machines) machinesByProfile.set(profile.source, (machines = loadMachines(profile.stateMachines)));
  return machines;
}

/**
 * What one scenario run sends and learns: every exchange goes through here, is judged by the
 * exchange judge (every check, the lifecycle tracker, the shared observation store), and is kept
 * (redacted) with its findings for the reports. Sessions may share one observation store.
 */
export class Session {
  readonly exchanges: Exchange[] = [];
  readonly findings: Finding[] = [];
  readonly #judge: ExchangeJudge;
  /** The OAuth tokens the flow holds (src/sca/oauth-client.ts): XS2A calls (those with an X-Request-ID) carry the access token as Bearer. */
  oauthTokens: OAuthTokens | undefined;

  constructor(
    readonly baseUrl: string,
    readonly spec: Spec,
    readonly profile: Profile,
    readonly client: Client,
    checks: readonly Check[] = CHECKS,
    observations: Observations = new Observations(),
  ) {
    this.#judge = new ExchangeJudge({
      spec,
      machines: machinesFor(profile),
      accepted: profile.accepted,
      secrets: secretsOf(profile),
      basePath: new URL(baseUrl).pathname.replace(/\/+$/, ''),
      checks,
      observations,
    });
  }

  /** Send a request, judge the exchange, keep the redacted copy; the raw exchange is returned to the flow. */
  async send(req: OutgoingRequest): Promise<{ exchange: Exchange; findings: Finding[] }> {
    const exchange = await this.client.send(this.#withBearer(req));
    const { findings } = this.#judge.judge(exchange);
    this.exchanges.push(this.#judge.redact(exchange));
    this.findings.push(...findings);
    return { exchange, findings };
  }

  #withBearer(req: OutgoingRequest): OutgoingRequest {
    const token = this.oauthTokens?.accessToken;
    if (!token || headerOf(req.headers, 'x-request-id') === undefined || headerOf(req.headers, 'authorization') !== undefined) return req;
    return { ...req, headers: { ...req.headers, authorization: `Bearer ${token}` } };
  }

  /**
   * Call a test hook of the bank (outside the XS2A API, declared by the profile): the exchange is
   * kept (redacted) for the reports but judged by no check; it is not the interface under test.
   */
  async sendHook(req: OutgoingRequest): Promise<Exchange> {
    const exchange = await this.client.send(req);
    this.#judge.learnSecrets(exchange);
    this.exchanges.push(this.#judge.redact(exchange));
    return exchange;
  }

  /**
   * An SCA driver carried the authorisation through: its scaStatus must be final by the end of
   * the session (judged in finish() as sca.status-final).
   */
  expectFinalScaStatus(authorisationId: string, exchangeId: string): void {
    this.#judge.expectFinal(`authorisation:${authorisationId}`, exchangeId);
  }

  /** Judgements that need the whole run of exchanges (the lifecycle tracker's); call once at the end. */
  finish(): Finding[] {
    const findings = this.#judge.finish();
    this.findings.push(...findings);
    return findings;
  }

  /**
   * A secret the flow learned from what the bank sent (a confirmation code in the query of the
   * redirect back): redacted from here on, and from the exchanges and findings already kept.
   */
  learnSecret(value: string): void {
    this.#judge.addSecret(value);
    this.exchanges.splice(0, this.exchanges.length, ...this.exchanges.map((ex) => this.#judge.redact(ex)));
    this.findings.splice(
      0,
      this.findings.length,
      ...this.findings.map((f) => ({
        ...f,
        message: this.#judge.redactText(f.message),
        ...(f.evidence ? { evidence: JSON.parse(this.#judge.redactText(JSON.stringify(f.evidence))) as Record<string, unknown> } : {}),
      })),
    );
  }

  /** A text for the reports (a failed expectation quotes what the bank sent): the profile's secrets and every credential seen replaced. */
  redact(text: string): string {
    return this.#judge.redactText(text);
  }

  /** The status transitions this session observed, for the reports' state graphs. */
  observedTransitions(): ObservedEdge[] {
    return this.#judge.edges();
  }
}
