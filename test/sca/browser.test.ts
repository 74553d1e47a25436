import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/profile/load.js';
import { chromiumPath, driveBrowser } from '../../src/sca/browser.js';
import { pkcePair } from '../../src/sca/oauth-client.js';
import { startSandbox } from '../../src/sandbox/index.js';
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

  it('logs in on the OAuth authorisation page and catches the code on the redirect URI', { timeout: 60_000 }, async () => {
    const bank = await startSandbox();
    try {
      const redirectUri = 'https://tpp.example/oauth/callback';
      const q = new URLSearchParams({ response_type: 'code', client_id: 'tpp-sandbox-client', redirect_uri: redirectUri, scope: 'AIS', state: 'st-42', code_challenge: pkcePair().challenge, code_challenge_method: 'S256' });
      const outcome = await driveBrowser({
        link: `${bank.url}/oauth/authorize?${q}`,
        steps: [{ fill: { selector: '#psuId', value: 'psu-alice' } }, { fill: { selector: '#password', value: 'sandbox-alice-1' } }, { click: 'button[value=approve]' }, { waitForRedirect: redirectUri }],
        render: (t) => t,
        returnUris: [redirectUri],
        timeoutMs: 20_000,
      });
      expect(outcome.ok, outcome.message).toBe(true);
      const back = new URL(outcome.returnedTo!);
      expect(back.searchParams.get('state')).toBe('st-42');
      expect(back.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    } finally {
      await bank.close();
    }
  });
});
