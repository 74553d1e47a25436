/**
 * `lint`: where a bank's OpenAPI deviates from the NextGenPSD2 core, in what a TPP must know:
 * operations missing or added, changed enums, renamed or misspelt fields, changed required lists,
 * status codes added or removed. Operations are matched by method and path template with the path
 * parameters' names normalised; bodies are compared by their JSON media type, to a few levels.
 */
import { JSON_PRODUCTS, PAIN001_PRODUCTS } from '../scenario/matrix.js';
import { isCloseName } from './levenshtein.js';
import { isObject, type OpenApiDoc } from './openapi-doc.js';

export type DeviationKind =
  | 'operation-missing'
  | 'operation-added'
  | 'enum-changed'
  | 'field-renamed'
  | 'field-missing'
  | 'required-changed'
  | 'status-added'
  | 'status-removed';

export interface Deviation {
  kind: DeviationKind;
  /** METHOD /path/template as the bank writes it (the core's when the bank lacks the operation). */
  operation: string;
  operationId?: string;
  /** Where in the operation: a parameter, the request body, a response. */
  where?: string;
  message: string;
}

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
/** How deep into nested objects bodies are compared. */
const MAX_DEPTH = 4;

/**
 * Tolerances: differences that are not a bank's deviations (each documented in docs/PROFILES.md).
 * - The core's PIIS consent 2.0 operations (/v2/consents/confirmation-of-funds) are an extension of
 *   the core (x-xs2a-conformance piis-consent-v2): a bank without them lacks nothing of 1.3.x.
 * - The core leaves {payment-product} open (payment-product-open); its enum is the standard's
 *   products (DOMAIN §2), against which a bank's enum is compared.
 * - Only JSON bodies are compared (application/json, +json): XML, text and multipart bodies are
 *   pain.001/camt/MT940 documents whose shape the JSON schema does not describe.
 * - Error responses (4xx, 5xx) are compared by status only: their bodies are the error model's, and
 *   the official files describe them with one message-code enum per status and service.
 */
/**
 * - Names the standard itself spells two ways: the 1.3.x files' property currencyConversionFee
 *   while their own descriptions (and the core) say currencyConversionFees; tppMessage (1.3.9) and
 *   tppMessages (DOMAIN §9 #27). A bank using either spelling has not renamed anything.
 * - Inside `_links`, which link names a schema requires and whether a link's href is required are
 *   not compared: link objects are open and checked by name at run time (DOMAIN §9 #25); the
 *   official hrefType leaves href optional, the core requires it.
 * - combinedServiceIndicator required in createConsent's request: the official files require it,
 *   the core does not (combined-service-indicator-optional, DOMAIN §9 #6). A bank requiring it is
 *   the standard; only a bank that drops it from the request altogether is reported.
 */
const STANDARD_SPELLINGS: ReadonlyArray<readonly [string, string]> = [
  ['currencyConversionFee', 'currencyConversionFees'],
  ['tppMessage', 'tppMessages'],
];
const isStandardSpelling = (a: string, b: string): boolean => STANDARD_SPELLINGS.some(([x, y]) => (a === x && b === y) || (a === y && b === x));
const CORE_LENIENT_REQUIRED = new Set(['combinedServiceIndicator']);
const isCoreExtension = (path: string): boolean => path.startsWith('/v2/consents/confirmation-of-funds');
const STANDARD_PRODUCTS = [...JSON_PRODUCTS, ...PAIN001_PRODUCTS];

interface Operation {
  key: string;
  display: string;
  operationId?: string;
  op: Json;
  parameters: Json[];
}

const normalise = (path: string): string => path.replace(/\{[^}]+\}/g, '{}');

function operations(doc: OpenApiDoc): Map<string, Operation> {
  const out = new Map<string, Operation>();
  for (const [path, rawItem] of Object.entries(doc.root['paths'] as Json)) {
    const item = doc.deref(rawItem);
    if (!isObject(item)) continue;
    const shared = Array.isArray(item['parameters']) ? item['parameters'] : [];
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const own = Array.isArray(op['parameters']) ? op['parameters'] : [];
      const parameters = [...shared, ...own].map((p) => doc.deref(p)).filter(isObject);
      const key = `${method.toUpperCase()} ${normalise(path)}`;
      out.set(key, { key, display: `${method.toUpperCase()} ${path}`, ...(typeof op['operationId'] === 'string' ? { operationId: op['operationId'] } : {}), op, parameters });
    }
  }
  return out;
}

/** The properties and required names of a schema, its allOf/oneOf/anyOf branches merged. */
function shapeOf(doc: OpenApiDoc, schema: unknown, depth = 0): { properties: Map<string, unknown>; required: Set<string>; enum?: unknown[] } {
  const s = doc.deref(schema);
  const properties = new Map<string, unknown>();
  const required = new Set<string>();
  if (!isObject(s) || depth > 6) return { properties, required };
  if (isObject(s['properties'])) for (const [k, v] of Object.entries(s['properties'])) properties.set(k, v);
  if (Array.isArray(s['required'])) for (const r of s['required']) if (typeof r === 'string') required.add(r);
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const branches = s[key];
    if (!Array.isArray(branches)) continue;
    for (const b of branches) {
      const inner = shapeOf(doc, b, depth + 1);
      for (const [k, v] of inner.properties) if (!properties.has(k)) properties.set(k, v);
      if (key === 'allOf') for (const r of inner.required) required.add(r);
    }
  }
  if (isObject(s['items'])) return shapeOf(doc, s['items'], depth + 1);
  return { properties, required, ...(Array.isArray(s['enum']) ? { enum: s['enum'] } : {}) };
}

const sameSet = (a: Iterable<unknown>, b: Iterable<unknown>): boolean => {
  const x = new Set([...a].map(String));
  const y = new Set([...b].map(String));
  return x.size === y.size && [...x].every((v) => y.has(v));
};

function jsonSchemaOf(doc: OpenApiDoc, holder: unknown): unknown {
  const h = doc.deref(holder);
  if (!isObject(h) || !isObject(h['content'])) return undefined;
  const entry = Object.entries(h['content']).find(([type]) => /^application\/([a-z.+-]*\+)?json$/.test(type));
  const media = entry ? doc.deref(entry[1]) : undefined;
  return isObject(media) ? media['schema'] : undefined;
}

class Comparison {
  readonly deviations: Deviation[] = [];
  constructor(readonly bank: OpenApiDoc, readonly core: OpenApiDoc) {}

  add(op: Operation, kind: DeviationKind, message: string, where?: string): void {
    this.deviations.push({ kind, operation: op.display, ...(op.operationId ? { operationId: op.operationId } : {}), ...(where ? { where } : {}), message });
  }

  enums(b: Operation, c: Operation): void {
    for (const cp of c.parameters) {
      const bp = b.parameters.find((p) => p['in'] === cp['in'] && String(p['name']).toLowerCase() === String(cp['name']).toLowerCase());
      if (!bp) continue;
      const name = String(cp['name']);
      const coreEnum = shapeOf(this.core, cp['schema']).enum ?? (name === 'payment-product' ? STANDARD_PRODUCTS : undefined);
      const bankEnum = shapeOf(this.bank, bp['schema']).enum;
      if (!coreEnum || !bankEnum || sameSet(coreEnum, bankEnum)) continue;
      const added = bankEnum.filter((v) => !coreEnum.map(String).includes(String(v)));
      const removed = coreEnum.filter((v) => !bankEnum.map(String).includes(String(v)));
      this.add(b, 'enum-changed', `${name}: ${[added.length ? `adds ${added.join(', ')}` : '', removed.length ? `lacks ${removed.join(', ')}` : ''].filter(Boolean).join('; ')}`, `parameter ${name}`);
    }
  }

  statuses(b: Operation, c: Operation): void {
    const codes = (op: Operation) => Object.keys(isObject(op.op['responses']) ? op.op['responses'] : {});
    const bank = codes(b);
    const core = codes(c);
    for (const s of bank.filter((x) => !core.includes(x))) this.add(b, 'status-added', `answers ${s}, which the core does not declare`, `response ${s}`);
    for (const s of core.filter((x) => !bank.includes(x))) this.add(b, 'status-removed', `does not declare ${s}, which the core does`, `response ${s}`);
  }

  bodies(b: Operation, c: Operation): void {
    this.body(b, jsonSchemaOf(this.bank, b.op['requestBody']), jsonSchemaOf(this.core, c.op['requestBody']), 'request body', '', 0);
    const responses = (op: Operation) => (isObject(op.op['responses']) ? op.op['responses'] : {});
    for (const [status, coreResponse] of Object.entries(responses(c))) {
      if (!/^2/.test(status)) continue;
      const bankResponse = responses(b)[status];
      if (bankResponse === undefined) continue;
      this.body(b, jsonSchemaOf(this.bank, bankResponse), jsonSchemaOf(this.core, coreResponse), `response ${status}`, '', 0);
    }
  }

  body(op: Operation, bankSchema: unknown, coreSchema: unknown, where: string, prefix: string, depth: number): void {
    if (bankSchema === undefined || coreSchema === undefined || depth > MAX_DEPTH) return;
    const bank = shapeOf(this.bank, bankSchema);
    const core = shapeOf(this.core, coreSchema);
    if (core.properties.size === 0 || bank.properties.size === 0) return;
    const removed = [...core.properties.keys()].filter((k) => !bank.properties.has(k));
    const added = [...bank.properties.keys()].filter((k) => !core.properties.has(k));
    const at = (k: string) => `${prefix}${k}`;
    for (const name of removed) {
      const spelling = added.find((a) => isStandardSpelling(a, name));
      if (spelling) continue;
      const close = added.find((a) => isCloseName(a, name));
      if (close) this.add(op, 'field-renamed', `${at(name)} is ${at(close)} here: a likely rename or misspelling`, where);
      else if (core.required.has(name)) this.add(op, 'field-missing', `lacks ${at(name)}, which the core requires`, where);
    }
    const inLinks = /(^|\.)_links\.([^.]+\.)?$/.test(prefix);
    const reqAdded = inLinks ? [] : [...bank.required].filter((r) => !core.required.has(r) && core.properties.has(r) && !(where === 'request body' && CORE_LENIENT_REQUIRED.has(r)));
    const reqDropped = inLinks ? [] : [...core.required].filter((r) => !bank.required.has(r) && bank.properties.has(r));
    if (reqAdded.length || reqDropped.length) {
      const parts = [reqAdded.length ? `requires ${reqAdded.map(at).join(', ')} (optional in the core)` : '', reqDropped.length ? `makes ${reqDropped.map(at).join(', ')} optional (required in the core)` : ''];
      this.add(op, 'required-changed', parts.filter(Boolean).join('; '), where);
    }
    for (const [name, coreProp] of core.properties) {
      const bankProp = bank.properties.get(name);
      if (bankProp !== undefined) this.body(op, bankProp, coreProp, where, `${prefix}${name}.`, depth + 1);
    }
  }
}

/** The deviations of `bank` from `core`, in a stable order. */
export function compareSpecs(bank: OpenApiDoc, core: OpenApiDoc): Deviation[] {
  const bankOps = operations(bank);
  const coreOps = operations(core);
  const cmp = new Comparison(bank, core);
  for (const [key, c] of coreOps) {
    const b = bankOps.get(key);
    if (!b) {
      if (!isCoreExtension(c.display.split(' ')[1]!)) cmp.add(c, 'operation-missing', 'the core operation is missing');
      continue;
    }
    cmp.enums(b, c);
    cmp.statuses(b, c);
    cmp.bodies(b, c);
  }
  for (const [key, b] of bankOps) if (!coreOps.has(key)) cmp.add(b, 'operation-added', 'an operation the core does not have');
  return cmp.deviations;
}
