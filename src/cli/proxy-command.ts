import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startValidationProxy } from '../proxy/validation-proxy.js';
import { junitOfReport } from '../report/junit.js';
import { REPORT_FILES, writeReports } from '../report/write.js';
import { reportOfTraffic } from '../traffic/traffic-report.js';
import { version } from '../version.js';
import { afterRun } from './after-run.js';
import { judgeSetup } from './judge-setup.js';
import { targetUrl } from './run-options.js';
import { UsageError } from './usage.js';

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        target: { type: 'string' },
        port: { type: 'string', default: '8081' },
        host: { type: 'string', default: '127.0.0.1' },
        spec: { type: 'string' },
        profile: { type: 'string' },
        'report-dir': { type: 'string', default: 'reports' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/**
 * `xs2a-conformance proxy --target URL`: a validation proxy between a TPP application and a bank.
 * Findings are printed as they come; on SIGINT/SIGTERM the reports are written.
 */
export async function proxyCommand(argv: string[]): Promise<number> {
  const values = parse(argv);
  if (!values.target) throw new UsageError('proxy needs --target URL: the bank the TPP traffic goes to');
  const target = targetUrl(values.target);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not '${values.port}'`);
  const setup = await judgeSetup(values.profile, values.spec);
  const print = (line: string) => process.stdout.write(`${line}\n`);
  let proxy;
  try {
    proxy = await startValidationProxy({
      ...setup.options,
      target,
      port,
      host: values.host,
      timeoutMs: setup.profile.timeouts.requestMs,
      onFinding: (f, ex) => print(`  ${f.level === 'MUST' ? '✗' : '!'} ${f.level} ${f.check} ${ex.request.method} ${new URL(ex.request.url).pathname}: ${f.message}`),
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'EADDRINUSE' ? `port ${port} is already in use` : `cannot start the proxy: ${(e as Error).message}`);
  }
  print(`validation proxy on ${proxy.url} → ${target}; point the TPP application at it, stop with Ctrl-C`);
  const signal = await new Promise<NodeJS.Signals>((done) => {
    process.once('SIGINT', () => done('SIGINT'));
    process.once('SIGTERM', () => done('SIGTERM'));
  });
  const seen = await proxy.close();
  const verdict = {
    exchanges: seen.exchanges.length,
    matched: seen.exchanges.filter((e) => setup.spec.match(e.request.method, e.request.url, new URL(target).pathname.replace(/\/+$/, ''))).length,
    withoutResponse: seen.exchanges.filter((e) => !e.response).length,
    findings: seen.findings,
    evidence: seen.exchanges,
    unmatched: [],
    operations: [],
    edges: seen.edges,
  };
  const report = reportOfTraffic(verdict, { ...setup.runInfo(target), finishedAt: new Date().toISOString() }, proxy.url, version());
  const reportDir = resolve(values['report-dir']);
  writeReports(reportDir, report, seen.exchanges.map((exchange) => ({ exchange })));
  writeFileSync(join(reportDir, REPORT_FILES.junit), junitOfReport(report));
  print(`stopped by ${signal}`);
  return afterRun(report, { reportDir, print });
}
