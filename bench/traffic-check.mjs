#!/usr/bin/env node
// Recorded-traffic check: throughput and peak memory at 1,000, 10,000 and 100,000 HAR entries.
// Method: one default run against the bundled reference bank records traffic.har (the corpus);
// its entries are repeated, with fresh resource ids, into HARs of each size; each file is checked
// by `xs2a-conformance check` in a fresh process whose peak RSS (getrusage maxrss) it reports.
// The spec load is warm (the disk caches are filled by the corpus run), as on any second use.
// Usage: node bench/traffic-check.mjs [--har FILE] [--sizes 1000,10000,100000] [--out FILE]
import { spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, corpusHar, harEntries, parseFlags, round, withCopyIds, workDir, writeResult } from './lib.mjs';

const values = parseFlags({ har: undefined, sizes: '1000,10000,100000', out: undefined });
const sizes = values.sizes.split(',').map(Number);
const work = workDir('traffic');

// 1. the corpus: one clean default run's traffic
const corpus = harEntries(corpusHar(values.har));

// 2. HARs of each size, written as a stream; ids rewritten per copy so resources stay distinct
async function writeHar(file, size) {
  const out = createWriteStream(file);
  const write = (s) => new Promise((r) => (out.write(s) ? r() : out.once('drain', r)));
  await write('{"log":{"version":"1.2","creator":{"name":"bench","version":"1"},"entries":[\n');
  for (let i = 0; i < size; i++) {
    const copy = Math.floor(i / corpus.length);
    const text = withCopyIds(JSON.stringify(corpus[i % corpus.length]), copy);
    await write(`${i ? ',\n' : ''}${text}`);
  }
  await write('\n]}}\n');
  await new Promise((r) => out.end(r));
}

// 3. check each in a fresh process that reports its own peak RSS
const results = [];
for (const size of sizes) {
  const file = join(work, `traffic-${size}.har`);
  await writeHar(file, size);
  const probe = `process.on('exit', () => process.stderr.write('MAXRSS_KB ' + process.resourceUsage().maxRSS + '\\n')); await import(${JSON.stringify(bin)});`;
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe, 'xs2a-conformance', 'check', file, '--quiet', '--report-dir', join(work, `check-${size}`)], { encoding: 'utf8', argv0: 'node' });
  const seconds = (performance.now() - started) / 1000;
  const rss = Number(/MAXRSS_KB (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  const report = JSON.parse(readFileSync(join(work, `check-${size}`, 'report.json'), 'utf8'));
  if (report.run.traffic.exchanges !== size) throw new Error(`checked ${report.run.traffic.exchanges} of ${size} entries: ${r.stderr}`);
  results.push({ entries: size, seconds: +seconds.toFixed(2), exchangesPerSecond: Math.round(size / seconds), peakRssMb: +rss.toFixed(1), findings: report.findings.length, exit: r.status });
  console.log(`${String(size).padStart(7)} entries: ${seconds.toFixed(2)} s, ${Math.round(size / seconds)} exchanges/s, peak RSS ${rss.toFixed(1)} MB, ${report.findings.length} findings`);
}
// what one more entry costs, and whether memory follows the file's size
const [small, , large] = [results[0], results[1], results.at(-1)];
const marginal = Math.round((large.entries - small.entries) / (large.seconds - small.seconds));
const figures = {
  corpusEntries: corpus.length,
  results,
  marginalExchangesPerSecond: marginal,
  peakRssGrowth: { fromEntries: small.entries, toEntries: large.entries, mb: round(large.peakRssMb - small.peakRssMb, 1), ratio: round(large.peakRssMb / small.peakRssMb, 2) },
  targets: { exchangesPerSecondAt100k: 20000, peakRssMbAt100k: 200 },
  ratios: { throughputToTarget: round(large.exchangesPerSecond / 20000, 2), peakRssToTarget: round(large.peakRssMb / 200, 2) },
};
console.log(`marginal ${marginal} exchanges/s between ${small.entries} and ${large.entries} entries; peak RSS x${figures.peakRssGrowth.ratio} for x${large.entries / small.entries} entries`);
writeResult('traffic-check', figures, values.out);
