/**
 * Loading an OpenAPI 3 document: read, parse (YAML or JSON), repair the tolerated defects, validate
 * with swagger-parser, index. Specs are cached in-process by the sha256 of their text, and the
 * validated document on disk (document-cache.ts), so the workers of a run do not redo the work.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse, YAMLError } from 'yaml';
import { createSpec } from './create-spec.js';
import { readCachedDocument, writeCachedDocument } from './document-cache.js';
import { SpecError } from './spec-error.js';
import { tolerateDefects } from './tolerate-defects.js';
import type { Spec } from './types.js';
import { openApiDocument, validatedDocument } from './validate-document.js';

const loaded = new Map<string, Promise<Spec>>();

export async function loadSpec(file: string): Promise<Spec> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new SpecError(file, `cannot read the OpenAPI document (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return loadSpecFromText(text, file);
}

/** Load a document from its text; `source` names it in messages and becomes Spec.source. */
export function loadSpecFromText(text: string, source: string): Promise<Spec> {
  const hash = createHash('sha256').update(text).digest('hex');
  let spec = loaded.get(hash);
  if (!spec) {
    spec = build(text, source, hash);
    loaded.set(hash, spec);
    spec.catch(() => loaded.delete(hash));
  }
  return spec;
}

async function build(text: string, file: string, hash: string): Promise<Spec> {
  const cached = readCachedDocument(hash);
  if (cached) return createSpec({ file, hash, ...cached });
  const raw = openApiDocument(parsed(text, file), file);
  const warnings = tolerateDefects(raw, file);
  const dereferenced = await validatedDocument(raw, file);
  writeCachedDocument(hash, { raw, dereferenced, warnings });
  return createSpec({ file, hash, raw, dereferenced, warnings });
}

function parsed(text: string, file: string): unknown {
  try {
    return parse(text, { logLevel: 'error' });
  } catch (e) {
    const reason = (e as Error).message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const at = e instanceof YAMLError ? e.linePos?.[0] : undefined;
    throw new SpecError(file, `not valid YAML or JSON: ${reason}`, at && { line: at.line, column: at.col });
  }
}
