#!/usr/bin/env node
// Recorded-traffic check: throughput and peak memory at 1,000, 10,000 and 100,000 HAR entries.
// Method: one default run against the bundled reference bank records traffic.har (the corpus);
// its entries are repeated, with fresh resource ids, into HARs of each size; each file is checked
// by `xs2a-conformance check` in a fresh process whose peak RSS (getrusage maxrss) it reports.
// Usage: node bench/traffic-check.mjs [--sizes 1000,10000,100000] [--out bench/results/traffic-check.json]
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'xs2a-conformance.js');
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000,100000' }, out: { type: 'string', default: join(root, 'bench', 'results', 'traffic-check.json') } } });
const sizes = values.sizes.split(',').map(Number);
const work = mkdtempSync(join(tmpdir(), 'xs2a-bench-'));

// 1. the corpus: one clean default run's traffic
const run = spawnSync(process.execPath, [bin, 'run', '--quiet', '--report-dir', join(work, 'run')], { encoding: 'utf8' });
if (run.status !== 0) throw new Error(`the corpus run failed (${run.status}): ${run.stdout}${run.stderr}`);
const corpus = JSON.parse(readFileSync(join(work, 'run', 'traffic.har'), 'utf8')).log.entries;

// 2. HARs of each size, written as a stream; ids rewritten per copy so resources stay distinct
async function writeHar(file, size) {
  const out = createWriteStream(file);
  const write = (s) => new Promise((r) => (out.write(s) ? r() : out.once('drain', r)));
  await write('{"log":{"version":"1.2","creator":{"name":"bench","version":"1"},"entries":[\n');
  for (let i = 0; i < size; i++) {
    const copy = Math.floor(i / corpus.length);
    const text = JSON.stringify(corpus[i % corpus.length]).replace(/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-)[0-9a-f]{12}/g, (_, head) => `${head}${String(copy).padStart(12, '0')}`);
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
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify({ benchmark: 'traffic-check', date: new Date().toISOString(), machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: +(totalmem() / 2 ** 30).toFixed(1), node: process.version }, corpusEntries: corpus.length, results }, null, 2)}\n`);
console.log(`results: ${values.out}`);
