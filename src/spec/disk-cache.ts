/**
 * What the spec module's disk caches share: one private folder per user under the temp folder,
 * a fingerprint of the loading code (so that no entry outlives the code that wrote it), atomic
 * writes, and a weekly clean-up. Every operation here fails quietly: a cache that cannot be read
 * or written is a slower load, never an error.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `<temp>/xs2a-conformance-<uid>/<kind>`, resolved on each call so that TMPDIR set later is honoured. */
export function cacheFolder(kind: string): string {
  return join(tmpdir(), `xs2a-conformance-${process.getuid?.() ?? 'user'}`, kind);
}

let fingerprint: string | undefined;

/** Changes whenever a file of the spec module changes, so a cache never outlives the code that filled it. */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const here = dirname(fileURLToPath(import.meta.url));
  const stamps = readdirSync(here)
    .filter((f) => /\.[jt]s$/.test(f))
    .sort()
    .map((f) => `${f}:${statSync(join(here, f)).mtimeMs}`);
  return (fingerprint = createHash('sha256').update(stamps.join('|')).digest('hex').slice(0, 16));
}

/**
 * Whether a cache folder and a file in it are this user's alone (owned by them, writable by no
 * one else), so that what is read from it was written by this tool. Always true where there are
 * no user ids (Windows).
 */
export function ownedPrivately(folder: string, file: string): boolean {
  const uid = process.getuid?.();
  if (uid === undefined) return true;
  try {
    for (const path of [folder, file]) {
      const stat = statSync(path);
      if (stat.uid !== uid || (stat.mode & 0o022) !== 0) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** Write `text` to `folder/name` atomically (a reader sees the whole entry or none); false when it cannot. */
export function writeEntry(folder: string, name: string, text: string): boolean {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const entry = join(folder, name);
    const partial = `${entry}.${process.pid}.tmp`;
    writeFileSync(partial, text, { mode: 0o600 });
    renameSync(partial, entry);
    prune(folder, entry);
    return true;
  } catch {
    return false;
  }
}

const WEEK_MS = 7 * 86_400_000;

/** Entries written more than a week ago go (a run rewrites what it still needs). */
function prune(folder: string, kept: string): void {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (path === kept) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > WEEK_MS) rmSync(path, { force: true });
    } catch {
      // another process removed it first
    }
  }
}
