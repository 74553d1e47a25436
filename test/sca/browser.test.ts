import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/profile/load.js';
import { chromiumPath } from '../../src/sca/browser.js';
import { runAgainstBank } from './oauth-harness.js';

const PROFILE = join(import.meta.dirname, 'profiles/browser.yaml');
const CELL = { service: 'payments', product: 'sepa-credit-transfers', approach: 'redirect' };

describe('the browser driver completes the reference bank redirect login in headless chromium', () => {
  it('finds Debian chromium', () => {
    expect(existsSync(chromiumPath()), `no chromium at ${chromiumPath()}`).toBe(true);
  });

  it('approves with the steps of the profile, catching the redirect to the TPP without loading it', { timeout: 60_000 }, async () => {
    const { outcome, session } = await runAgainstBank('pis.redirect.implicit', CELL, [], loadProfile(PROFILE));
    expect(outcome.failures).toEqual([]);
    expect(outcome.steps.map((s) => s.step)).toContain('authorise');
    expect(session.findings).toEqual([]);
    // the status poll saw the payment accepted: the browser really submitted the bank's form
    const statuses = session.exchanges.filter((e) => e.request.url.endsWith('/status')).map((e) => JSON.parse(e.response!.body).transactionStatus);
    expect(statuses.at(-1)).toMatch(/ACTC|ACSP|ACSC/);
  });

  it('rejects with the reject steps; the bank sends the browser to the nok URI', { timeout: 60_000 }, async () => {
    const { outcome } = await runAgainstBank('pis.redirect.rejected', CELL, [], loadProfile(PROFILE));
    expect(outcome.failures).toEqual([]);
  });
});
