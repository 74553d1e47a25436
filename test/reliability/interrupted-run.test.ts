import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, hasStack } from '../cli/cli-harness.js';

/** Whether anything still listens at a URL's port. */
function listening(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

const cases = [
  // Ctrl-C in a terminal: SIGINT to the whole process group, the vitest workers included.
  { signal: 'SIGINT', code: 130, group: true },
  // `kill PID`, a CI job's cancel: SIGTERM to the CLI alone.
  { signal: 'SIGTERM', code: 143, group: false },
] as const;

describe.concurrent('an interrupted run writes the reports of what it finished, marked partial', () => {
  it.each(cases)('$signal (to the process group: $group) exits $code', async ({ signal, code, group }) => {
    let sent = false;
    let bank: string | undefined;
    const run = await cli(['run'], {
      env: { CI: '' }, // progress lines, "[done/total] ✓ …", tell when test cases have finished
      detached: true,
      onStdout: (out, child) => {
        bank ??= /reference bank at (http:\/\/\S+)/.exec(out)?.[1];
        if (sent || !/^\[\s*3\/\d+\+?\]/m.test(out)) return;
        sent = true;
        process.kill(group ? -child.pid! : child.pid!, signal);
      },
    });
    expect(sent).toBe(true);
    expect(run.code, run.stdout + run.stderr).toBe(code);
    expect(hasStack(run.stdout + run.stderr)).toBe(false);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`${signal}: stopping; the reports will hold the test cases that finished`);
    expect(run.stdout).toContain(`PARTIAL (interrupted by ${signal})`);

    const report = run.report();
    expect(report.run).toMatchObject({ partial: true, signal, bundledBank: true });
    expect(report.summary.conformant).toBe(false);
    expect(report.errors).toEqual([]); // no worker died with the signal
    expect(report.findings).toEqual([]); // nor did an aborted test case leave half-seen exchanges behind
    const finished = report.tests.filter((t) => t.state === 'passed' || t.state === 'failed');
    expect(finished.length).toBeGreaterThanOrEqual(3);
    expect(finished.every((t) => t.state === 'passed')).toBe(true);
    const total = Number(/^\[\s*\d+\/(\d+)\+?\]/m.exec(run.stdout)![1]);
    expect(report.summary.passed + report.summary.failed + report.summary.notApplicable).toBeLessThan(total);

    for (const file of ['report.html', 'junit.xml', 'traffic.har']) expect(existsSync(join(run.reportDir, file)), file).toBe(true);
    const junit = readFileSync(join(run.reportDir, 'junit.xml'), 'utf8');
    expect((junit.match(/<testcase /g) ?? []).length).toBeGreaterThanOrEqual(finished.length);
    const har = JSON.parse(readFileSync(join(run.reportDir, 'traffic.har'), 'utf8')) as { log: { entries: unknown[] } };
    expect(har.log.entries.length).toBeGreaterThan(0);
    // The bundled bank was closed: the process ended by itself, and nothing listens at its port.
    expect(bank).toBeDefined();
    expect(await listening(bank!)).toBe(false);
  });
});
