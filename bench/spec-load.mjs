#!/usr/bin/env node
// Spec loading for the official NextGenPSD2 1.3.12 file (read where it lies, in ../shared), cold and
// warm, and the compilation of every response schema with the shared components registered once
// versus each response dereferenced on its own.
// Method: every figure comes from a fresh Node process (this script run with --child MODE) whose
// TMPDIR is a folder of this run, so that the disk caches (documents, validators) are empty or full
// as each case needs. In-process times exclude importing the tool's modules (reported apart):
//   cold  — no cache: read, parse YAML, repair, validate and dereference (swagger-parser), index,
//           compile every body validator (and write both caches), then call every response validator once;
//   warm  — both caches full: the same load and the same calls (the validators come from the disk cache);
//   warm-document — the document cache full, no validator cache (what a load cost before the validator cache);
//   phases — a cold load taken apart step by step (parse, repair, validate, index, compile), in a process of its own.
// Each case runs RUNS times; the median is reported.
// Usage: node bench/spec-load.mjs [--spec FILE] [--runs 5]
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { dist, median, officialSpec, parseFlags, requireBuild, round, timedSpawnSync, workDir, writeResult } from './lib.mjs';

const flags = parseFlags({ spec: officialSpec, runs: '5', child: undefined, out: undefined });

if (flags.child) {
  const t0 = performance.now();
  const { loadSpec } = await import(dist('src/spec/index.js'));
  const responses = (spec) => spec.operations.flatMap((op) => Object.values(op.responses).flatMap((r) => r.mediaTypes.map((m) => [op, r, m])));
  const statusOf = (r) => (r.status.toLowerCase() === 'default' ? 599 : Number(r.status.replace(/x/gi, '0')));
  if (flags.child === 'load') {
    const t1 = performance.now();
    const spec = await loadSpec(flags.spec);
    const t2 = performance.now();
    let validators = 0;
    for (const [op, r, m] of responses(spec)) if (spec.validateResponseBody(op, statusOf(r), m, {}) !== undefined) validators++;
    const t3 = performance.now();
    console.log(JSON.stringify({ importMs: t1 - t0, loadMs: t2 - t1, firstCallsMs: t3 - t2, totalMs: t3 - t1, validators, operations: spec.operations.length }));
  } else if (flags.child === 'phases') {
    // a cold load taken apart, step by step as load.ts does it (no cache is read)
    const { parse } = await import('yaml');
    const { createHash } = await import('node:crypto');
    const { tolerateDefects } = await import(dist('src/spec/tolerate-defects.js'));
    const { openApiDocument, validatedDocument } = await import(dist('src/spec/validate-document.js'));
    const { writeCachedDocument } = await import(dist('src/spec/document-cache.js'));
    const { indexOperations } = await import(dist('src/spec/operations.js'));
    const { bodyValidators } = await import(dist('src/spec/body-validators.js'));
    const phases = {};
    let t = performance.now();
    const step = (name) => {
      const now = performance.now();
      phases[name] = now - t;
      t = now;
    };
    const text = readFileSync(flags.spec, 'utf8');
    const hash = createHash('sha256').update(text).digest('hex');
    step('read and hash');
    const raw = openApiDocument(parse(text, { logLevel: 'error' }), flags.spec);
    step('parse YAML');
    const warnings = tolerateDefects(raw, flags.spec);
    step('repair tolerated defects');
    const dereferenced = await validatedDocument(raw, flags.spec);
    step('validate and dereference (swagger-parser)');
    writeCachedDocument(hash, { raw, dereferenced, warnings });
    step('write the document cache');
    const operations = indexOperations(dereferenced);
    step('index operations');
    bodyValidators(raw, operations, flags.spec, hash);
    step('compile every body validator, write the validator cache');
    console.log(JSON.stringify(phases));
  } else {
    // the compilation alone, from the validated document: shared components vs per-response dereferencing
    const { parse } = await import('yaml');
    const { tolerateDefects } = await import(dist('src/spec/tolerate-defects.js'));
    const { validatedDocument } = await import(dist('src/spec/validate-document.js'));
    const { indexOperations } = await import(dist('src/spec/operations.js'));
    const raw = parse(readFileSync(flags.spec, 'utf8'));
    tolerateDefects(raw, flags.spec);
    const dereferenced = await validatedDocument(raw, flags.spec);
    const operations = indexOperations(dereferenced);
    let compiled = 0;
    let ms;
    if (flags.child === 'compile-shared') {
      const { bodyValidators } = await import(dist('src/spec/body-validators.js'));
      const t = performance.now();
      const bodies = bodyValidators(raw, operations, flags.spec); // no hash: lazy, no disk cache
      for (const op of operations) for (const r of Object.values(op.responses)) for (const m of r.mediaTypes) bodies.response(op, r.status, m, {}) !== undefined && compiled++;
      ms = performance.now() - t;
    } else if (flags.child === 'compile-dereferenced') {
      const SwaggerParser = (await import('@apidevtools/swagger-parser')).default;
      const { toJsonSchema } = await import(dist('src/spec/oas-to-json-schema.js'));
      const { Ajv } = await import('ajv');
      const addFormats = (await import('ajv-formats')).default;
      const full = await SwaggerParser.dereference(structuredClone(raw));
      const t = performance.now();
      const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false });
      addFormats(ajv);
      for (const op of operations) {
        const responsesOf = full.paths[op.pathTemplate][op.method.toLowerCase()].responses;
        for (const r of Object.values(op.responses)) {
          for (const m of r.mediaTypes) {
            const schema = responsesOf[r.status]?.content?.[m]?.schema;
            if (!schema) continue;
            ajv.compile(toJsonSchema(schema));
            compiled++;
          }
        }
      }
      ms = performance.now() - t;
    }
    console.log(JSON.stringify({ ms, compiled }));
  }
  process.exit(0);
}

requireBuild();
const runs = Number(flags.runs);
const cacheHome = workDir('spec-load');
const child = (mode, env = {}) => {
  const r = timedSpawnSync([join(import.meta.dirname, 'spec-load.mjs'), '--child', mode, '--spec', flags.spec], { env: { ...process.env, TMPDIR: cacheHome, ...env } });
  if (r.status !== 0) throw new Error(`spec-load --child ${mode} failed: ${r.stderr}`);
  return { ...JSON.parse(r.stdout.trim().split('\n').pop()), processMs: r.ms };
};
const clearCaches = (which) => rmSync(join(cacheHome, `xs2a-conformance-${process.getuid?.() ?? 'user'}`, which), { recursive: true, force: true });

const cases = { cold: [], warm: [], 'warm-document': [] };
for (let i = 0; i < runs; i++) {
  clearCaches('');
  cases.cold.push(child('load'));
  cases.warm.push(child('load'));
  clearCaches('validators');
  cases['warm-document'].push(child('load'));
}
const coldPhases = [];
for (let i = 0; i < runs; i++) {
  clearCaches('');
  const r = timedSpawnSync([join(import.meta.dirname, 'spec-load.mjs'), '--child', 'phases', '--spec', flags.spec], { env: { ...process.env, TMPDIR: cacheHome } });
  if (r.status !== 0) throw new Error(`spec-load --child phases failed: ${r.stderr}`);
  coldPhases.push(JSON.parse(r.stdout.trim().split('\n').pop()));
}
const compile = { shared: [], dereferenced: [] };
for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
  compile.shared.push(child('compile-shared'));
  compile.dereferenced.push(child('compile-dereferenced'));
}
const summary = (samples) => ({
  loadMs: round(median(samples.map((s) => s.loadMs)), 1),
  firstCallsMs: round(median(samples.map((s) => s.firstCallsMs)), 1),
  totalMs: round(median(samples.map((s) => s.totalMs)), 1),
  importMs: round(median(samples.map((s) => s.importMs)), 1),
  processMs: round(median(samples.map((s) => s.processMs)), 1),
});
const cold = summary(cases.cold);
const warm = summary(cases.warm);
const warmDocument = summary(cases['warm-document']);
const shared = round(median(compile.shared.map((s) => s.ms)), 1);
const dereferenced = round(median(compile.dereferenced.map((s) => s.ms)), 1);
const figures = {
  spec: flags.spec.replace(/.*\/shared\//, 'shared/'),
  runs,
  validators: cases.cold[0].validators,
  operations: cases.cold[0].operations,
  cold,
  warm,
  warmDocumentOnly: warmDocument,
  coldPhasesMs: Object.fromEntries(Object.keys(coldPhases[0]).map((k) => [k, round(median(coldPhases.map((p) => p[k])), 1)])),
  ratios: { warmToCold: round(warm.totalMs / cold.totalMs, 3), warmToWarmDocumentOnly: round(warm.totalMs / warmDocument.totalMs, 3) },
  compileAllResponses: { responses: compile.shared[0].compiled, sharedComponentsMs: shared, perResponseDereferencedMs: dereferenced, ratio: round(shared / dereferenced, 3) },
  targets: { coldMs: 1500, warmMs: 150, compileSharedMs: 1000 },
};
console.log(`1.3.12: cold ${cold.totalMs} ms (load ${cold.loadMs} + first calls ${cold.firstCallsMs}; import ${cold.importMs}), warm ${warm.totalMs} ms, warm document only ${warmDocument.totalMs} ms; warm/cold ${figures.ratios.warmToCold}`);
console.log(`compile ${figures.compileAllResponses.responses} response schemas: shared components ${shared} ms vs per-response dereferenced ${dereferenced} ms (ratio ${figures.compileAllResponses.ratio})`);
writeResult('spec-load', figures, flags.out);
