import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import { formatProblem, parseValidatedYaml, type YamlProblem } from '../yaml/validated-yaml.js';
import schema from './machine.schema.json' with { type: 'json' };

export interface StateDefinition {
  meaning: string;
  final?: boolean;
  initial?: boolean;
  /** Reached only through a finalised or exempted authorisation. */
  authorised?: boolean;
}

export interface TransitionDefinition {
  from: string[];
  to: string[];
  cause: string;
}

/** A machine file as written. */
export interface MachineDocument {
  id: string;
  extends?: string;
  title?: string;
  rule?: string;
  states?: Record<string, StateDefinition>;
  transitions?: TransitionDefinition[];
  forbid?: { from: string[]; to: string[] }[];
}

/** A status state machine, ready to judge observed transitions. */
export class StateMachine {
  readonly #edges = new Map<string, Map<string, string>>();
  readonly #reach = new Map<string, Set<string>>();

  constructor(
    readonly id: string,
    readonly title: string,
    readonly rule: string,
    readonly states: Readonly<Record<string, StateDefinition>>,
    transitions: readonly TransitionDefinition[],
  ) {
    for (const t of transitions) for (const from of t.from) for (const to of t.to) this.#edge(from).set(to, t.cause);
  }

  #edge(from: string): Map<string, string> {
    let m = this.#edges.get(from);
    if (!m) this.#edges.set(from, (m = new Map()));
    return m;
  }

  has(state: string): boolean {
    return Object.hasOwn(this.states, state);
  }

  isFinal(state: string): boolean {
    return this.states[state]?.final === true;
  }

  isInitial(state: string): boolean {
    return this.states[state]?.initial === true;
  }

  isAuthorised(state: string): boolean {
    return this.states[state]?.authorised === true;
  }

  /** The direct transitions, as [from, to, cause]. */
  transitions(): [string, string, string][] {
    return [...this.#edges].flatMap(([from, tos]) => [...tos].map(([to, cause]): [string, string, string] => [from, to, cause]));
  }

  /** The cause of a direct transition, when there is one. */
  causeOf(from: string, to: string): string | undefined {
    return this.#edges.get(from)?.get(to);
  }

  /**
   * Can `to` follow `from` between two observations? Statuses are sampled, so any state reachable
   * through the transitions counts; staying in the same state always does.
   */
  canFollow(from: string, to: string): boolean {
    if (from === to) return true;
    let reach = this.#reach.get(from);
    if (!reach) {
      reach = new Set();
      const queue = [from];
      while (queue.length) for (const next of this.#edges.get(queue.shift()!)?.keys() ?? []) if (!reach.has(next)) (reach.add(next), queue.push(next));
      this.#reach.set(from, reach);
    }
    return reach.has(to);
  }
}

export class MachineError extends Error {
  constructor(readonly problems: YamlProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'MachineError';
  }
}

/** Problems a schema cannot see: unknown states in transitions, transitions out of final states. */
function consistencyProblems(doc: MachineDocument, file: string): YamlProblem[] {
  const states = doc.states ?? {};
  const problems: YamlProblem[] = [];
  (doc.transitions ?? []).forEach((t, i) => {
    for (const s of [...t.from, ...t.to]) if (!Object.hasOwn(states, s)) problems.push({ file, field: `transitions.${i}`, message: `unknown state '${s}'` });
    for (const s of t.from) if (states[s]?.final) problems.push({ file, field: `transitions.${i}`, message: `'${s}' is final and cannot be left` });
  });
  if (!Object.values(states).some((s) => s.initial)) problems.push({ file, field: 'states', message: 'no state is marked initial' });
  return problems;
}

function merge(base: MachineDocument, change: MachineDocument): MachineDocument {
  const forbidden = new Set((change.forbid ?? []).flatMap((f) => f.from.flatMap((from) => f.to.map((to) => `${from}→${to}`))));
  const transitions = (base.transitions ?? [])
    .flatMap((t) => t.from.flatMap((from) => t.to.map((to) => ({ from: [from], to: [to], cause: t.cause }))))
    .filter((t) => !forbidden.has(`${t.from[0]}→${t.to[0]}`));
  return {
    id: base.id,
    title: change.title ?? base.title,
    rule: change.rule ?? base.rule,
    states: { ...base.states, ...change.states },
    transitions: [...transitions, ...(change.transitions ?? [])],
  };
}

function parseMachine(file: string): MachineDocument {
  const { value, problems } = parseValidatedYaml<MachineDocument>(readFileSync(file, 'utf8'), file, schema);
  if (!value) throw new MachineError(problems);
  return value;
}

export const bundledMachineDir = (): string => join(packageRoot(), 'src', 'lifecycle', 'machines');

/**
 * The bundled machines, then each extra file (a profile's): a file with a new id adds a machine,
 * one with `extends` changes the machine of that id (more states, transitions, forbidden ones).
 */
export function loadMachines(extraFiles: readonly string[] = []): Map<string, StateMachine> {
  const docs = new Map<string, MachineDocument>();
  const dir = bundledMachineDir();
  const files = [...readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, f)), ...extraFiles];
  const problems: YamlProblem[] = [];
  for (const file of files) {
    const doc = parseMachine(file);
    if (doc.extends !== undefined) {
      const base = docs.get(doc.extends);
      if (!base || doc.extends !== doc.id) {
        problems.push({ file, field: 'extends', message: base ? `extends '${doc.extends}' but its id is '${doc.id}'` : `no machine '${doc.extends}' to extend` });
        continue;
      }
      docs.set(doc.id, merge(base, doc));
    } else docs.set(doc.id, doc);
    problems.push(...consistencyProblems(docs.get(doc.id)!, file));
  }
  if (problems.length) throw new MachineError(problems);
  return new Map(
    [...docs.values()].map((d) => [d.id, new StateMachine(d.id, d.title ?? d.id, d.rule ?? '', d.states ?? {}, d.transitions ?? [])]),
  );
}
