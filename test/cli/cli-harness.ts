import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';
import type { ConformanceReport } from '../../src/report/model.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  reportDir: string;
  report(): ConformanceReport;
}

/** Run the installed bin as a user would (it needs the build of `npm run build`). */
export function cli(args: string[], options: { reportDir?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const reportDir = options.reportDir ?? mkdtempSync(join(tmpdir(), 'xs2a-report-'));
  const bin = join(packageRoot(), 'bin', 'xs2a-conformance.js');
  const full = args[0] === 'run' && !args.includes('--report-dir') ? [...args, '--report-dir', reportDir] : args;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...full], { cwd: reportDir, env: { ...process.env, CI: 'true', ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout, stderr, reportDir, report: () => JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')) as ConformanceReport }),
    );
  });
}

/** No stack trace in what a user sees. */
export const hasStack = (text: string): boolean => /\n\s+at .+:\d+:\d+/.test(text) || /\bError: .*\n\s+at /.test(text);
