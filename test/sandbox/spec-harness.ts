/**
 * Test-only harness: judges a sandbox response against the official Berlin Group 1.3.12 file
 * (status declared, content type declared, body valid against the schema, declared headers valid).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

export const OFFICIAL_1_3_12 = fileURLToPath(
  new URL('../../../shared/specs/berlin-group/psd2-api-1.3.12-2022-07-06.yaml', import.meta.url),
);

type Json = Record<string, unknown>;

/** Minimal OAS 3.0 → JSON Schema: nullable, boolean exclusiveMinimum/Maximum, oneOf → anyOf. */
export function oasToJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(oasToJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) out[k] = oasToJsonSchema(v);
  if (out.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  delete out.nullable;
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (out[flag] === true && typeof out[bound] === 'number') {
      out[flag] = out[bound];
      delete out[bound];
    } else if (typeof out[flag] === 'boolean') delete out[flag];
  }
  if (Array.isArray(out.oneOf)) {
    out.anyOf = out.oneOf;
    delete out.oneOf;
  }
  return out;
}

const escape = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

interface Operation {
  template: string;
  method: string;
  op: Json;
}

export interface ResponseToJudge {
  method: string;
  url: string;
  status: number;
  headers: Headers;
  body: string;
}

export class SpecValidator {
  private readonly doc: Json;
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();
  private readonly templates: Array<{ template: string; regex: RegExp; literals: number }>;

  constructor(file: string = OFFICIAL_1_3_12) {
    this.doc = oasToJsonSchema(parse(readFileSync(file, 'utf8'))) as Json;
    this.ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
    const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
    addFormats(this.ajv);
    this.ajv.addFormat('url', true);
    this.ajv.addSchema(this.doc, 'bg');
    this.templates = Object.keys(this.doc.paths as Json)
      .map((template) => ({
        template,
        regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        literals: template.split('/').filter((s) => s && !s.startsWith('{')).length,
      }))
      .sort((a, b) => b.literals - a.literals);
  }

  private operation(method: string, pathname: string): Operation | undefined {
    for (const t of this.templates) {
      if (!t.regex.test(pathname)) continue;
      const op = ((this.doc.paths as Json)[t.template] as Json)[method.toLowerCase()] as Json | undefined;
      if (op) return { template: t.template, method: method.toLowerCase(), op };
    }
    return undefined;
  }

  private validator(pointer: string): ValidateFunction {
    let fn = this.cache.get(pointer);
    if (!fn) {
      fn = this.ajv.compile({ $ref: `bg#${pointer}` });
      this.cache.set(pointer, fn);
    }
    return fn;
  }

  private deref(node: Json): { node: Json; pointer: string | undefined } {
    const ref = node.$ref;
    if (typeof ref !== 'string') return { node, pointer: undefined };
    const pointer = ref.slice(1);
    const target = pointer
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((o, k) => (o as Json)[k], this.doc) as Json;
    return { node: target, pointer };
  }

  /** The problems of one response; [] when it conforms. */
  judge(r: ResponseToJudge): string[] {
    const { pathname } = new URL(r.url);
    const found = this.operation(r.method, pathname);
    if (!found) return [`no operation ${r.method} ${pathname} in the spec`];
    const responses = found.op.responses as Json;
    const raw = (responses[String(r.status)] ?? responses.default) as Json | undefined;
    if (!raw) return [`status ${r.status} not declared for ${r.method} ${found.template}`];
    const statusKey = responses[String(r.status)] ? String(r.status) : 'default';
    const { node: response, pointer: refPointer } = this.deref(raw);
    const base = refPointer ?? `/paths/${escape(found.template)}/${found.method}/responses/${statusKey}`;
    const problems: string[] = [];

    const headers = (response.headers ?? {}) as Json;
    for (const [name, h0] of Object.entries(headers)) {
      const { node: h } = this.deref(h0 as Json);
      const value = r.headers.get(name);
      if (value === null) {
        if (h.required === true) problems.push(`required header ${name} missing`);
        continue;
      }
      if (h.schema) {
        const fn = this.ajv.compile(h.schema as Json);
        if (!fn(value)) problems.push(`header ${name}=${value}: ${this.ajv.errorsText(fn.errors)}`);
      }
    }

    const content = response.content as Json | undefined;
    if (r.body === '') {
      return problems;
    }
    if (!content) return [...problems, `status ${r.status} declares no body but one was sent`];
    const mediaType = (r.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!(mediaType in content)) {
      return [...problems, `content type ${mediaType} not declared (declared: ${Object.keys(content).join(', ')})`];
    }
    if (mediaType.endsWith('json')) {
      let body: unknown;
      try {
        body = JSON.parse(r.body);
      } catch {
        return [...problems, 'body is not JSON'];
      }
      const fn = this.validator(`${base}/content/${escape(mediaType)}/schema`);
      if (!fn(body)) problems.push(`body: ${this.ajv.errorsText(fn.errors, { separator: '; ' })}`);
    }
    return problems;
  }
}
