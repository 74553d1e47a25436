import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { cli, type CliResult } from '../cli/cli-harness.js';

/** Screenshots for a person to look at. */
const OUTPUT = join(packageRoot(), 'test-output', 'report-html');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('report.html in a browser', () => {
  let run: CliResult;
  let browser: BrowserContext;

  beforeAll(async () => {
    run = await cli(['run', '--defect', 'errors-without-tpp-messages']);
    browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'xs2a-chromium-')), {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
    });
  }, 120_000);
  afterAll(() => browser?.close());

  it('shows the verdict, the matrix and a finding with its evidence, loading nothing from the network', async () => {
    expect(run.code).toBe(1);
    const report = run.report();
    expect(report.findings.length).toBeGreaterThan(0);
    const page = await browser.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text())); // a CSP violation is logged here
    await page.route(/^(?!file:)/, (route) => route.abort());

    await page.goto(pathToFileURL(join(run.reportDir, 'report.html')).toString());
    await expect.poll(() => page.locator('#verdict').textContent()).toBe('NOT CONFORMANT');
    expect(await page.locator('table.matrix').isVisible()).toBe(true);
    expect(await page.locator('td.m-cell.m-fail').count()).toBeGreaterThan(0);
    expect(await page.locator('td.m-cell.m-pass').count()).toBeGreaterThan(0);
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'report-top.png') });
    const finding = page.locator('details.finding').first();
    expect(await finding.isVisible()).toBe(true);
    await finding.locator('summary').click();
    const body = finding.locator('.f-body');
    expect(await body.isVisible()).toBe(true);
    expect(await body.locator('.exchange pre').first().textContent()).toMatch(/^(GET|POST|PUT|DELETE) http/);
    expect(await body.locator('pre.curl').textContent()).toMatch(/^curl -sS -i /);

    await page.screenshot({ path: join(OUTPUT, 'report.png'), fullPage: true });

    // The level filter works offline: hiding MUST hides every MUST finding and its check.
    await page.locator('.filter input[value="MUST"]').uncheck();
    expect(await page.locator('details.finding[data-level="MUST"]:visible').count()).toBe(0);
    await page.locator('.filter input[value="MUST"]').check();
    expect(await page.locator('details.finding[data-level="MUST"]:visible').count()).toBe(report.findings.filter((f) => f.level === 'MUST').length);

    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(requests).toHaveLength(1); // the page itself
    expect(problems).toEqual([]);
    await page.close();
  });
});
