#!/usr/bin/env node
// Scale-out: the default run in one shard versus two shards run side by side on the same machine
// and merged, wall time from outside.
// Method: ROUNDS rounds, alternating; in each, `run --quiet` (one process), then `run --shard 1/2`
// and `run --shard 2/2` started together (each with its own reference bank and blob folder), then
// `merge` of their blob folders; the two-shard time is until both shards end, plus the merge. The
// merged report must count what the single run counts.
// Usage: node bench/shards.mjs [--rounds 2]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, median, parseFlags, requireBuild, round, timedSpawn, timedSpawnSync, workDir, writeResult } from './lib.mjs';

const flags = parseFlags({ rounds: '2', out: undefined });
requireBuild();
const rounds = Number(flags.rounds);
const work = workDir('shards');
const ok = (r, what) => {
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}): ${r.stdout}${r.stderr}`);
  return r;
};
const summary = (dir) => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).summary;

const samples = { single: [], shardsSideBySide: [], merge: [], shard1: [], shard2: [] };
let counts;
for (let i = 0; i < rounds; i++) {
  const single = ok(timedSpawnSync([bin, 'run', '--quiet', '--report-dir', join(work, `single-${i}`)]), 'the single run');
  samples.single.push(single.ms);
  const started = performance.now();
  const shards = await Promise.all(
    [1, 2].map((s) => timedSpawn([bin, 'run', '--quiet', '--shard', `${s}/2`, '--blob-dir', join(work, `blob-${i}-${s}`), '--report-dir', join(work, `shard-${i}-${s}`)])),
  );
  samples.shardsSideBySide.push(performance.now() - started);
  shards.forEach((r, s) => ok(r, `shard ${s + 1}/2`));
  samples.shard1.push(shards[0].ms);
  samples.shard2.push(shards[1].ms);
  const merge = ok(timedSpawnSync([bin, 'merge', join(work, `blob-${i}-1`), join(work, `blob-${i}-2`), '--quiet', '--report-dir', join(work, `merged-${i}`)]), 'the merge');
  samples.merge.push(merge.ms);
  counts = { single: summary(join(work, `single-${i}`)), merged: summary(join(work, `merged-${i}`)) };
  for (const key of ['tests', 'passed', 'failed', 'notApplicable']) {
    if (counts.single[key] !== counts.merged[key]) throw new Error(`the merged report counts ${key} ${counts.merged[key]}, the single run ${counts.single[key]}`);
  }
}
const single = median(samples.single);
const sideBySide = median(samples.shardsSideBySide);
const merge = median(samples.merge);
const figures = {
  rounds,
  tests: counts.single.tests,
  singleMs: round(single, 0),
  twoShards: { sideBySideMs: round(sideBySide, 0), shard1Ms: round(median(samples.shard1), 0), shard2Ms: round(median(samples.shard2), 0), mergeMs: round(merge, 0), totalMs: round(sideBySide + merge, 0) },
  ratio: round((sideBySide + merge) / single, 2),
  ratioWithoutMerge: round(sideBySide / single, 2),
  samplesMs: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.map((x) => round(x, 0))])),
};
console.log(`1 shard ${figures.singleMs} ms; 2 shards side by side ${figures.twoShards.sideBySideMs} ms + merge ${figures.twoShards.mergeMs} ms = ${figures.twoShards.totalMs} ms: ratio ${figures.ratio} (${figures.ratioWithoutMerge} without the merge)`);
writeResult('shards', figures, flags.out);
