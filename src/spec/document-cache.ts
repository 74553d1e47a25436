/**
 * A disk cache of loaded documents: the parsed, repaired, validated and dereferenced forms of an
 * OpenAPI text, by the SHA-256 of the text and a fingerprint of the loading code. Parsing a large
 * YAML document and validating it take about a second; every vitest worker of a run loads the same
 * document, so each after the first reads this JSON (a few milliseconds) instead.
 * Only documents that loaded without error are kept; an unreadable, corrupt or unwritable cache
 * is ignored (the document is loaded the slow way), never an error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheFolder, codeFingerprint, writeEntry } from './disk-cache.js';

export interface CachedDocument {
  raw: Record<string, unknown>;
  dereferenced: Record<string, unknown>;
  warnings: string[];
}

const nameFor = (hash: string): string => `${hash}-${codeFingerprint()}.json`;

/** The cache file of a document. */
export function entryFor(hash: string): string {
  return join(cacheFolder('documents'), nameFor(hash));
}

export function readCachedDocument(hash: string): CachedDocument | undefined {
  try {
    const doc = JSON.parse(readFileSync(entryFor(hash), 'utf8')) as CachedDocument;
    return doc && typeof doc.raw === 'object' && typeof doc.dereferenced === 'object' && Array.isArray(doc.warnings) ? doc : undefined;
  } catch {
    return undefined;
  }
}

export function writeCachedDocument(hash: string, doc: CachedDocument): void {
  let text: string;
  try {
    text = JSON.stringify(doc);
  } catch {
    return; // a document that cannot be serialised (cycles): no cache
  }
  writeEntry(cacheFolder('documents'), nameFor(hash), text);
}
