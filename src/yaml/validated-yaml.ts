import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isNode, LineCounter, parseDocument, type Document } from 'yaml';

/** A problem in a YAML file, located by line so a person can find it. */
export interface YamlProblem {
  file: string;
  line?: number;
  /** Dotted path of the offending field, e.g. psu.password. */
  field?: string;
  message: string;
}

export function formatProblem(p: YamlProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const compiled = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    compiled.set(schema, v);
  }
  return v;
}

function lineOf(doc: Document, lines: LineCounter, path: (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

function keyLine(doc: Document, lines: LineCounter, path: (string | number)[], key: string): number | undefined {
  const parent = path.length ? doc.getIn(path, true) : doc.contents;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === key);
    const range = pair && isNode(pair.key) ? pair.key.range : undefined;
    if (range) return lines.linePos(range[0]).line;
  }
  return lineOf(doc, lines, path);
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
  return d[a.length]![b.length]!;
}

/** The known name closest to a misspelt one, when it is close enough to be a likely typo. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const dist = distance(name, k);
    if (dist < bestD) [best, bestD] = [k, dist];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function pathOf(instancePath: string): (string | number)[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(err: ErrorObject): { path: (string | number)[]; key?: string; message: string } {
  const path = pathOf(err.instancePath);
  if (err.keyword === 'additionalProperties') {
    const extra = String((err.params as { additionalProperty: string }).additionalProperty);
    const parentSchema = err.parentSchema as { properties?: Record<string, unknown> } | undefined;
    const hint = closest(extra, Object.keys(parentSchema?.properties ?? {}));
    return { path, key: extra, message: `unknown field '${extra}'${hint ? ` (did you mean '${hint}'?)` : ''}` };
  }
  if (err.keyword === 'required') {
    return { path, message: `missing required field '${(err.params as { missingProperty: string }).missingProperty}'` };
  }
  if (err.keyword === 'enum') {
    return { path, message: `must be one of ${(err.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}` };
  }
  return { path, message: err.message ?? err.keyword };
}

/**
 * Parse a YAML text and validate it against a JSON Schema. Every problem comes back with the
 * file, line and field, never as an exception.
 */
export function parseValidatedYaml<T>(text: string, file: string, schema: object): { value?: T; problems: YamlProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    // The first syntax error is the one to fix; the ones after it are its echoes.
    const first = doc.errors[0]!;
    const hint = /flow|Unexpected/.test(first.message) ? " (a value with ',', '{' or '}' inside { … } or [ … ] needs quotes)" : '';
    return { problems: [{ file, line: lines.linePos(first.pos[0]).line, message: `invalid YAML: ${first.message.split('\n')[0]}${hint}` }] };
  }
  const value = doc.toJS() as unknown;
  const validate = validatorFor(schema);
  if (validate(value)) return { value: value as T, problems: [] };
  // oneOf/anyOf produce one error per branch; keep the most specific (deepest) ones.
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if');
  const seen = new Set<string>();
  const problems: YamlProblem[] = [];
  for (const err of errors.length ? errors : (validate.errors ?? [])) {
    const d = describe(err);
    const field = [...d.path, ...(d.key ? [d.key] : [])].join('.') || undefined;
    const key = `${field}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const line = d.key ? keyLine(doc, lines, d.path, d.key) : lineOf(doc, lines, d.path);
    problems.push({ file, ...(line ? { line } : {}), ...(field ? { field } : {}), message: d.message });
  }
  return { problems };
}
