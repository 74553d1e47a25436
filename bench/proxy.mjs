#!/usr/bin/env node
// The validation proxy's added latency and throughput, against the floor and against Stoplight
// Prism's proxy on the same traffic.
// Method: a bare node:http server (its own process) answers each request with the recorded
// response of the corpus entry it names (header x-bench-entry): the corpus's XS2A API calls (the
// SCA pages and sandbox hooks are not in the spec, so they are left out). Three ways to it, all
// on 127.0.0.1, each through one undici keep-alive Agent of this process:
//   floor — straight to the server;
//   bareProxy — through a pass-through proxy with no checks (node:http in, undici out, as ours
//           forwards): what any proxy hop costs here;
//   ours  — through `xs2a-conformance proxy --target SERVER` (bundled profile and spec; every
//           exchange judged after its answer is sent);
//   prism — through `prism proxy SPEC SERVER` (@stoplight/prism-cli, installed into bench/.peers;
//           default options: it validates requests and responses and logs each request).
// Every pass over the calls is a new copy of the traffic, its resource ids rewritten (as in
// traffic-check.mjs), so that each pass creates new resources rather than replaying old ones.
// Latency: the API calls sent one at a time, each timed to the end of its body; p50 and p99.
// Throughput: the same calls, CONCURRENCY in flight, requests per second. ROUNDS rounds, the
// targets alternating within each round; medians of the rounds. Everything stops by itself.
// --profile DIR runs ours under --cpu-prof (its figures then carry the profiler's cost).
// Usage: node bench/proxy.mjs [--har FILE] [--rounds 3] [--concurrency 8] [--repeat 4] [--profile DIR]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { bin, bundledSpec, corpusHar, harEntries, median, parseFlags, percentile, requireBuild, root, round, withCopyIds, workDir, writeResult } from './lib.mjs';

const flags = parseFlags({ har: undefined, rounds: '3', concurrency: '8', repeat: '4', profile: undefined, child: undefined, out: undefined });
const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date']);
const isApi = (entry) => /^\/v[12]\//.test(new URL(entry.request.url).pathname);

if (flags.child === 'upstream') {
  const entries = harEntries(flags.har);
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const entry = entries[Number(req.headers['x-bench-entry'])];
      if (!entry) return res.writeHead(404).end();
      const copy = Number(req.headers['x-bench-copy'] ?? 0);
      const headers = {};
      for (const h of entry.response.headers) if (!HOP.has(h.name.toLowerCase())) headers[h.name] = withCopyIds(h.value, copy);
      res.writeHead(entry.response.status, headers);
      res.end(withCopyIds(entry.response.content?.text ?? '', copy));
    });
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
  setTimeout(() => process.exit(0), 15 * 60_000).unref(); // bounded: never outlives a bench
  process.on('SIGTERM', () => process.exit(0));
} else if (flags.child === 'bare-proxy') {
  // a pass-through proxy with no checks: node:http in, undici out, as ours forwards
  const { Agent, request } = await import('undici');
  const target = flags.har; // the upstream URL
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks);
    const headers = {};
    for (const [k, v] of Object.entries(req.headers)) if (!HOP.has(k) && k !== 'host') headers[k] = v;
    const answer = await request(`${target}${req.url}`, { method: req.method, headers, ...(body.length ? { body } : {}), dispatcher: agent });
    const out = Buffer.from(await answer.body.arrayBuffer());
    const resHeaders = {};
    for (const [k, v] of Object.entries(answer.headers)) if (!HOP.has(k)) resHeaders[k] = v;
    res.writeHead(answer.statusCode, resHeaders);
    res.end(out);
  });
  server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
  setTimeout(() => process.exit(0), 15 * 60_000).unref();
  process.on('SIGTERM', () => process.exit(0));
} else {
  requireBuild();
  const { Agent, request } = await import('undici');
  const har = corpusHar(flags.har);
  const entries = harEntries(har);
  const api = entries.map((e, i) => [i, e]).filter(([, e]) => isApi(e));
  const rounds = Number(flags.rounds);
  const concurrency = Number(flags.concurrency);
  const repeat = Number(flags.repeat);
  const work = workDir('proxy');
  const children = [];
  const started = (args, ready, options = {}) =>
    new Promise((resolve, reject) => {
      const child = spawn(args[0], args.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], ...options });
      children.push(child);
      let out = '';
      const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start: ${out}`)), 60_000);
      const look = (d) => {
        out += d;
        if (out.length > 100_000) out = out.slice(-10_000);
        const m = ready.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve({ child, match: m });
        }
      };
      child.stdout.on('data', look);
      child.stderr.on('data', look);
      child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}: ${out}`)));
    });
  const countBy = (xs, key) => xs.reduce((acc, x) => ({ ...acc, [key(x)]: (acc[key(x)] ?? 0) + 1 }), {});
  const freePort = () => new Promise((resolve) => { const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });

  try {
    const upstream = await started([process.execPath, join(import.meta.dirname, 'proxy.mjs'), '--child', 'upstream', '--har', har], /listening (\d+)/);
    const upstreamUrl = `http://127.0.0.1:${upstream.match[1]}`;
    const bare = await started([process.execPath, join(import.meta.dirname, 'proxy.mjs'), '--child', 'bare-proxy', '--har', upstreamUrl], /listening (\d+)/);
    const oursPort = await freePort();
    const ours = await started([process.execPath, ...(flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${flags.profile}`] : []), bin, 'proxy', '--target', upstreamUrl, '--port', String(oursPort), '--report-dir', join(work, 'ours')], /validation proxy on (http:\/\/[\d.:]+)/);
    const targets = { floor: upstreamUrl, bareProxy: `http://127.0.0.1:${bare.match[1]}`, ours: ours.match[1] };
    const prismBin = join(root, 'bench', '.peers', 'node_modules', '.bin', 'prism');
    let prismProblem;
    if (existsSync(prismBin)) {
      try {
        const prismPort = await freePort();
        await started([prismBin, 'proxy', bundledSpec, upstreamUrl, '-p', String(prismPort)], /listening on (http:\/\/[\d.:]+)/i);
        targets.prism = `http://127.0.0.1:${prismPort}`;
      } catch (e) {
        prismProblem = e.message.slice(0, 500);
      }
    } else prismProblem = 'not installed: run `node bench/install-peers.mjs` (npm install --prefix bench/.peers)';

    const agents = Object.fromEntries(Object.keys(targets).map((t) => [t, new Agent({ keepAliveTimeout: 30_000, connections: concurrency })]));
    // each pass over the calls is a new copy of the traffic: its resource ids rewritten (requests
    // here, responses in the server) so that every pass creates new payments and consents
    let copies = 0;
    const send = async (target, [index, entry], copy) => {
      const headers = { 'x-bench-entry': String(index), 'x-bench-copy': String(copy) };
      for (const h of entry.request.headers) if (!HOP.has(h.name.toLowerCase()) && h.name.toLowerCase() !== 'host') headers[h.name] = withCopyIds(h.value, copy);
      const url = new URL(withCopyIds(entry.request.url, copy));
      const body = entry.request.postData?.text;
      const answer = await request(`${targets[target]}${url.pathname}${url.search}`, { method: entry.request.method, headers, body: body === undefined ? undefined : withCopyIds(body, copy), dispatcher: agents[target] });
      await answer.body.text();
      return { status: answer.statusCode, expected: entry.response.status, violations: answer.headers['sl-violations'] !== undefined };
    };
    const latencyPass = async (target) => {
      const samples = [];
      let mismatched = 0;
      let violations = 0;
      const copy = ++copies;
      for (const call of api) {
        const t = performance.now();
        const r = await send(target, call, copy);
        samples.push((performance.now() - t) * 1000);
        if (r.status !== r.expected) mismatched++;
        if (r.violations) violations++;
      }
      return { p50Us: median(samples), p99Us: percentile(samples, 99), mismatched, violations };
    };
    const throughputPass = async (target) => {
      const calls = Array.from({ length: repeat }, () => ++copies).flatMap((copy) => api.map((call) => [call, copy]));
      let next = 0;
      const t = performance.now();
      await Promise.all(Array.from({ length: concurrency }, async () => { while (next < calls.length) { const [call, copy] = calls[next++]; await send(target, call, copy); } }));
      return calls.length / ((performance.now() - t) / 1000);
    };

    for (const target of Object.keys(targets)) await latencyPass(target); // warm-up: connections, JIT, validators
    const results = Object.fromEntries(Object.keys(targets).map((t) => [t, { latency: [], throughput: [] }]));
    for (let r = 0; r < rounds; r++) {
      for (const target of Object.keys(targets)) {
        results[target].latency.push(await latencyPass(target));
        results[target].throughput.push(await throughputPass(target));
      }
    }
    await Promise.all(Object.values(agents).map((a) => a.close()));

    const summary = Object.fromEntries(
      Object.entries(results).map(([t, r]) => [t, {
        p50Us: round(median(r.latency.map((l) => l.p50Us)), 1),
        p99Us: round(median(r.latency.map((l) => l.p99Us)), 1),
        requestsPerSecond: Math.round(median(r.throughput)),
        statusMismatches: r.latency.at(-1).mismatched,
        ...(t === 'prism' ? { responsesWithViolationsHeader: r.latency.at(-1).violations } : {}),
      }]),
    );
    // stop ours the way a user does, and read what it judged
    ours.child.kill('SIGINT');
    await new Promise((resolve) => ours.child.once('exit', resolve));
    const oursReport = JSON.parse(readFileSync(join(work, 'ours', 'report.json'), 'utf8'));
    const added = (t) => round(summary[t].p50Us - summary.floor.p50Us, 1);
    const figures = {
      apiCalls: api.length,
      rounds,
      concurrency,
      requestsPerThroughputPass: api.length * repeat,
      ...summary,
      bareProxy: { ...summary.bareProxy, addedP50Us: added('bareProxy'), throughputToFloor: round(summary.bareProxy.requestsPerSecond / summary.floor.requestsPerSecond, 2) },
      ours: { ...summary.ours, addedP50Us: added('ours'), addedP50OverBareProxyUs: round(summary.ours.p50Us - summary.bareProxy.p50Us, 1), throughputToBareProxy: round(summary.ours.requestsPerSecond / summary.bareProxy.requestsPerSecond, 2), throughputToFloor: round(summary.ours.requestsPerSecond / summary.floor.requestsPerSecond, 2), exchangesJudged: oursReport.run?.traffic?.exchanges, findings: oursReport.findings?.length, findingsByCheck: countBy(oursReport.findings ?? [], (f) => f.check) },
      ...(summary.prism ? { prism: { ...summary.prism, version: '5.14.2', addedP50Us: added('prism'), throughputToFloor: round(summary.prism.requestsPerSecond / summary.floor.requestsPerSecond, 2) } } : { prism: { error: prismProblem } }),
      targets: { addedP50Us: 250, throughputToFloor: 0.5 },
    };
    if (summary.prism) figures.oursToPrism = { addedP50: round(figures.ours.addedP50Us / figures.prism.addedP50Us, 2), throughput: round(summary.ours.requestsPerSecond / summary.prism.requestsPerSecond, 2) };
    console.log(`floor p50 ${summary.floor.p50Us} µs, ${summary.floor.requestsPerSecond} req/s`);
    console.log(`bare pass-through proxy p50 +${figures.bareProxy.addedP50Us} µs, ${summary.bareProxy.requestsPerSecond} req/s (${figures.bareProxy.throughputToFloor} of the floor)`);
    console.log(`ours  p50 +${figures.ours.addedP50Us} µs, ${summary.ours.requestsPerSecond} req/s (${figures.ours.throughputToFloor} of the floor)`);
    if (summary.prism) console.log(`prism p50 +${figures.prism.addedP50Us} µs, ${summary.prism.requestsPerSecond} req/s (${figures.prism.throughputToFloor} of the floor)`);
    else console.log(`prism: ${prismProblem}`);
    writeResult('proxy', figures, flags.out);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  }
}
