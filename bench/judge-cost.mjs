#!/usr/bin/env node
// Cost of every check on one exchange: the ExchangeJudge (matching, body parsing, every check,
// lifecycle tracker, learners, accepted deviations, redaction of findings), p50 and p99 per exchange.
// Method: the corpus (a default run's traffic.har) is repeated COPIES times with fresh resource ids
// per copy; the exchanges are read into memory first (HAR parsing is not timed); one judge (as
// `check` builds it, bundled profile and spec) judges them in order, each call timed with
// process.hrtime; the first WARMUP copies are not counted. A second pass times the parts of each
// judgement, the same way, to name where the time goes.
// PASSES passes (a fresh judge each); the pass with the median p50 is reported.
// Usage: node bench/judge-cost.mjs [--har FILE] [--copies 20] [--warmup 3] [--passes 3] [--profile FILE.cpuprofile]
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { corpusHar, dist, harEntries, median, parseFlags, percentile, requireBuild, round, withCopyIds, writeResult } from './lib.mjs';

const flags = parseFlags({ har: undefined, copies: '20', warmup: '3', passes: '3', profile: undefined, out: undefined });
requireBuild();
const copies = Number(flags.copies);
const warmup = Number(flags.warmup);
const { exchangeOfHarEntry } = await import(dist('src/traffic/har.js'));
const { judgeSetup } = await import(dist('src/cli/judge-setup.js'));
const { ExchangeJudge } = await import(dist('src/run/exchange-judge.js'));
const { CHECKS, learnFrom, Observations } = await import(dist('src/checks/index.js'));
const { contextOf } = await import(dist('src/checks/judge.js'));
const { LifecycleTracker } = await import(dist('src/lifecycle/tracker.js'));
const { credentialsIn } = await import(dist('src/http/redact.js')); // the judge learns secrets from the stream (when this version does)

const entries = harEntries(corpusHar(flags.har));
const setup = await judgeSetup(undefined, undefined);
const basePath = undefined;
const stream = (copyCount) => {
  const out = [];
  for (let copy = 0; copy < copyCount; copy++) {
    const text = withCopyIds(JSON.stringify(entries), copy);
    JSON.parse(text).forEach((entry, i) => out.push(exchangeOfHarEntry(entry, copy * entries.length + i)));
  }
  return out;
};
const exchanges = stream(copies);
const counted = (i) => i >= warmup * entries.length;
const ns = () => process.hrtime.bigint();

// 1. the whole judgement, per exchange
async function wholePass() {
  const judge = new ExchangeJudge({ ...setup.options, basePath });
  const samples = [];
  const kinds = [];
  let findings = 0;
  for (let i = 0; i < exchanges.length; i++) {
    const t = ns();
    const verdict = judge.judge(exchanges[i]);
    const d = Number(ns() - t) / 1000;
    findings += verdict.findings.length;
    if (counted(i)) {
      samples.push(d);
      const media = exchanges[i].response?.headers['content-type']?.split(';')[0] ?? 'no body';
      kinds.push(`${verdict.match?.operation.operationId ?? `unmatched ${exchanges[i].request.method}`} → ${exchanges[i].response?.status ?? 'error'} ${media}`);
    }
  }
  findings += judge.finish().length;
  return { samples, kinds, findings };
}

let profileFile;
if (flags.profile) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 50 });
  await session.post('Profiler.start');
  await wholePass();
  const { profile } = await session.post('Profiler.stop');
  profileFile = flags.profile;
  writeFileSync(profileFile, JSON.stringify(profile));
  session.disconnect();
}
// PASSES whole passes, each with a fresh judge; the median pass's figures
const passes = [];
for (let p = 0; p < Number(flags.passes); p++) passes.push(await wholePass());
const byP50 = [...passes].sort((a, b) => median(a.samples) - median(b.samples));
const whole = byP50[Math.floor(byP50.length / 2)];

// 2. the same judgement taken apart (as ExchangeJudge.judge does it), to name the hot parts
const parts = { ...(credentialsIn ? { 'learn secrets from the exchange': [] } : {}), 'match + parse bodies (context)': [], lifecycle: [], learners: [] };
for (const check of CHECKS) parts[`check ${check.id}`] = [];
{
  const tracker = new LifecycleTracker(setup.options.machines);
  const observations = new Observations();
  const secrets = new Set();
  for (let i = 0; i < exchanges.length; i++) {
    const ex = exchanges[i];
    let t = ns();
    const take = (name) => {
      const now = ns();
      if (counted(i)) parts[name].push(Number(now - t) / 1000);
      t = now;
    };
    if (credentialsIn) {
      for (const secret of credentialsIn(ex)) secrets.add(secret);
      take('learn secrets from the exchange');
    }
    const ctx = contextOf(ex, setup.spec, basePath, observations);
    take('match + parse bodies (context)');
    for (const check of CHECKS) {
      if (check.appliesTo(ex, ctx)) check.judge(ex, ctx);
      take(`check ${check.id}`);
    }
    if (ex.response) tracker.observe(ex, ctx.match, ctx.responseJson);
    take('lifecycle');
    learnFrom(ex, ctx, observations);
    take('learners');
  }
}
const n = whole.samples.length;
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const total = sum(whole.samples);
const breakdown = Object.entries(parts)
  .map(([part, xs]) => ({ part, meanUs: round(sum(xs) / xs.length, 3), p50Us: round(median(xs), 3), share: round(sum(xs) / sum(Object.values(parts).flat()), 3) }))
  .sort((a, b) => b.meanUs - a.meanUs);

// the exchanges behind the tail: kinds of exchange by their share of the time above p99
const p99 = percentile(whole.samples, 99);
const tail = new Map();
whole.samples.forEach((us, i) => {
  if (us < p99) return;
  const kind = whole.kinds[i];
  tail.set(kind, (tail.get(kind) ?? 0) + 1);
});
const tailKinds = [...tail].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([kind, count]) => ({ kind, count }));
const p50 = median(whole.samples);
const figures = {
  corpusEntries: entries.length,
  copies,
  warmupCopies: warmup,
  passes: passes.length,
  p50UsOfEachPass: passes.map((p) => round(median(p.samples), 2)),
  exchangesTimed: n,
  findings: whole.findings,
  p50Us: round(p50, 2),
  p90Us: round(percentile(whole.samples, 90), 2),
  p99Us: round(percentile(whole.samples, 99), 2),
  meanUs: round(total / n, 2),
  exchangesPerSecondJudgeOnly: Math.round((n / total) * 1e6),
  target: { p50Us: 25 },
  ratioToTarget: round(p50 / 25, 2),
  breakdown,
  aboveP99: tailKinds,
  ...(profileFile ? { cpuProfile: profileFile } : {}),
};
console.log(`judge per exchange: p50 ${figures.p50Us} µs, p99 ${figures.p99Us} µs, mean ${figures.meanUs} µs over ${n} exchanges (${figures.findings} findings); p50 / 25 µs target = ${figures.ratioToTarget}`);
for (const b of breakdown.slice(0, 6)) console.log(`  ${b.part}: mean ${b.meanUs} µs (${Math.round(b.share * 100)} %)`);
writeResult('judge-cost', figures, flags.out);
