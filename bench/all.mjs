#!/usr/bin/env node
// `npm run bench`: every benchmark, one after the other (never side by side: they measure the
// machine), on one corpus (a clean default run's traffic.har). Each writes bench/results/NAME.json;
// docs/BENCHMARKS.md shows the figures and the method.
// Usage: npm run bench [-- --only judge-cost,spec-load]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { corpusHar, parseFlags, requireBuild, root } from './lib.mjs';

const flags = parseFlags({ only: undefined });
const BENCHMARKS = [
  ['run-floor', ['--runs', '3']],
  ['judge-cost', []],
  ['spec-load', ['--runs', '5']],
  ['traffic-check', []],
  ['validation-peer', []],
  ['proxy', ['--rounds', '3']],
  ['shards', ['--rounds', '2']],
];
const only = flags.only?.split(',');
requireBuild();
spawnSync(process.execPath, [join(root, 'bench', 'install-peers.mjs')], { stdio: 'inherit' });
console.log('corpus: one default run against the reference bank');
const har = corpusHar();
const failed = [];
for (const [name, args] of BENCHMARKS) {
  if (only && !only.includes(name)) continue;
  console.log(`\n== ${name}`);
  const takesHar = name !== 'spec-load' && name !== 'shards';
  const r = spawnSync(process.execPath, [join(root, 'bench', `${name}.mjs`), ...args, ...(takesHar ? ['--har', har] : [])], { stdio: 'inherit' });
  if (r.status !== 0) failed.push(name);
}
if (failed.length) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
