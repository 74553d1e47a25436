import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { detect, matrixPasses, type DetectionMatrix } from '../detect/engine.js';
import { checksMarkdown } from '../detect/markdown.js';
import { DEFECTS } from '../sandbox/index.js';
import { UsageError } from './usage.js';

function write(file: string, text: string): void {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function summary(m: DetectionMatrix, print: (line: string) => void): void {
  for (const [name, d] of Object.entries(m.defects)) {
    print(d.detected ? `✓ ${name}: ${d.caughtBy.join(', ')}` : `✗ ${name}: missed ${d.missed.join(', ')} (failed: ${d.firedBy.join(', ') || 'nothing'})`);
  }
  const all = Object.values(m.defects);
  const { tests } = m.clean;
  print(`${all.filter((d) => d.detected).length} of ${all.length} defects detected by the checks they name`);
  print(`clean reference bank: ${tests.passed} passed, ${tests.failed} failed, ${tests.notApplicable} not applicable, ${m.clean.findings} MUST findings`);
  for (const f of m.clean.findingList) print(`  ${f.check}${f.operation ? ` (${f.operation})` : ''}: ${f.message}`);
  for (const [profile, c] of Object.entries(m.cleanModes)) {
    print(`clean reference bank as profiles/${profile}: ${c.tests.passed} passed, ${c.tests.failed} failed, ${c.tests.notApplicable} not applicable, ${c.findings} MUST findings`);
    for (const f of c.findingList) print(`  ${f.check}${f.operation ? ` (${f.operation})` : ''}: ${f.message}`);
  }
}

/**
 * `xs2a-conformance detect`: the suite against the reference bank once per defect (in-process),
 * the detection matrix as JSON and docs/CHECKS.md. Exit 1 when a defect escapes its checks or the
 * clean bank fails a check.
 */
export async function detectCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        defect: { type: 'string', multiple: true, default: [] },
        out: { type: 'string' },
        markdown: { type: 'string' },
        pool: { type: 'string', default: '3' },
        quiet: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const unknown = values.defect.filter((d) => !(d in DEFECTS));
  if (unknown.length) throw new UsageError(`unknown defect ${unknown.join(', ')}; known: ${Object.keys(DEFECTS).join(', ')}`);
  if (values.markdown !== undefined && values.defect.length) throw new UsageError('--markdown documents every defect: leave out --defect');
  const pool = Number(values.pool);
  if (!Number.isInteger(pool) || pool < 1 || pool > 16) throw new UsageError(`--pool must be a number from 1 to 16, not '${values.pool}'`);
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const matrix = await detect({
    ...(values.defect.length ? { defects: values.defect } : {}),
    pool,
    ...(values.quiet ? {} : { onResult: (name, v) => print(`  ran ${name ?? 'the clean bank'}: ${v.firedBy.length ? v.firedBy.join(', ') : 'no finding'}`) }),
  });
  if (values.out !== undefined) write(values.out, `${JSON.stringify(matrix, null, 2)}\n`);
  if (values.markdown !== undefined) write(values.markdown, checksMarkdown(matrix));
  summary(matrix, print);
  return matrixPasses(matrix) ? 0 : 1;
}
