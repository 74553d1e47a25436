// What the benchmark scripts share: paths, the machine, the corpus (one default run's traffic.har),
// percentiles, child processes timed from outside, and the results file.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const bin = join(root, 'bin', 'xs2a-conformance.js');
export const dist = (path) => join(root, 'dist', path);
export const bundledSpec = join(root, 'specs', 'berlin-group', 'nextgenpsd2-1.3.yaml');
/** The official 1.3.12 file: a test fixture outside the project, read where it is. */
export const officialSpec = join(root, '..', 'shared', 'specs', 'berlin-group', 'psd2-api-1.3.12-2022-07-06.yaml');

/** A scratch folder, removed when the process exits (BENCH_KEEP=1 keeps it). */
export function workDir(name) {
  const dir = mkdtempSync(join(tmpdir(), `xs2a-bench-${name}-`));
  if (!process.env.BENCH_KEEP) process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function machine() {
  return { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: +(totalmem() / 2 ** 30).toFixed(1), node: process.version, platform: `${process.platform}-${process.arch}`, loadAverage1m: +loadavg()[0].toFixed(2) };
}

/** Write bench/results/NAME.json (or `out`) with the date and the machine; returns the path. */
export function writeResult(name, figures, out = join(root, 'bench', 'results', `${name}.json`)) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ benchmark: name, date: new Date().toISOString(), machine: machine(), ...figures }, null, 2)}\n`);
  console.log(`results: ${out}`);
  return out;
}

/** The built CLI must exist: the benchmarks measure dist/, as users run it. */
export function requireBuild() {
  if (!existsSync(dist('src/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
}

/**
 * The corpus: traffic.har of one clean default run against the bundled reference bank, or the
 * file given (bench/all.mjs makes one and hands it to every script).
 */
export function corpusHar(given) {
  if (given) return given;
  requireBuild();
  const dir = join(workDir('corpus'), 'run');
  const run = spawnSync(process.execPath, [bin, 'run', '--quiet', '--report-dir', dir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the corpus run failed (${run.status}): ${run.stdout}${run.stderr}`);
  return join(dir, 'traffic.har');
}

export const harEntries = (file) => JSON.parse(readFileSync(file, 'utf8')).log.entries;

/** Percentile (0..100) of numbers, nearest rank. */
export function percentile(values, p) {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values) => percentile(values, 50);
export const round = (value, digits = 2) => +value.toFixed(digits);

/** Wall time of a child process in ms (and its result), timed from outside. */
export function timedSpawnSync(args, options = {}) {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, ...options });
  return { ms: performance.now() - started, ...result };
}

/** The same, asynchronous: for processes that run side by side. */
export function timedSpawn(args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ ms: performance.now() - started, status, stdout, stderr }));
  });
}

/** Median wall time of `node -e ''` over `times` starts: the process start-up floor. */
export function nodeStartupMs(times = 7) {
  const samples = [];
  for (let i = 0; i < times; i++) samples.push(timedSpawnSync(['-e', '']).ms);
  return median(samples);
}

/** Rewrite the 12-hex tail of every UUID so that copy `n` of the corpus names new resources. */
export const withCopyIds = (text, copy) =>
  text.replace(/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-)[0-9a-f]{12}/g, (_, head) => `${head}${String(copy).padStart(12, '0')}`);

export function parseFlags(options) {
  const args = process.argv.slice(2);
  const values = {};
  for (const [name, def] of Object.entries(options)) values[name] = def;
  for (let i = 0; i < args.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(args[i]);
    if (!m || !(m[1] in options)) throw new Error(`unknown option ${args[i]}; known: ${Object.keys(options).map((o) => `--${o}`).join(' ')}`);
    values[m[1]] = m[2] ?? args[++i];
  }
  return values;
}
