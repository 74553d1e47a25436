/**
 * A disk cache of loaded documents: the parsed, repaired, validated and dereferenced forms of an
 * OpenAPI text, by the SHA-256 of the text and a fingerprint of the loading code. Parsing a large
 * YAML document and validating it take about a second; every vitest worker of a run loads the same
 * document, so each after the first reads this JSON (a few milliseconds) instead.
 * Only documents that loaded without error are kept; an unreadable, corrupt or unwritable cache
 * is ignored (the document is loaded the slow way), never an error.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

export interface CachedDocument {
  raw: Record<string, unknown>;
  dereferenced: Record<string, unknown>;
  warnings: string[];
}

const directory = join(tmpdir(), `xs2a-conformance-${process.getuid?.() ?? 'user'}`, 'documents');

let fingerprint: string | undefined;

/** Changes whenever a file of the spec module changes, so a cache never outlives the code that filled it. */
function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const here = dirname(fileURLToPath(import.meta.url));
  const stamps = readdirSync(here)
    .filter((f) => /\.[jt]s$/.test(f))
    .sort()
    .map((f) => `${f}:${statSync(join(here, f)).mtimeMs}`);
  return (fingerprint = createHash('sha256').update(stamps.join('|')).digest('hex').slice(0, 16));
}

/** The cache file of a document. */
export function entryFor(hash: string): string {
  return join(directory, `${hash}-${codeFingerprint()}.json`);
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
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const entry = entryFor(hash);
    const partial = `${entry}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(doc), { mode: 0o600 });
    renameSync(partial, entry); // atomic: a concurrent reader sees the whole entry or none
    prune(entry);
  } catch {
    // a document that cannot be serialised (cycles) or a read-only temp folder: no cache
  }
}

const WEEK_MS = 7 * 86_400_000;

/** Entries written more than a week ago go (a run rewrites what it still needs). */
function prune(kept: string): void {
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (path === kept) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > WEEK_MS) rmSync(path, { force: true });
    } catch {
      // another process removed it first
    }
  }
}
