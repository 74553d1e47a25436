import type { Finding } from '../checks/check.js';
import type { Exchange, ExchangeOrigin } from '../http/exchange.js';
import type { OperationMatch } from '../spec/types.js';
import type { StateMachine } from './machine.js';
import { observe, type Observation, type ResourceEvent } from './observe.js';
import { LIFECYCLE_RULES, type LifecycleRule } from './rules.js';

/** One observed status of a resource, in order. */
interface Seen {
  status: string;
  source: string;
  exchangeId: string;
  /** Position in the stream of exchanges. */
  at: number;
}

interface ResourceTrack {
  machine: StateMachine;
  seen: Seen[];
  deletedAt?: number;
  /** Authorisations known for this resource, by key. */
  authorisations: Set<string>;
}

/** An edge of the observed graph of one machine. */
export interface ObservedEdge {
  machine: string;
  from: string;
  to: string;
  count: number;
  illegal: boolean;
}

export const NEW = '(new)';
/** The status endpoint of a resource (…/status), and a read of the resource itself. */
const isStatusRead = (source: string) => /Status$/.test(source) && !/ScaStatus$/.test(source);
const isResourceRead = (source: string) => /^get/.test(source) && !/Status$|Authorisation/.test(source);

/**
 * Follows every resource (payment, consent, authorisation, basket) across the exchanges of a run,
 * judges each observed transition against its machine, and keeps the observed graph.
 * Feed exchanges in the order they happened; call finish() at the end of the stream.
 */
export class LifecycleTracker {
  readonly #tracks = new Map<string, ResourceTrack>();
  readonly #edges = new Map<string, ObservedEdge>();
  readonly #findings: Finding[] = [];
  /** authorisation key → the resource it authorises; the ones that cancel it. */
  readonly #parentOf = new Map<string, string>();
  readonly #cancellations = new Set<string>();
  /** Where each exchange came from, for the findings' origin. */
  readonly #origins = new Map<string, ExchangeOrigin>();
  #position = 0;
  /** Authorisations an SCA driver carried through: they must end final (resource → the exchange that says so). */
  readonly #expectedFinal = new Map<string, string>();

  constructor(private readonly machines: ReadonlyMap<string, StateMachine>) {}

  /** Judge one exchange; returns the findings it revealed. */
  observe(ex: Exchange, match: OperationMatch | undefined, body: unknown): Finding[] {
    const at = this.#position++;
    const before = this.#findings.length;
    if (ex.origin) this.#origins.set(ex.id, ex.origin);
    const { observations, events } = observe(ex, match, body);
    for (const e of events) this.#event(e, ex, match, at);
    for (const o of observations) this.#observation(o, ex, match, at);
    return this.#findings.slice(before);
  }

  /**
   * An SCA driver carried this authorisation through (the PSU approved or rejected): by the end
   * of the stream its last observed scaStatus must be final. `exchangeId` is the driver's last exchange.
   */
  expectFinal(resource: string, exchangeId: string): void {
    this.#expectedFinal.set(resource, exchangeId);
  }

  /** Judgements that need the whole stream (a finalised SCA without effect, an SCA that never ended). */
  finish(): Finding[] {
    const before = this.#findings.length;
    for (const [resource, exchangeId] of this.#expectedFinal) {
      const track = this.#tracks.get(resource);
      const last = track?.seen.at(-1);
      // No status observed (e.g. the operations are not in the spec judged against): no evidence either way.
      if (!last || track!.machine.isFinal(last.status)) continue;
      this.#find(LIFECYCLE_RULES.scaStatusFinal, `${resource} is still ${last.status} after the PSU completed its SCA`, last.exchangeId ?? exchangeId, undefined, {
        resource,
        scaStatus: last.status,
        statuses: track!.seen.map((s) => s.status),
      });
    }
    this.#expectedFinal.clear();
    for (const [key, track] of this.#tracks) {
      if (track.machine.id !== 'scaStatus') continue;
      const finalised = track.seen.find((s) => s.status === 'finalised' || s.status === 'exempted');
      const parentKey = this.#parentOf.get(key);
      const parent = parentKey ? this.#tracks.get(parentKey) : undefined;
      if (!finalised || !parent || !parentKey) continue;
      const after = parent.seen.filter((s) => s.at > finalised.at);
      const last = after.at(-1);
      if (!last) continue;
      const cancellation = this.#cancellations.has(key);
      const movedOn = (s: Seen) => (cancellation ? s.status === 'CANC' : !parent.machine.isInitial(s.status) || parent.machine.isFinal(s.status));
      // Stuck: every status read after the finalisation is still where the resource started. When
      // the resource was already seen moved on before the finalisation was read, the SCA had its
      // effect: a later status that contradicts it is a transition the rules above judge.
      const stuck = after.every((s) => !movedOn(s)) && !parent.seen.some((s) => s.at < finalised.at && movedOn(s));
      if (stuck) {
        this.#find(LIFECYCLE_RULES.scaWithoutEffect, `${parentKey} is still ${last.status} after its ${cancellation ? 'cancellation ' : ''}authorisation ${key.split(':')[1]} was ${finalised.status}`, last.exchangeId, undefined, {
          resource: parentKey,
          authorisation: key,
          statuses: after.map((s) => s.status),
        });
      }
    }
    return this.#findings.slice(before);
  }

  get findings(): readonly Finding[] {
    return this.#findings;
  }

  /** The observed transitions per machine, with counts; illegal ones marked. */
  edges(): ObservedEdge[] {
    return [...this.#edges.values()];
  }

  #track(resource: string, machineId: string): ResourceTrack | undefined {
    let track = this.#tracks.get(resource);
    if (!track) {
      const machine = this.machines.get(machineId);
      if (!machine) return undefined;
      track = { machine, seen: [], authorisations: new Set() };
      this.#tracks.set(resource, track);
    }
    return track;
  }

  #link(authorisation: string, parent: string, cancellation: boolean | undefined): void {
    this.#parentOf.set(authorisation, parent);
    if (cancellation) this.#cancellations.add(authorisation);
    const machine = parent.startsWith('payment:') ? 'transactionStatus' : parent.startsWith('basket:') ? 'basketStatus' : 'consentStatus';
    this.#track(parent, machine)?.authorisations.add(authorisation);
  }

  #event(e: ResourceEvent, ex: Exchange, match: OperationMatch | undefined, at: number): void {
    if (e.kind === 'authorises' && e.parent) return this.#link(e.resource, e.parent, e.cancellation);
    if (e.kind === 'deleted') {
      // A deleted payment is judged through its status (CANC is final); a deleted consent by its use.
      if (e.resource.startsWith('consent:')) this.#track(e.resource, 'consentStatus')!.deletedAt = at;
      return;
    }
    if (e.kind === 'used' && e.served) {
      const track = this.#tracks.get(e.resource);
      if (!track) return;
      const last = track.seen.at(-1);
      if (track.deletedAt !== undefined) {
        this.#find(LIFECYCLE_RULES.deadResourceUsed, `account data served under ${e.resource}, which the TPP deleted`, ex.id, match, { resource: e.resource });
      } else if (last && track.machine.isFinal(last.status)) {
        this.#find(LIFECYCLE_RULES.deadResourceUsed, `account data served under ${e.resource}, which is ${last.status}`, ex.id, match, { resource: e.resource, status: last.status });
      }
    }
  }

  #observation(o: Observation, ex: Exchange, match: OperationMatch | undefined, at: number): void {
    if (o.parent) this.#link(o.resource, o.parent, o.cancellation);
    const track = this.#track(o.resource, o.machine);
    if (!track) return;
    const { machine } = track;
    const evidence = { resource: o.resource, machine: machine.id, status: o.status, source: o.source };
    if (!machine.has(o.status)) {
      this.#find(LIFECYCLE_RULES.statusKnown, `${o.resource} reports ${o.machine} '${o.status}', which is not a state of ${machine.id}`, ex.id, match, { ...evidence, known: Object.keys(machine.states) });
      return;
    }
    const prev = track.seen.at(-1);
    track.seen.push({ status: o.status, source: o.source, exchangeId: ex.id, at });
    this.#judgeAuthorised(o, ex, match);
    if (!prev) {
      const illegal = o.creates && !machine.isInitial(o.status);
      if (o.creates) this.#edge(machine.id, NEW, o.status, illegal);
      if (illegal) this.#find(LIFECYCLE_RULES.initialStatus, `${o.resource} was created ${o.status}; ${machine.id} starts in ${this.#initials(machine)}`, ex.id, match, evidence);
      return;
    }
    if (track.deletedAt !== undefined && !machine.isFinal(o.status)) {
      this.#edge(machine.id, prev.status, o.status, true);
      this.#find(LIFECYCLE_RULES.deadResourceUsed, `${o.resource} is still ${o.status} after the TPP deleted it`, ex.id, match, evidence);
      return;
    }
    if (prev.status === o.status) return;
    let rule: LifecycleRule | undefined;
    if (machine.isFinal(prev.status)) rule = LIFECYCLE_RULES.finalLeft;
    else if (!machine.canFollow(prev.status, o.status)) {
      const bothReads = (isStatusRead(prev.source) && isResourceRead(o.source)) || (isResourceRead(prev.source) && isStatusRead(o.source));
      rule = bothReads ? LIFECYCLE_RULES.statusConsistent : LIFECYCLE_RULES.transitionAllowed;
    }
    this.#edge(machine.id, prev.status, o.status, rule !== undefined);
    if (rule) {
      const how = rule === LIFECYCLE_RULES.statusConsistent ? `${prev.source} said ${prev.status}, then ${o.source} said ${o.status}` : `went from ${prev.status} to ${o.status}`;
      this.#find(rule, `${o.resource} ${how}${rule === LIFECYCLE_RULES.finalLeft ? `, but ${prev.status} is final` : ''}`, ex.id, match, { ...evidence, from: prev.status, fromSource: prev.source });
      return;
    }
  }

  /**
   * An authorisation read as still running after its resource was already seen authorised, with
   * none of the resource's authorisations finalised: the resource moved on without SCA. Only an
   * authorisation read after the resource's status is evidence (SCA may finish between reads).
   */
  #judgeAuthorised(o: Observation, ex: Exchange, match: OperationMatch | undefined): void {
    if (o.machine !== 'scaStatus' || !o.parent || o.cancellation) return;
    const auth = this.#tracks.get(o.resource);
    const parent = this.#tracks.get(o.parent);
    if (!auth || !parent || auth.machine.isFinal(o.status)) return;
    const authorisedAt = parent.seen.find((s) => parent.machine.isAuthorised(s.status));
    if (!authorisedAt) return;
    const finalised = [...parent.authorisations].some((a) => this.#tracks.get(a)?.seen.some((s) => s.status === 'finalised' || s.status === 'exempted'));
    if (finalised) return;
    this.#find(
      LIFECYCLE_RULES.authorisedWithoutSca,
      `${o.parent} was already ${authorisedAt.status} while its authorisation ${o.resource.split(':')[1]} is still ${o.status}`,
      ex.id,
      match,
      { resource: o.parent, status: authorisedAt.status, authorisation: o.resource, scaStatus: o.status },
    );
  }

  #initials(machine: StateMachine): string {
    return Object.keys(machine.states).filter((s) => machine.isInitial(s)).join(' or ');
  }

  #edge(machine: string, from: string, to: string, illegal: boolean): void {
    const key = `${machine}|${from}|${to}`;
    const edge = this.#edges.get(key) ?? { machine, from, to, count: 0, illegal: false };
    edge.count++;
    edge.illegal ||= illegal;
    this.#edges.set(key, edge);
  }

  #find(rule: LifecycleRule, message: string, exchangeId: string, match: OperationMatch | undefined, evidence: Record<string, unknown>): void {
    this.#findings.push({
      check: rule.id,
      level: rule.level,
      rule: rule.rule,
      message,
      ...(match ? { operation: match.operation.operationId } : {}),
      exchangeId,
      ...(this.#origins.has(exchangeId) ? { origin: this.#origins.get(exchangeId)! } : {}),
      evidence,
    });
  }
}
