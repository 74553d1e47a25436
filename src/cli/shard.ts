import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { version as vitestVersion } from 'vitest/node';
import type { RunInfo } from '../report/model.js';
import { UsageError } from './usage.js';

export interface Shard {
  index: number;
  count: number;
}

/** `--shard i/n`: 1 ≤ i ≤ n. */
export function parseShard(text: string): Shard {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard '${text}' must be i/n with 1 ≤ i ≤ n, e.g. --shard 1/3 (the first of three parts)`);
  }
  return { index, count };
}

const RECORD_PREFIX = 'xs2a-shard-';
export const blobFileName = (s: Shard): string => `blob-${s.index}-${s.count}.json`;
const recordFileName = (s: Shard): string => `${RECORD_PREFIX}${s.index}-${s.count}.json`;

/** What a shard run leaves beside its vitest blob: the run's metadata, which the blob does not carry. */
export interface ShardRecord {
  xs2aConformanceShard: 1;
  tool: string;
  shard: Shard;
  run: RunInfo;
  /** The profile file's text with its secrets replaced (for a bundle written by the merge). */
  profileText: string;
}

export function writeShardRecord(blobDir: string, record: ShardRecord): void {
  mkdirSync(blobDir, { recursive: true });
  writeFileSync(join(blobDir, recordFileName(record.shard)), `${JSON.stringify(record, null, 2)}\n`);
}

/** The vitest version a blob file was written by (vitest refuses to merge other versions). */
function blobVersion(file: string): string | undefined {
  try {
    const flat = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
    const root = flat[0] as string[];
    const version = flat[Number(root[0])];
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

export interface ShardResults {
  blobs: string[];
  records: ShardRecord[];
}

/**
 * The shard results in the given folders: vitest blob files and the shard records beside them.
 * Anything that cannot be merged into one complete run is a UsageError naming what is wrong.
 */
export function readShardResults(dirs: readonly string[]): ShardResults {
  if (dirs.length === 0) throw new UsageError('merge needs the folders the shards wrote (their --blob-dir, by default REPORT_DIR/blob)');
  const blobs: string[] = [];
  const records: ShardRecord[] = [];
  for (const given of dirs) {
    const dir = resolve(given);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${given} is not a folder`);
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (!statSync(path).isFile() || !name.endsWith('.json')) continue;
      if (name.startsWith(RECORD_PREFIX)) {
        let record: ShardRecord;
        try {
          record = JSON.parse(readFileSync(path, 'utf8')) as ShardRecord;
        } catch {
          throw new UsageError(`${path} is not a shard record of xs2a-conformance (not JSON)`);
        }
        if (record.xs2aConformanceShard !== 1 || !record.run || !record.shard) throw new UsageError(`${path} is not a shard record of xs2a-conformance`);
        records.push(record);
        continue;
      }
      const version = blobVersion(path);
      if (!version) throw new UsageError(`${path} is not a vitest blob file written by 'xs2a-conformance run --shard'`);
      if (version !== vitestVersion) throw new UsageError(`${path} was written by vitest ${version}; this xs2a-conformance runs vitest ${vitestVersion}: merge with the version that ran the shards`);
      blobs.push(path);
    }
  }
  if (blobs.length === 0) throw new UsageError(`no shard results in ${dirs.join(', ')}: expected the blob-*.json files that 'xs2a-conformance run --shard i/n' writes to its --blob-dir`);
  if (records.length === 0) throw new UsageError(`${dirs.join(', ')} holds blob files but no ${RECORD_PREFIX}*.json: were they written by 'xs2a-conformance run --shard'?`);
  const count = records[0]!.shard.count;
  if (records.some((r) => r.shard.count !== count)) throw new UsageError(`the shards were cut differently (${[...new Set(records.map((r) => `of ${r.shard.count}`))].join(', ')})`);
  const seen = new Set<number>();
  for (const r of records) {
    if (seen.has(r.shard.index)) throw new UsageError(`shard ${r.shard.index}/${count} is there twice`);
    seen.add(r.shard.index);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length) throw new UsageError(`shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing: a merged report must cover every part`);
  if (blobs.length !== records.length) throw new UsageError(`${blobs.length} blob files but ${records.length} shard records: give each shard's blob folder once`);
  const hashes = new Set(records.map((r) => r.run.spec.sha256));
  if (hashes.size > 1) throw new UsageError('the shards validated against different specs (their SHA-256 differ)');
  return { blobs, records: records.sort((a, b) => a.shard.index - b.shard.index) };
}

/** The run metadata of the merged report: first start, last end, every shard named. */
export function mergedRunInfo(records: readonly ShardRecord[]): RunInfo {
  const first = records[0]!.run;
  const targets = [...new Set(records.map((r) => r.run.target))];
  const { shard: _shard, ...rest } = first;
  return {
    ...rest,
    startedAt: records.map((r) => r.run.startedAt).sort()[0]!,
    finishedAt: records.map((r) => r.run.finishedAt).sort().at(-1)!,
    target: targets.join(', '),
    bundledBank: records.every((r) => r.run.bundledBank),
    defects: [...new Set(records.flatMap((r) => r.run.defects))],
    shards: records.map((r) => ({ index: r.shard.index, count: r.shard.count, target: r.run.target, startedAt: r.run.startedAt, finishedAt: r.run.finishedAt })),
  };
}
