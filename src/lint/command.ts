/** `xs2a-conformance lint SPEC [--core FILE] [--format text|json]`: exit 0 no deviation, 1 deviations, 2 a broken file. */
import { parseArgs } from 'node:util';
import { bundled } from '../paths.js';
import { UsageError } from '../cli/usage.js';
import { compareSpecs, type Deviation } from './compare.js';
import { LintInputError, readOpenApi } from './openapi-doc.js';

const headOf = (d: Deviation): string => `${d.operation}${d.operationId ? ` (${d.operationId})` : ''}`;
const lineOf = (d: Deviation): string => `${d.kind.padEnd(18)} ${d.where ? `${d.where}: ` : ''}${d.message}`;

/**
 * The deviations for a person: one that recurs on several operations (an enum every payment
 * path shares) is listed once with the operations it is on; the others under their operation.
 */
function text(spec: string, core: string, deviations: Deviation[]): string {
  if (deviations.length === 0) return `${spec}: no deviation from ${core}\n`;
  const lines = [`${spec}: ${deviations.length} deviation${deviations.length > 1 ? 's' : ''} from ${core}`];
  const byLine = new Map<string, Deviation[]>();
  for (const d of deviations) byLine.set(lineOf(d), [...(byLine.get(lineOf(d)) ?? []), d]);
  for (const [line, group] of byLine) {
    if (group.length < 2) continue;
    lines.push(`on ${group.length} operations:`, `  ${line}`, ...group.map((d) => `    ${headOf(d)}`));
  }
  let last = '';
  for (const d of deviations) {
    if (byLine.get(lineOf(d))!.length > 1) continue;
    if (headOf(d) !== last) lines.push(headOf(d));
    last = headOf(d);
    lines.push(`  ${lineOf(d)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function lintCommand(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { core: { type: 'string' }, format: { type: 'string', default: 'text' } }, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('lint takes one SPEC file: xs2a-conformance lint SPEC [--core FILE] [--format text|json]');
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not '${values.format}'`);
  const specFile = positionals[0]!;
  const coreFile = values.core ?? bundled.spec();
  let deviations: Deviation[];
  try {
    deviations = compareSpecs(readOpenApi(specFile), readOpenApi(coreFile));
  } catch (e) {
    if (!(e instanceof LintInputError)) throw e;
    process.stderr.write(`xs2a-conformance: lint: ${e.message}\n`);
    return 2;
  }
  process.stdout.write(values.format === 'json' ? `${JSON.stringify({ spec: specFile, core: coreFile, deviations }, null, 2)}\n` : text(specFile, coreFile, deviations));
  return deviations.length === 0 ? 0 : 1;
}
