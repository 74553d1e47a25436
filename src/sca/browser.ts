/**
 * The browser driver for redirect SCA: headless chromium (Debian's, never a downloaded one) driven
 * by playwright-core through the steps the profile writes for the bank's login pages: fill a
 * field, click a button, wait until the bank sends the browser back to the TPP. The navigation to
 * the TPP's redirect URI is caught and aborted, never loaded; its URL is what the driver records.
 * The pages the browser loads are the PSU's, not the TPP's interface: they are not exchanges.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { BrowserStep } from '../profile/types.js';
import { linkOf, type ScaDriver } from './driver.js';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** chromium on the PATH (as `command -v chromium` finds it), else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'chromium');
    if (dir && existsSync(candidate)) return candidate;
  }
  return DEFAULT_CHROMIUM;
}

export interface BrowserDriveOptions {
  link: string;
  steps: BrowserStep[];
  render(template: string): string;
  /** URIs the bank may send the browser back to (TPP-Redirect-URI, TPP-Nok-Redirect-URI): caught, never loaded. */
  returnUris: string[];
  timeoutMs: number;
  executablePath?: string;
}

export interface BrowserOutcome {
  ok: boolean;
  message: string;
  returnedTo?: string;
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function driveBrowser(opts: BrowserDriveOptions): Promise<BrowserOutcome> {
  const executablePath = opts.executablePath ?? chromiumPath();
  if (!existsSync(executablePath)) return { ok: false, message: `no chromium at ${executablePath} (set sca.redirect.browser.executablePath or install Debian's chromium)` };
  const { chromium } = await import('playwright-core');
  const args = typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : [];
  const browser = await chromium.launch({ executablePath, headless: true, args });
  let returnedTo: string | undefined;
  let markReturned: (url: string) => void = () => {};
  const returned = new Promise<string>((resolve) => (markReturned = resolve));
  const isReturn = (url: string) => opts.returnUris.some((uri) => url.startsWith(uri));
  try {
    const context = await browser.newContext();
    // Every request is seen (also one the bank redirects to); a return to the TPP is aborted, never loaded.
    context.on('request', (req) => {
      if (isReturn(req.url()) && returnedTo === undefined) markReturned((returnedTo = req.url()));
    });
    await context.route((url) => isReturn(url.toString()), (route) => route.abort());
    const page = await context.newPage();
    page.setDefaultTimeout(opts.timeoutMs);
    await page.goto(opts.link, { waitUntil: 'domcontentloaded' });
    for (const step of opts.steps) {
      if ('fill' in step) await page.fill(step.fill.selector, opts.render(step.fill.value));
      else if ('click' in step) await page.click(step.click, { noWaitAfter: true });
      else {
        const expected = opts.render(step.waitForRedirect);
        const url = await within(returned, opts.timeoutMs, `the redirect to ${expected}`);
        if (!url.startsWith(expected)) return { ok: false, message: `the bank sent the browser to ${url}, expected ${expected}`, returnedTo: url };
      }
    }
    return returnedTo
      ? { ok: true, message: `the bank sent the browser back to ${returnedTo}`, returnedTo }
      : { ok: false, message: 'the browser steps ended before the bank sent the browser back to the TPP' };
  } catch (err) {
    return { ok: false, message: `browser SCA: ${(err as Error).message.split('\n')[0]}`, ...(returnedTo ? { returnedTo } : {}) };
  } finally {
    await browser.close();
  }
}

/** Redirect SCA with the browser driver: the profile's steps (rejectSteps for a rejection) on the scaRedirect page. */
export const browserDriver: ScaDriver = async (request) => {
  const { profile } = request.session;
  const script = profile.sca.redirect?.browser;
  if (!script) return { ok: false, message: `the profile ${profile.source} selects the browser driver but writes no sca.redirect.browser.steps` };
  const link = request.link ?? linkOf(request.startedBody, 'scaRedirect');
  if (!link) return { ok: false, message: 'no scaRedirect link to send the PSU to' };
  const steps = request.outcome === 'reject' ? script.rejectSteps : script.steps;
  if (!steps) return { ok: false, message: `the profile ${profile.source} writes no sca.redirect.browser.rejectSteps for a rejection` };
  const { tpp } = profile;
  const outcome = await driveBrowser({
    link,
    steps,
    render: request.render,
    returnUris: [tpp.redirectUri, ...(tpp.nokRedirectUri ? [tpp.nokRedirectUri] : [])],
    timeoutMs: script.timeoutMs ?? profile.timeouts.requestMs,
    ...(script.executablePath ? { executablePath: script.executablePath } : {}),
  });
  return { ok: outcome.ok, message: outcome.message, ...(outcome.returnedTo ? { vars: { returnedTo: outcome.returnedTo } } : {}) };
};
