/**
 * A disk cache of compiled body validators: ajv's standalone code for every body schema of a
 * document, so that a process that loads a document it has seen before (every vitest worker of a
 * run, the next `check`, the proxy) evaluates one generated module instead of compiling hundreds
 * of schemas.
 *
 * The entry is keyed by the SHA-256 of the document text, the ajv and ajv-formats versions and the
 * spec module's code fingerprint. Its first line holds the SHA-256 of the code after it: a
 * truncated, altered or otherwise corrupt entry fails that check (or evaluation) and is ignored,
 * the validators are then compiled as on a miss and the entry rewritten. The folder and file must
 * be this user's alone (see ownedPrivately) before their code is run.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv, ValidateFunction } from 'ajv';
import { cacheFolder, codeFingerprint, ownedPrivately, writeEntry } from './disk-cache.js';

const require = createRequire(import.meta.url);
const standaloneCode = require('ajv/dist/standalone') as (ajv: Ajv, refs: Record<string, string>) => string;
const toolVersions = `ajv ${(require('ajv/package.json') as { version: string }).version}, ajv-formats ${(require('ajv-formats/package.json') as { version: string }).version}`;

/** The name the generated code gives the formats object (ajv's `code.formats`). */
export const FORMATS_NAME = 'formats';

/** Exported name of a slot's validator in the generated module. */
const exportOf = (slot: number): string => `s${slot}`;

/** The cache key of a document's validators. */
export function validatorKey(documentHash: string): string {
  return createHash('sha256').update(`${documentHash}|${toolVersions}|${codeFingerprint()}`).digest('hex');
}

/** The cache file of a key. */
export function validatorEntryFor(key: string): string {
  return join(cacheFolder('validators'), `${key}.cjs`);
}

/**
 * The cached validators of a key, by slot (slots that did not compile are absent), or undefined
 * when there is no usable entry.
 */
export function readCachedValidators(key: string, formats: Record<string, unknown>): Map<number, ValidateFunction> | undefined {
  const folder = cacheFolder('validators');
  const file = validatorEntryFor(key);
  try {
    const text = readFileSync(file, 'utf8');
    const newline = text.indexOf('\n');
    const digest = /^\/\/ sha256 ([0-9a-f]{64})$/.exec(text.slice(0, newline))?.[1];
    const code = text.slice(newline + 1);
    if (!digest || createHash('sha256').update(code).digest('hex') !== digest) return undefined;
    if (!ownedPrivately(folder, file)) return undefined;
    const exports: Record<string, unknown> = {};
    // the module this tool generated, its digest and ownership checked above
    new Function('exports', 'require', FORMATS_NAME, code)(exports, runtimeRequire, formats);
    const validators = new Map<number, ValidateFunction>();
    for (const [name, value] of Object.entries(exports)) {
      const slot = /^s(\d+)$/.exec(name)?.[1];
      if (slot === undefined || typeof value !== 'function') return undefined;
      validators.set(Number(slot), value as ValidateFunction);
    }
    return validators;
  } catch {
    return undefined;
  }
}

/** The generated code may load ajv's runtime helpers (string length, deep equality), nothing else. */
function runtimeRequire(id: string): unknown {
  if (!/^ajv\/dist\/runtime\/[a-z0-9_]+$/.test(id)) throw new Error(`the cached validators require ${id}`);
  return require(id);
}

/**
 * Generate the standalone module of the compiled slots (ajv needs `code.source`) and store it;
 * false when it cannot be generated or written.
 */
export function writeCachedValidators(key: string, ajv: Ajv, schemaIdOf: (slot: number) => string, slots: readonly number[]): boolean {
  let code: string;
  try {
    code = standaloneCode(ajv, Object.fromEntries(slots.map((slot) => [exportOf(slot), schemaIdOf(slot)])));
  } catch {
    return false;
  }
  const digest = createHash('sha256').update(code).digest('hex');
  return writeEntry(cacheFolder('validators'), `${key}.cjs`, `// sha256 ${digest}\n${code}`);
}
