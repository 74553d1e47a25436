/**
 * Runs the properties: fast-check generates cases from a seed, each is sent through a Session
 * (so every exchange check judges it too, and every finding of theirs is reported), the answer is judged (judge.ts), and a failing
 * property is shrunk to its smallest counterexample. Deterministic by seed: the same seed and
 * fast-check path replay the same counterexample. Side-effect free apart from the HTTP calls.
 */
import fc from 'fast-check';
import type { Finding } from '../checks/check.js';
import type { Client } from '../http/client.js';
import type { Exchange } from '../http/exchange.js';
import type { Session } from '../run/session.js';
import { PROPERTY_CHECKS } from './checks.js';
import { judgeAnswer, sentRequestId } from './judge.js';
import type { Property, PropertyCase, PropertyResult, Violation } from './model.js';
import { PROBES, obtainAisFixture, type AisFixture, type ProbeContext } from './probes.js';
import { propertiesFor } from './properties.js';

export const DEFAULT_PROPERTY_RUNS = 25;

export interface ToleratedProperty {
  /** A property name, or a prefix ending in `*` (e.g. `query.deltaList.*`). */
  property: string;
  reason: string;
  until?: string;
}

export interface PropertySuiteOptions {
  /** A fresh Session for each property; with a client, one that sends through it (a certificate with other roles). */
  session: (client?: Client) => Session;
  seed: number;
  /** Runs per property (default 25). */
  numRuns?: number;
  /** Only these properties (by name). */
  only?: readonly string[];
  /** Replay this fast-check path (with `only` naming one property). */
  path?: string;
  /** Clients presenting certificates that lack roles, by name, with the roles they hold. */
  roleClients?: Record<string, { client: Client; roles: string[] }>;
  /** The profile's tolerated deviations: their findings are reported as accepted. */
  tolerated?: readonly ToleratedProperty[];
  /** The command line that reruns one property's counterexample. */
  replayCommand?: (property: string, seed: number, path: string) => string;
}

/** The seed of a run when none is given: derived from the profile's name, so a run is reproducible. */
export function defaultSeed(profileName: string): number {
  let h = 0x811c9dc5;
  for (const c of profileName) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h & 0x7fffffff;
}

const RULES = new Map(PROPERTY_CHECKS.map((c) => [c.id, c]));

class NotApplicable extends Error {}

interface Evaluation {
  testCase: PropertyCase;
  exchange: Exchange;
  violations: Violation[];
}

function setHeaders(target: Record<string, string>, changes: Record<string, string | null> | undefined): void {
  for (const [name, value] of Object.entries(changes ?? {})) {
    for (const k of Object.keys(target)) if (k.toLowerCase() === name.toLowerCase() && !(k in (changes ?? {}))) delete target[k];
    if (value === null) delete target[name];
    else target[name] = value;
  }
}

function tolerance(name: string, tolerated: readonly ToleratedProperty[] | undefined, today = new Date().toISOString().slice(0, 10)): ToleratedProperty | undefined {
  return tolerated?.find((t) => (t.property.endsWith('*') ? name.startsWith(t.property.slice(0, -1)) : t.property === name) && (t.until === undefined || t.until >= today));
}

/** One suite run: the properties share the AIS fixture (one approved consent), obtained when first needed. */
export class PropertySuite {
  readonly properties: Property[];
  #fixture?: Promise<AisFixture | string>;

  constructor(private readonly options: PropertySuiteOptions) {
    const session = options.session();
    const roleClients = Object.fromEntries(Object.entries(options.roleClients ?? {}).map(([n, c]) => [n, c.roles]));
    this.properties = propertiesFor({ profile: session.profile, signing: session.client.signer !== undefined, roleClients });
  }

  selected(): Property[] {
    const only = this.options.only;
    return only?.length ? this.properties.filter((p) => only.includes(p.name)) : this.properties;
  }

  async run(property: Property): Promise<PropertyResult> {
    const started = performance.now();
    const { seed } = this.options;
    const runs = Math.min(this.options.numRuns ?? DEFAULT_PROPERTY_RUNS, property.maxRuns ?? Infinity);
    const probe = PROBES[property.probe]!;
    const base = { property: property.name, rule: property.rule, seed, runs };
    const session = this.options.session();
    const reason = probe.notApplicable(session.profile);
    if (reason) return { ...base, state: 'not-applicable', notApplicable: reason, findings: [], exchanges: [], durationMs: 0 };
    const sessions = new Map<string | undefined, Session>([[undefined, session]]);
    const sessionFor = (name?: string): Session => {
      let s = sessions.get(name);
      if (!s) {
        const client = this.options.roleClients?.[name!]?.client;
        if (!client) throw new Error(`no client named ${name}`);
        sessions.set(name, (s = this.options.session(client)));
      }
      return s;
    };
    const ctx: ProbeContext = { profile: session.profile, session, aisFixture: () => (this.#fixture ??= obtainAisFixture(session.profile, session)) };
    let lastFailure: Evaluation | undefined;
    const evaluate = async (testCase: PropertyCase): Promise<boolean> => {
      const s = sessionFor(testCase.client);
      const request = await probe.base({ ...ctx, session: s });
      if (typeof request === 'string') throw new NotApplicable(request);
      const headers = { ...request.headers };
      setHeaders(headers, testCase.headers);
      const url = new URL(`${s.baseUrl}${request.path}`);
      for (const [k, v] of Object.entries({ ...request.query, ...testCase.query })) if (v !== null && v !== undefined) url.searchParams.set(k, v);
      const json = request.body ? { ...request.body, ...testCase.body } : undefined;
      let body = json ? JSON.stringify(json) : undefined;
      const signer = s.client.signer;
      const ownSigning = signer !== undefined && (testCase.signed !== undefined || testCase.digest !== undefined || testCase.bodyAfterSigning !== undefined);
      if (signer && ownSigning) {
        Object.assign(headers, signer.sign({ headers, ...(body !== undefined ? { body } : {}) }, testCase.digest));
        setHeaders(headers, testCase.signed?.({ headers, ...(body !== undefined ? { body } : {}) }));
        if (testCase.bodyAfterSigning) body = JSON.stringify({ ...json, ...testCase.bodyAfterSigning });
      }
      const { exchange } = await s.send({
        method: request.method,
        url: url.toString(),
        headers,
        ...(body !== undefined ? { body } : {}),
        ...(ownSigning || testCase.unsigned ? { unsigned: true } : {}),
        origin: { scenario: 'properties', step: property.name },
      });
      const violations = judgeAnswer(exchange, testCase.expect, sentRequestId(headers));
      if (violations.length) lastFailure = { testCase, exchange, violations };
      return violations.length === 0;
    };
    let details: fc.RunDetails<[PropertyCase]>;
    try {
      details = await fc.check(fc.asyncProperty(property.cases, evaluate), { seed, numRuns: runs, ...(this.options.path ? { path: this.options.path } : {}) });
    } catch (err) {
      if (err instanceof NotApplicable) return { ...base, state: 'not-applicable', notApplicable: err.message, findings: [], exchanges: [], durationMs: 0 };
      throw err;
    }
    const thrown = details.errorInstance;
    if (thrown instanceof NotApplicable) return { ...base, state: 'not-applicable', notApplicable: thrown.message, findings: [], exchanges: [], durationMs: Math.round(performance.now() - started) };
    if (details.failed && !lastFailure) throw thrown instanceof Error ? thrown : new Error(`property ${property.name} failed without an answer to judge: ${String(thrown)}`);

    const all = [...sessions.values()];
    for (const s of all) s.finish(); // the judgements that need the whole stream (an SCA the fixture carried through)
    const byId = new Map(all.flatMap((s) => s.exchanges).map((e) => [e.id, e]));
    // The exchange checks judged every case, the shrinking runs' too: each of their findings is kept
    // with its exchange, as a proxy or a HAR check of the same traffic reports them.
    const checkFindings: Finding[] = all.flatMap((s) => s.findings);
    const findings: Finding[] = [];
    let result: Partial<PropertyResult> = {};
    if (details.failed && lastFailure) {
      const path = details.counterexamplePath ?? '';
      const replay = this.options.replayCommand?.(property.name, seed, path);
      const request = byId.get(lastFailure.exchange.id)?.request ?? lastFailure.exchange.request;
      const status = lastFailure.exchange.response?.status;
      const counterexample = { label: lastFailure.testCase.label, request, ...(status !== undefined ? { status } : {}) };
      const tolerated = tolerance(property.name, this.options.tolerated);
      for (const v of lastFailure.violations) {
        const check = RULES.get(v.check)!;
        findings.push({
          check: v.check,
          level: check.level,
          rule: `${check.rule}; ${property.rule}`,
          message: `${property.name}: ${lastFailure.testCase.label}: ${v.message} (seed ${seed}, path ${path}${details.numShrinks ? `, shrunk ${details.numShrinks} times` : ''})`,
          ...(lastFailure.exchange.origin ? { origin: lastFailure.exchange.origin } : {}),
          exchangeId: lastFailure.exchange.id,
          evidence: { property: property.name, seed, path, runs, shrinks: details.numShrinks, counterexample: counterexample.label, request, ...(status !== undefined ? { status } : {}), ...(replay ? { replay } : {}) },
          ...(tolerated ? { accepted: { reason: tolerated.reason, ...(tolerated.until ? { until: tolerated.until } : {}) } } : {}),
        });
      }
      result = { path, shrinks: details.numShrinks, counterexample, ...(replay ? { replay } : {}) };
    }
    const operation = checkFindings.find((f) => f.exchangeId === lastFailure?.exchange.id)?.operation;
    if (operation) for (const f of findings) f.operation = operation;
    const allFindings = [...findings, ...checkFindings];
    const wanted = new Set(allFindings.map((f) => f.exchangeId).filter(Boolean));
    return {
      ...base,
      state: details.failed || checkFindings.length ? 'failed' : 'passed',
      ...result,
      findings: allFindings,
      exchanges: [...byId.values()].filter((e) => wanted.has(e.id)),
      durationMs: Math.round(performance.now() - started),
    };
  }
}

/** Runs every selected property once, one after the other; the entry point outside vitest. */
export async function runPropertySuite(options: PropertySuiteOptions): Promise<PropertyResult[]> {
  const suite = new PropertySuite(options);
  const results: PropertyResult[] = [];
  for (const property of suite.selected()) results.push(await suite.run(property));
  return results;
}
