/** Reading an OpenAPI document for `lint`: YAML or JSON, local $refs resolved lazily. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A file lint cannot read: the message names the file and the problem. */
export class LintInputError extends Error {}

export interface OpenApiDoc {
  file: string;
  root: Json;
  /** The value at a local $ref ("#/components/..."), followed until it is not a $ref. */
  deref(value: unknown): unknown;
}

export function readOpenApi(file: string): OpenApiDoc {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new LintInputError(`${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let root: unknown;
  try {
    root = parse(text, { maxAliasCount: -1 });
  } catch (e) {
    throw new LintInputError(`${file}: not valid YAML or JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!isObject(root) || (typeof root['openapi'] !== 'string' && typeof root['swagger'] !== 'string')) throw new LintInputError(`${file}: not an OpenAPI document (no openapi version field)`);
  if (!isObject(root['paths'])) throw new LintInputError(`${file}: the OpenAPI document has no paths object`);
  const doc = root;
  const pointer = (ref: string): unknown => {
    if (!ref.startsWith('#/')) throw new LintInputError(`${file}: $ref ${ref} points outside the file; lint reads one self-contained file`);
    let cur: unknown = doc;
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (!isObject(cur) || !(key in cur)) throw new LintInputError(`${file}: $ref ${ref} points to nothing`);
      cur = cur[key];
    }
    return cur;
  };
  return {
    file,
    root: doc,
    deref(value) {
      let cur = value;
      for (let hops = 0; isObject(cur) && typeof cur['$ref'] === 'string'; hops++) {
        if (hops > 50) throw new LintInputError(`${file}: $ref cycle at ${String(cur['$ref'])}`);
        cur = pointer(cur['$ref']);
      }
      return cur;
    },
  };
}
