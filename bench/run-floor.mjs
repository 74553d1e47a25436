#!/usr/bin/env node
// A full default run against the bundled reference bank versus its physical floor, and where the
// run's time goes.
// Method (each case RUNS times, alternating, medians; every ratio within this one script run):
//   run    — `xs2a-conformance run --quiet` in a fresh process, wall time from outside.
//   floor  — the same HTTP exchanges (the run's traffic.har) sent in order by a bare undici
//            keep-alive loop, no checks, to a reference bank started in the loop's process; ids the
//            bank gives (UUIDs, form tokens) are mapped from the recording to the live answers and
//            the redacted PSU passwords put back, so that the flows go as recorded; plus the process
//            start-up (`node -e ''`, median of 7).
//   phases — `--version` (the CLI's module graph); vitest alone on the conformance project (the
//            same suites and bank, none of the CLI's reporters) with a reporter noting when each
//            phase starts (bench/phase-reporter.mjs), as configured and with --no-isolate and with
//            --maxWorkers=2; and one CLI run under --cpu-prof, its main process's time by package.
// Usage: node bench/run-floor.mjs [--har FILE] [--runs 3]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, corpusHar, dist, harEntries, median, nodeStartupMs, parseFlags, requireBuild, root, round, timedSpawnSync, workDir, writeResult } from './lib.mjs';

const flags = parseFlags({ har: undefined, runs: '3', child: undefined, out: undefined });

const PASSWORDS = { 'psu-alice': 'sandbox-alice-1', 'psu-bob': 'sandbox-bob-2' };
const IDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[0-9a-f]{32,}\b/g;

if (flags.child === 'replay') {
  // the floor's loop, in a process of its own: prints the loop time and how faithful the replay was
  const { startSandbox } = await import(dist('src/sandbox/index.js'));
  const { Agent, request } = await import('undici');
  const entries = harEntries(flags.har);
  const bank = await startSandbox({});
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const recordedOrigin = new URL(entries[0].request.url).origin;
  const liveOrigin = new URL(bank.url).origin;
  const mapped = new Map();
  const map = (text) => text.replaceAll(recordedOrigin, liveOrigin).replace(IDS, (id) => mapped.get(id) ?? id);
  const skip = new Set(['host', 'content-length', 'connection', 'keep-alive', 'transfer-encoding']);
  let sameStatus = 0;
  const started = performance.now();
  for (const entry of entries) {
    const headers = {};
    for (const h of entry.request.headers) if (!skip.has(h.name.toLowerCase())) headers[h.name] = map(h.value);
    let body = entry.request.postData?.text;
    if (body !== undefined) body = map(body).replace(/psuId=([^&]+)&password=\*\*\*/, (all, psu) => (PASSWORDS[psu] ? `psuId=${psu}&password=${PASSWORDS[psu]}` : all));
    const answer = await request(map(entry.request.url), { method: entry.request.method, headers, body, dispatcher: agent });
    const text = await answer.body.text();
    if (answer.statusCode === entry.response.status) sameStatus++;
    // what the recording called X the live bank calls Y: pair the ids of both answers in order
    const location = (hs) => (Array.isArray(hs) ? hs.find((h) => h.name.toLowerCase() === 'location')?.value : hs.location) ?? '';
    const recorded = `${location(entry.response.headers)} ${entry.response.content?.text ?? ''}`.match(IDS) ?? [];
    const live = `${location(answer.headers)} ${text}`.match(IDS) ?? [];
    for (let i = 0; i < Math.min(recorded.length, live.length); i++) if (recorded[i] !== live[i] && !mapped.has(recorded[i])) mapped.set(recorded[i], live[i]);
  }
  const loopMs = performance.now() - started;
  await agent.close();
  await bank.close();
  console.log(JSON.stringify({ loopMs, exchanges: entries.length, sameStatus }));
  process.exit(0);
}

requireBuild();
const runs = Number(flags.runs);
const work = workDir('run-floor');
const har = corpusHar(flags.har);
const entries = harEntries(har).length;

const ok = (r, what) => {
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}): ${r.stdout}${r.stderr}`);
  return r;
};
const fullRun = (i) => ok(timedSpawnSync([bin, 'run', '--quiet', '--report-dir', join(work, `run-${i}`)]), 'the run').ms;

/** Self time of a CPU profile by package (node_modules/NAME, ours: dist/src/DIR, node internals), and the fsync calls. */
function selfTimeByPackage(file) {
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const self = new Map();
  p.samples.forEach((s, i) => self.set(s, (self.get(s) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const byWhat = new Map();
  let idle = 0;
  let total = 0;
  for (const n of p.nodes) {
    const t = self.get(n.id) ?? 0;
    total += t;
    const { url, functionName } = n.callFrame;
    if (functionName === '(idle)') idle += t;
    const what = functionName === 'fsyncSync' || functionName === 'fsync' ? 'fsync (allure-js-commons writes each result file and fsyncs it)'
      : url.includes('node_modules/') ? url.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1')
      : url.includes('/dist/') ? url.replace(/.*\/dist\/(src\/[^/]+|reporters).*/, 'ours: $1')
      : url.startsWith('node:') ? 'node (module loading, fs, streams)'
      : functionName || '(native)';
    byWhat.set(what, (byWhat.get(what) ?? 0) + t);
  }
  byWhat.delete('(idle)');
  const top = [...byWhat].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([what, us]) => ({ what, ms: round(us / 1000, 0) }));
  return { wallMs: round((p.endTime - p.startTime) / 1000, 0), busyMs: round((total - idle) / 1000, 0), top };
}
const replay = () => {
  const r = timedSpawnSync([join(import.meta.dirname, 'run-floor.mjs'), '--child', 'replay', '--har', har]);
  if (r.status !== 0) throw new Error(`the replay failed: ${r.stderr}`);
  return { ...JSON.parse(r.stdout.trim().split('\n').pop()), processMs: r.ms };
};

// vitest alone on the same suites (its bank from the global setup, none of the CLI's reporters),
// with a reporter that notes when each phase starts: as the CLI runs it (one worker on this
// machine: vitest takes cores − 1), with --no-isolate (one module graph for every suite file), and
// with --maxWorkers=2
const VITEST_VARIANTS = { default: [], noIsolate: ['--no-isolate'], twoWorkers: ['--maxWorkers=2'] };
const vitestRun = (variant, i) => {
  const out = join(work, `phases-${variant}-${i}.json`);
  const t0 = Date.now();
  const r = timedSpawnSync([join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'conformance', '--reporter', join(import.meta.dirname, 'phase-reporter.mjs'), ...VITEST_VARIANTS[variant]], { cwd: root, env: { ...process.env, CI: 'true', BENCH_PHASES_OUT: out } });
  if (r.status !== 0) throw new Error(`vitest ${variant} failed (${r.status}): ${r.stdout.slice(-2000)}${r.stderr.slice(-2000)}`);
  const { events, modules } = JSON.parse(readFileSync(out, 'utf8'));
  return {
    wallMs: r.ms,
    toVitestInitMs: events.init - t0,
    toFirstTestMs: events.firstTestReady - t0,
    testsSpanMs: events.lastTestResult - events.firstTestReady,
    afterLastTestMs: r.ms - (events.lastTestResult - t0),
    modules: modules.map((m) => ({ file: m.file, tests: m.tests, collectMs: m.collectMs, testsMs: m.testsMs })),
  };
};

const samples = { run: [], loop: [], replayProcess: [], version: [] };
const vitestSamples = Object.fromEntries(Object.keys(VITEST_VARIANTS).map((v) => [v, []]));
let fidelity;
for (let i = 0; i < runs; i++) {
  samples.run.push(fullRun(i));
  const r = replay();
  samples.loop.push(r.loopMs);
  samples.replayProcess.push(r.processMs);
  fidelity = r;
  samples.version.push(timedSpawnSync([bin, '--version']).ms);
  for (const variant of Object.keys(VITEST_VARIANTS)) vitestSamples[variant].push(vitestRun(variant, i));
}
const startupMs = nodeStartupMs();

// where the CLI's own process spends its time: one run under --cpu-prof, self time by package
const profDir = join(work, 'cpu-profile');
ok(timedSpawnSync(['--cpu-prof', `--cpu-prof-dir=${profDir}`, bin, 'run', '--quiet', '--report-dir', join(work, 'profiled')]), 'the profiled run');
// the workers inherit the flag: the main process's profile is the one that lasted longest
const profiles = readdirSync(profDir).map((f) => join(profDir, f));
const span = (f) => { const { startTime, endTime } = JSON.parse(readFileSync(f, 'utf8')); return endTime - startTime; };
const mainProfile = selfTimeByPackage(profiles.sort((a, b) => span(b) - span(a))[0]);

const medianOf = (xs, key) => round(median(xs.map((x) => x[key])), 0);
const vitestPhases = Object.fromEntries(
  Object.entries(vitestSamples).map(([variant, xs]) => [variant, {
    wallMs: medianOf(xs, 'wallMs'),
    toVitestInitMs: medianOf(xs, 'toVitestInitMs'),
    toFirstTestMs: medianOf(xs, 'toFirstTestMs'),
    testsSpanMs: medianOf(xs, 'testsSpanMs'),
    afterLastTestMs: medianOf(xs, 'afterLastTestMs'),
    modules: xs[Math.floor(xs.length / 2)].modules,
  }]),
);
const runMs = median(samples.run);
const loopMs = median(samples.loop);
const floorMs = startupMs + loopMs;
const figures = {
  corpusEntries: entries,
  runs,
  runMs: round(runMs, 0),
  floor: { startupMs: round(startupMs, 1), replayLoopMs: round(loopMs, 0), totalMs: round(floorMs, 0), replayedWithRecordedStatus: `${fidelity.sameStatus}/${fidelity.exchanges}`, replayProcessMs: round(median(samples.replayProcess), 0) },
  ratio: round(runMs / floorMs, 2),
  target: { ratio: 1.3 },
  phases: {
    cliImportMs: round(median(samples.version) - startupMs, 0),
    vitestAlone: vitestPhases,
    cliOverVitestAloneMs: round(runMs - vitestPhases.default.wallMs, 0),
    ratios: {
      vitestAloneToRun: round(vitestPhases.default.wallMs / runMs, 2),
      noIsolateToDefault: round(vitestPhases.noIsolate.wallMs / vitestPhases.default.wallMs, 2),
      twoWorkersToDefault: round(vitestPhases.twoWorkers.wallMs / vitestPhases.default.wallMs, 2),
    },
    cliMainProcessCpu: mainProfile,
  },
  samplesMs: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.map((x) => round(x, 0))])),
};
const d = vitestPhases.default;
console.log(`default run ${figures.runMs} ms vs floor ${figures.floor.totalMs} ms (start-up ${figures.floor.startupMs} + loop ${figures.floor.replayLoopMs}; ${figures.floor.replayedWithRecordedStatus} same status): ratio ${figures.ratio} (target ≤ 1.3)`);
console.log(`vitest alone ${d.wallMs} ms: to init ${d.toVitestInitMs}, to first test ${d.toFirstTestMs}, tests ${d.testsSpanMs}, after ${d.afterLastTestMs}; --no-isolate x${figures.phases.ratios.noIsolateToDefault}, --maxWorkers=2 x${figures.phases.ratios.twoWorkersToDefault}; the CLI adds ${figures.phases.cliOverVitestAloneMs} ms`);
console.log(`CLI main process: busy ${mainProfile.busyMs} ms of ${mainProfile.wallMs} ms; ${mainProfile.top.slice(0, 6).map((t) => `${t.what} ${t.ms}`).join(', ')}`);
writeResult('run-floor', figures, flags.out);
