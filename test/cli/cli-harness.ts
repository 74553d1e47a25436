import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import formatsModule, { type FormatsPlugin } from 'ajv-formats';
import { packageRoot } from '../../src/paths.js';
import type { ConformanceReport } from '../../src/report/model.js';
import schema from '../../src/report/report.schema.json' with { type: 'json' };

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  reportDir: string;
  /** report.json of the run, validated against the shipped JSON Schema (throws naming the problems). */
  report(): ConformanceReport;
}

const addFormats: FormatsPlugin = (formatsModule as unknown as { default?: FormatsPlugin }).default ?? (formatsModule as unknown as FormatsPlugin);
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validateReport = ajv.compile(schema);

/** Read a report.json and check it against src/report/report.schema.json: every report a test reads is a valid one. */
export function readReport(file: string): ConformanceReport {
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!validateReport(value)) {
    const problems = (validateReport.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
    throw new Error(`${file} does not validate against report.schema.json:\n${problems.join('\n')}`);
  }
  return value as unknown as ConformanceReport;
}

export interface CliOptions {
  reportDir?: string;
  env?: Record<string, string>;
  cwd?: string;
  /** Start the CLI in a process group of its own, so that a test can signal the group as a terminal's Ctrl-C does. */
  detached?: boolean;
  /** Called with the whole stdout so far whenever more comes (e.g. to send a signal mid-run). */
  onStdout?: (stdout: string, child: ChildProcess) => void;
}

/** Run the installed bin as a user would (it needs the build of `npm run build`). */
export function cli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const reportDir = options.reportDir ?? mkdtempSync(join(tmpdir(), 'xs2a-report-'));
  const bin = join(packageRoot(), 'bin', 'xs2a-conformance.js');
  const full = (args[0] === 'run' || args[0] === 'check') && !args.includes('--report-dir') ? [...args, '--report-dir', reportDir] : args;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...full], {
      cwd: options.cwd ?? reportDir,
      env: { ...process.env, CI: 'true', GITHUB_ACTIONS: '', ...options.env },
      detached: options.detached ?? false,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      options.onStdout?.(stdout, child);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, reportDir, report: () => readReport(join(reportDir, 'report.json')) }));
  });
}

/** No stack trace in what a user sees. */
export const hasStack = (text: string): boolean => /\n\s+at .+:\d+:\d+/.test(text) || /\bError: .*\n\s+at /.test(text);
