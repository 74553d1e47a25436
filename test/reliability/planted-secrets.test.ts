import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { bundled } from '../../src/paths.js';
import { cli, type CliResult } from '../cli/cli-harness.js';

const tag = randomBytes(6).toString('hex');
const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
/** Every secret a run may touch, each unique to this test run. */
const SECRETS = {
  psuPassword: `Pl@nted pw/${tag}"!`, // from the profile's { env: NAME }; characters that every encoding changes
  bearerToken: `at-${tag}-bearer`, // issued by the bank's token endpoint, then sent as Authorization: Bearer
  refreshToken: `rt-${tag}-refresh`,
  clientSecret: `cs-${tag}-client`,
  consentJwt: `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ sub: `psu-${tag}`, consent: 'c-1' })}.${randomBytes(32).toString('base64url')}`,
  otp: String(randomInt(100_000, 999_999)),
  privateKey: randomBytes(48).toString('base64'),
};
const PEM = `-----BEGIN PRIVATE KEY-----\n${SECRETS.privateKey}\n-----END PRIVATE KEY-----`;
const PASSWORD_ENV = 'XS2A_PLANTED_PSU_PASSWORD';

/** The forms a secret can take in an output: as is, JSON-escaped, percent- and form-encoded. */
function spellings(secret: string): string[] {
  return [...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)])];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every output of a run, each as bytes decoded as text: the files under its report folder and its console. */
function outputsOf(run: CliResult): Array<{ where: string; text: string }> {
  const files = filesUnder(run.reportDir).map((f) => ({ where: f, text: readFileSync(f).toString('latin1') + readFileSync(f).toString('utf8') }));
  return [...files, { where: 'stdout', text: run.stdout }, { where: 'stderr', text: run.stderr }];
}

function leaks(run: CliResult): string[] {
  const found: string[] = [];
  for (const { where, text } of outputsOf(run)) {
    for (const [name, secret] of Object.entries(SECRETS)) if (spellings(secret).some((s) => text.includes(s))) found.push(`${name} in ${where}`);
  }
  return found;
}

/**
 * A copy of the bundled profile whose PSU password comes from the environment and goes into the
 * login form's field `pin`: a name redaction does not know, so only the value (form-encoded) can
 * give it away.
 */
function profileWithPlantedPassword(): string {
  const dir = mkdtempSync(join(tmpdir(), 'planted-profile-'));
  const file = join(dir, 'bank.yaml');
  const text = readFileSync(bundled.profile(), 'utf8')
    .replace(/^  password: .*$/m, `  password: { env: ${PASSWORD_ENV} }`)
    .replace('password: "{{psu.password}}"', 'pin: "{{psu.password}}"');
  expect(text).toContain(PASSWORD_ENV);
  expect(text).toContain('pin: "{{psu.password}}"');
  writeFileSync(file, text);
  return file;
}

/**
 * A bank that hands out a token and then reflects every request it gets into its answers: the
 * credentials in an error text (JSON-escaped) and in a response header. Redaction must still keep
 * them out of every output.
 */
async function reflectingBank() {
  const received: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push(`${req.url} ${JSON.stringify(req.headers)} ${body}`);
      if (req.url === '/oauth/token') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ access_token: SECRETS.bearerToken, token_type: 'Bearer', refresh_token: SECRETS.refreshToken }));
      }
      const echo = `${req.method} ${req.url} headers=${JSON.stringify(req.headers)} body=${body}`;
      res.writeHead(400, {
        'content-type': 'application/json',
        'x-request-id': String(req.headers['x-request-id'] ?? ''),
        'x-debug-authorization': String(req.headers['authorization'] ?? ''),
        'x-debug-consent-jwt': String(req.headers['consent-jwt'] ?? ''),
      });
      res.end(JSON.stringify({ tppMessages: [{ category: 'ERROR', code: 'FORMAT_ERROR', text: echo }] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, close: () => new Promise((r) => server.close(r)) };
}

/** What a TPP application sends through the proxy: a token refresh, then API calls carrying every credential. */
async function tppTraffic(proxy: string): Promise<void> {
  const send = async (method: 'GET' | 'POST' | 'PUT', path: string, headers: Record<string, string>, body?: string) => {
    const res = await request(`${proxy}${path}`, { method, headers: { 'x-request-id': randomUUID(), 'psu-ip-address': '192.0.2.10', ...headers }, ...(body !== undefined ? { body } : {}) });
    await res.body.text();
  };
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const json = { 'content-type': 'application/json' };
  const auth = { authorization: `Bearer ${SECRETS.bearerToken}` };
  await send('POST', '/oauth/token', form, `grant_type=refresh_token&refresh_token=${SECRETS.refreshToken}&client_id=tpp-1&client_secret=${SECRETS.clientSecret}`);
  await send('POST', '/v1/consents', { ...auth, ...json, 'consent-jwt': SECRETS.consentJwt }, JSON.stringify({ access: { allPsd2: 'allAccounts' }, recurringIndicator: true, validUntil: '2099-12-31', frequencyPerDay: 4, combinedServiceIndicator: false }));
  await send('PUT', '/v1/consents/c-1/authorisations/a-1', { ...auth, ...json }, JSON.stringify({ psuData: { password: SECRETS.psuPassword } }));
  await send('PUT', '/v1/consents/c-1/authorisations/a-1', { ...auth, ...json }, JSON.stringify({ scaAuthenticationData: SECRETS.otp }));
  await send('POST', '/v1/signing-baskets', { ...auth, ...json }, JSON.stringify({ paymentIds: ['p-1'], note: PEM }));
  await send('GET', `/v1/accounts?withBalance=true&access_token=${SECRETS.bearerToken}`, { ...auth, 'consent-id': 'c-1' });
}

const closers: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  await Promise.all(closers.map((c) => c()));
});

describe.concurrent('planted secrets appear in no output', () => {
  it('a run: the PSU password of an { env } profile is in no report, Allure result, HAR, JUnit file or console line', async () => {
    const run = await cli(['run', '--profile', profileWithPlantedPassword(), '--filter', String.raw`^pis\.redirect\.(explicit|implicit) .*\[payments / sepa-credit-transfers / redirect\]`], {
      env: { CI: '', [PASSWORD_ENV]: SECRETS.psuPassword }, // CI='' for the progress lines, failures included
    });
    // The bank refuses the planted password: the flows fail at the login, and say so.
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain('✗');
    const report = run.report();
    const logins = report.exchanges.filter((e) => e.request.method === 'POST' && e.request.url.includes('/sca/'));
    expect(logins.length).toBeGreaterThan(0);
    for (const login of logins) expect(login.request.body).toContain('pin=***');
    expect(filesUnder(join(run.reportDir, 'allure-results')).length).toBeGreaterThan(2);
    expect(leaks(run)).toEqual([]);
  });

  it('a proxy run: tokens, client secret, Consent-JWT, password, OTP and a private key, echoed back by the bank, are in no output', async () => {
    const bank = await reflectingBank();
    closers.push(bank.close);
    const reportDir = mkdtempSync(join(tmpdir(), 'planted-proxy-'));
    let traffic: Promise<void> | undefined;
    const run = await cli(['proxy', '--target', bank.url, '--port', '0', '--profile', profileWithPlantedPassword(), '--report-dir', reportDir], {
      reportDir,
      env: { [PASSWORD_ENV]: SECRETS.psuPassword },
      onStdout: (out, child) => {
        const proxy = /validation proxy on (http:\/\/\S+)/.exec(out)?.[1];
        if (!proxy || traffic) return;
        traffic = tppTraffic(proxy).finally(() => child.kill('SIGINT'));
      },
    });
    await traffic;
    expect(run.stdout, run.stderr).toContain('stopped by SIGINT');
    // Every secret did reach the bank, and the bank echoed the requests back.
    for (const [name, secret] of Object.entries(SECRETS)) expect(bank.received.some((r) => spellings(secret).some((s) => r.includes(s))), name).toBe(true);
    const har = JSON.parse(readFileSync(join(reportDir, 'traffic.har'), 'utf8')) as { log: { entries: Array<{ response: { content: { text?: string } } }> } };
    expect(har.log.entries).toHaveLength(6);
    expect(har.log.entries.slice(1).every((e) => e.response.content.text?.includes('headers='))).toBe(true);
    expect(leaks(run)).toEqual([]);
  });
});
