#!/usr/bin/env node
// Response validation throughput versus openapi-response-validator on the same corpus.
// Method: the corpus's JSON response bodies (a default run's traffic.har, API calls only), each
// matched to its operation and status by our spec (not timed) and kept when the bundled spec
// declares a schema for it under the first declared media type (the one openapi-response-validator
// reads); bodies parsed once, each tool getting its own copy (openapi-response-validator fills in
// defaults in place). Ours: Spec.validateResponseBody (the response.schema check's call).
// Theirs: one OpenAPIResponseValidator per operation, built from the operation's responses and the
// document's components as its README shows, then validateResponse(status, body). Validators are
// built and warmed (10 passes) before timing; PASSES passes over all bodies, the tools alternating, each pass
// timed; each tool's 10th-percentile pass (medians reported too). It is also run given the formats ours checks (customFormats), for the same work. The counts of bodies each tool calls invalid are reported (the corpus is a clean
// run: ours finds none).
// Usage: node bench/validation-peer.mjs [--har FILE] [--passes 200]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bundledSpec, corpusHar, dist, harEntries, median, parseFlags, percentile, requireBuild, root, round, writeResult } from './lib.mjs';

const flags = parseFlags({ har: undefined, passes: '200', out: undefined });
requireBuild();
const peers = createRequire(join(root, 'bench', '.peers', 'peers.cjs'));
let OpenAPIResponseValidator;
let peerProblem;
try {
  OpenAPIResponseValidator = peers('openapi-response-validator').default;
} catch (e) {
  peerProblem = `openapi-response-validator is not installed in bench/.peers (node bench/install-peers.mjs): ${e.message.split('\n')[0]}`;
}
const { loadSpec } = await import(dist('src/spec/index.js'));
const { validatedDocument } = await import(dist('src/spec/validate-document.js'));
const { parse } = await import('yaml');

const spec = await loadSpec(bundledSpec);
// the document with responses resolved and body schemas still referring to the components
const raw = parse(readFileSync(bundledSpec, 'utf8'));
const document = await validatedDocument(raw, bundledSpec);

const items = [];
for (const entry of harEntries(corpusHar(flags.har))) {
  const media = entry.response.content?.mimeType?.split(';')[0].trim().toLowerCase();
  if (!media?.endsWith('json') || !entry.response.content.text) continue;
  const match = spec.match(entry.request.method, entry.request.url);
  if (!match) continue;
  const response = spec.responseFor(match.operation, entry.response.status);
  if (!response || response.mediaTypes[0]?.toLowerCase() !== media) continue;
  const body = JSON.parse(entry.response.content.text);
  if (spec.validateResponseBody(match.operation, entry.response.status, media, body) === undefined) continue;
  items.push({ op: match.operation, status: entry.response.status, media, body });
}

const oursBodies = items.map((i) => structuredClone(i.body));
const theirsBodies = items.map((i) => structuredClone(i.body));
const ours = () => {
  let invalid = 0;
  for (let i = 0; i < items.length; i++) if (spec.validateResponseBody(items[i].op, items[i].status, items[i].media, oursBodies[i]).length) invalid++;
  return invalid;
};
let theirs;
let theirsWithFormats;
if (OpenAPIResponseValidator) {
  const validators = new Map();
  for (const { op } of items) {
    if (validators.has(op.operationId)) continue;
    const responses = document.paths[op.pathTemplate][op.method.toLowerCase()].responses;
    validators.set(op.operationId, new OpenAPIResponseValidator({ responses, components: document.components }));
  }
  theirs = () => {
    let invalid = 0;
    for (let i = 0; i < items.length; i++) if (validators.get(items[i].op.operationId).validateResponse(items[i].status, theirsBodies[i])) invalid++;
    return invalid;
  };
  // the same work as ours: given the formats ours checks (ajv-formats' full definitions) as customFormats
  const { fullFormats } = createRequire(import.meta.url)('ajv-formats/dist/formats');
  const customFormats = Object.fromEntries(
    Object.entries(fullFormats).map(([name, def]) => [name, typeof def === 'function' ? def : def instanceof RegExp ? (v) => def.test(v) : def.validate instanceof RegExp ? (v) => def.validate.test(v) : (v) => def.validate(v)]),
  );
  const withFormats = new Map();
  for (const { op } of items) {
    if (withFormats.has(op.operationId)) continue;
    const responses = document.paths[op.pathTemplate][op.method.toLowerCase()].responses;
    withFormats.set(op.operationId, new OpenAPIResponseValidator({ responses, components: document.components, customFormats }));
  }
  const formatBodies = items.map((i) => structuredClone(i.body));
  theirsWithFormats = () => {
    let invalid = 0;
    for (let i = 0; i < items.length; i++) if (withFormats.get(items[i].op.operationId).validateResponse(items[i].status, formatBodies[i])) invalid++;
    return invalid;
  };
}

const tools = { ours, ...(theirs ? { theirs, theirsWithFormats } : {}) };
const invalid = Object.fromEntries(Object.entries(tools).map(([name, run]) => [name, run()])); // the verdicts
for (let w = 0; w < 10; w++) for (const run of Object.values(tools)) run(); // warm-up: JIT of each
const passes = Number(flags.passes);
const times = Object.fromEntries(Object.keys(tools).map((name) => [name, []]));
for (let p = 0; p < passes; p++) {
  for (const [name, run] of Object.entries(tools)) {
    const t = performance.now();
    run();
    times[name].push(performance.now() - t);
  }
}
// A pass is a few milliseconds: on a shared machine other processes' time slices land on some
// passes, so each tool's cost is its 10th-percentile pass (the medians are reported too).
const perSecond = (ms) => Math.round(items.length / (ms / 1000));
const fast = (xs) => percentile(xs, 10);
const oursRate = perSecond(fast(times.ours));
const theirsRate = theirs ? perSecond(fast(times.theirs)) : undefined;
const withFormatsRate = theirs ? perSecond(fast(times.theirsWithFormats)) : undefined;
const medianRates = Object.fromEntries(Object.entries(times).filter(([, xs]) => xs.length).map(([name, xs]) => [name, perSecond(median(xs))]));
const figures = {
  bodies: items.length,
  operations: new Set(items.map((i) => i.op.operationId)).size,
  passes,
  ours: { validationsPerSecond: oursRate, meanUs: round((fast(times.ours) * 1000) / items.length, 2), invalid: invalid.ours },
  ...(theirs
    ? { openapiResponseValidator: { version: peers('openapi-response-validator/package.json').version, validationsPerSecond: theirsRate, meanUs: round((fast(times.theirs) * 1000) / items.length, 2), invalid: invalid.theirs, note: 'as documented it registers no formats (ajv then ignores them): it checks less than ours' }, openapiResponseValidatorWithFormats: { validationsPerSecond: withFormatsRate, meanUs: round((fast(times.theirsWithFormats) * 1000) / items.length, 2), invalid: invalid.theirsWithFormats, note: 'given the formats ours checks as customFormats: the same work' } }
    : { openapiResponseValidator: { error: peerProblem } }),
  ...(theirs ? { ratio: round(oursRate / theirsRate, 2), ratioSameFormats: round(oursRate / withFormatsRate, 2) } : {}),
  medianPassRates: medianRates,
  ...(theirs ? { medianRatio: round(medianRates.ours / medianRates.theirs, 2) } : {}),
  target: { ratio: '> 1 (ahead)' },
};
console.log(`${items.length} bodies: ours ${oursRate}/s (${invalid.ours} invalid)${theirs ? `, openapi-response-validator ${theirsRate}/s (${invalid.theirs} invalid), with the same formats ${withFormatsRate}/s (${invalid.theirsWithFormats} invalid); ours/theirs ${figures.ratio}, same formats ${figures.ratioSameFormats}` : `; ${peerProblem}`}`);
writeResult('validation-peer', figures, flags.out);
