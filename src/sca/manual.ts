/**
 * Manual redirect SCA: the suite prints the SCA link for a person, listens on the loopback address
 * of the TPP's redirect URI (http://127.0.0.1:PORT/…, the profile's tpp.redirectUri, sent to the
 * bank as TPP-Redirect-URI), and goes on once the bank sends the PSU's browser back there, or
 * fails when the time given passes.
 */
import { createServer } from 'node:http';
import { linkOf, type ScaDriver } from './driver.js';

export const DEFAULT_MANUAL_TIMEOUT_MS = 300_000;

export interface ManualDriveOptions {
  link: string;
  outcome: 'approve' | 'reject';
  redirectUri: string;
  nokRedirectUri?: string;
  timeoutMs: number;
  /** Where the person reads the instructions (default: stderr). */
  announce(text: string): void;
}

export interface ManualOutcome {
  ok: boolean;
  message: string;
  returnedTo?: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The loopback host and port to listen on, or why the URI cannot be listened on. */
export function listenAddress(uri: string): { host: string; port: number } | { error: string } {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return { error: `${uri} is not a URL` };
  }
  if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname) || url.port === '') {
    return { error: `manual SCA needs tpp.redirectUri on a loopback address with a port, e.g. http://127.0.0.1:8765/sca/ok (got ${uri})` };
  }
  return { host: url.hostname === '[::1]' ? '::1' : url.hostname, port: Number(url.port) };
}

const BACK_PAGE = '<!doctype html><meta charset="utf-8"><title>Back at the TPP</title><p>The bank sent you back to the test run. You may close this window.</p>\n';

export async function driveManual(opts: ManualDriveOptions): Promise<ManualOutcome> {
  const address = listenAddress(opts.redirectUri);
  if ('error' in address) return { ok: false, message: address.error };
  let arrived: (url: string) => void = () => {};
  const back = new Promise<string>((resolve) => (arrived = resolve));
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(BACK_PAGE);
    arrived(new URL(req.url ?? '/', opts.redirectUri).toString());
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(address.port, address.host, () => resolve());
    });
  } catch (err) {
    return { ok: false, message: `cannot listen on ${opts.redirectUri} for the PSU's return: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    const action = opts.outcome === 'approve' ? 'log in as the PSU and approve' : 'log in as the PSU and reject';
    opts.announce(`\nSCA by hand: open this link in a browser, ${action}:\n  ${opts.link}\nWaiting up to ${Math.round(opts.timeoutMs / 1000)} s for the bank to send the browser back to ${opts.redirectUri}\n`);
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), opts.timeoutMs)));
    const url = await Promise.race([back, timeout]);
    if (url === undefined) return { ok: false, message: `nobody came back to ${opts.redirectUri} within ${opts.timeoutMs} ms` };
    const expected = opts.outcome === 'approve' ? opts.redirectUri : (opts.nokRedirectUri ?? opts.redirectUri);
    return url.startsWith(expected)
      ? { ok: true, message: `the bank sent the PSU back to ${url}`, returnedTo: url }
      : { ok: false, message: `after ${opts.outcome} the bank sent the PSU to ${url}, expected ${expected}`, returnedTo: url };
  } finally {
    clearTimeout(timer);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Redirect SCA done by a person: the scaRedirect link printed, the PSU's return awaited on tpp.redirectUri. */
export const manualDriver: ScaDriver = async (request) => {
  const { profile } = request.session;
  const link = request.link ?? linkOf(request.startedBody, 'scaRedirect');
  if (!link) return { ok: false, message: 'no scaRedirect link to send the PSU to' };
  const outcome = await driveManual({
    link,
    outcome: request.outcome,
    redirectUri: profile.tpp.redirectUri,
    ...(profile.tpp.nokRedirectUri ? { nokRedirectUri: profile.tpp.nokRedirectUri } : {}),
    timeoutMs: profile.sca.redirect?.manual?.timeoutMs ?? DEFAULT_MANUAL_TIMEOUT_MS,
    announce: (text) => process.stderr.write(text),
  });
  return { ok: outcome.ok, message: outcome.message, ...(outcome.returnedTo ? { vars: { returnedTo: outcome.returnedTo } } : {}) };
};
