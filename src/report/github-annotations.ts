import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { ConformanceReport } from './model.js';

/** Workflow-command escaping (GitHub's toolkit rules): the message, and property values. */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

interface Location {
  file?: string;
  line?: number;
}

/** Finds the line of a step (`- id: <step>`) in its scenario file, reading each file once. */
class StepLines {
  readonly #texts = new Map<string, string | undefined>();

  constructor(private readonly cwd: string, private readonly workspace: string) {}

  locate(source: string | undefined, step: string | undefined): Location {
    if (!source) return {};
    const absolute = isAbsolute(source) ? source : resolve(this.cwd, source);
    const shown = relative(this.workspace, absolute);
    const file = shown.startsWith(`..${sep}`) || shown === '..' ? absolute : shown.split(sep).join('/');
    if (!this.#texts.has(absolute)) {
      let text: string | undefined;
      try {
        text = readFileSync(absolute, 'utf8');
      } catch {
        text = undefined;
      }
      this.#texts.set(absolute, text);
    }
    const text = this.#texts.get(absolute);
    if (!text || !step) return { file };
    const lines = text.split('\n');
    const quoted = step.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const at = lines.findIndex((l) => new RegExp(`^\\s*-?\\s*id:\\s*["']?${quoted}["']?\\s*(#.*)?$`).test(l));
    return { file, ...(at >= 0 ? { line: at + 1 } : {}) };
  }
}

function command(kind: 'error' | 'warning', where: Location, title: string, message: string): string {
  const props = [where.file ? `file=${escapeProperty(where.file)}` : '', where.line ? `line=${where.line}` : '', `title=${escapeProperty(title)}`].filter(Boolean);
  return `::${kind} ${props.join(',')}::${escapeData(message)}`;
}

/**
 * GitHub Actions annotations for a report: `::error` for MUST findings and failed flows, `::warning`
 * for SHOULD findings and accepted deviations, each on its scenario file and step line. Repeats
 * of one finding at one place are one annotation with a count.
 */
export function githubAnnotations(report: ConformanceReport, options: { cwd?: string; workspace?: string } = {}): string[] {
  const cwd = options.cwd ?? process.cwd();
  const lines = new StepLines(cwd, options.workspace ?? cwd);
  const sources = new Map(report.tests.filter((t) => t.scenario && t.source).map((t) => [t.scenario!, t.source!]));
  const grouped = new Map<string, { kind: 'error' | 'warning'; where: Location; title: string; message: string; count: number }>();
  const add = (kind: 'error' | 'warning', where: Location, title: string, message: string): void => {
    const key = JSON.stringify([kind, where.file, where.line, title, message]);
    const entry = grouped.get(key);
    if (entry) entry.count++;
    else grouped.set(key, { kind, where, title, message, count: 1 });
  };
  for (const f of report.findings) {
    if (f.level === 'INFO') continue;
    const kind = f.level === 'MUST' && !f.accepted ? 'error' : 'warning';
    const where = lines.locate(f.scenario ? sources.get(f.scenario) : undefined, f.step);
    const context = [f.operation, f.cell].filter(Boolean).join(', ');
    add(kind, where, `${f.level} ${f.check}`, `${f.message}${context ? ` (${context})` : ''}${f.accepted ? ` [accepted: ${f.accepted.reason}]` : ''}`);
  }
  for (const t of report.tests) {
    for (const failure of t.failures) {
      const step = /^([^:\s]+): /.exec(failure)?.[1];
      add('error', lines.locate(t.source, step), `flow ${t.scenario ?? t.name}`, `${failure}${t.cell ? ` [${[t.cell.service, t.cell.product, t.cell.approach].filter(Boolean).join(' / ')}]` : ''}`);
    }
  }
  for (const e of report.errors) add('error', {}, 'xs2a-conformance run', e);
  return [...grouped.values()].map((g) => command(g.kind, g.where, g.title, g.count > 1 ? `${g.message} (${g.count}×)` : g.message));
}
