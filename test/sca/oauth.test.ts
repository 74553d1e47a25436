import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/profile/load.js';
import { refreshTokens } from '../../src/sca/oauth-client.js';
import { scaScopeOf } from '../../src/sca/oauth.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { loadFixtures } from '../../src/scenario/fixtures.js';
import { runScenario } from '../../src/scenario/interpreter.js';
import { loadScenarios } from '../../src/scenario/load.js';
import { PAYMENT_CELL, REFERENCE_PROFILE, ROOT, runAgainstBank, sessionFor } from './oauth-harness.js';

const SECRET = 'sandbox-client-secret-1';

describe('the OAuth driver', () => {
  it('names the resource of the started response as the scope', () => {
    const res = (location?: string) => ({ status: 201, headers: (location ? { location } : {}) as Record<string, string>, body: '' });
    expect(scaScopeOf(res('https://b.example/v1/payments/sepa-credit-transfers/p%201'), {})).toBe('PIS:p 1');
    expect(scaScopeOf(res('/v1/consents/c1'), {})).toBe('AIS:c1');
    expect(scaScopeOf(res('/v2/consents/confirmation-of-funds/f1'), {})).toBe('PIIS:f1');
    expect(scaScopeOf(res(), { _links: { scaStatus: { href: 'https://b.example/v1/signing-baskets/b1/authorisations/a1' } } })).toBe('SB:b1');
    expect(scaScopeOf(res(), { scaStatus: 'received' })).toBeUndefined();
  });

  it('runs OAuth SCA for a consent, keeps the PSU token, and nothing secret reaches the kept exchanges', async () => {
    const { outcome, session } = await runAgainstBank('ais.oauth.consent', { service: 'consents', approach: 'oauth' });
    expect(outcome.failures).toEqual([]);
    expect(outcome.steps[0]!.step).toBe('oauth-pre-step');
    expect(session.oauthTokens).toMatchObject({ kind: 'psu', scope: expect.stringMatching(/^AIS:/) });
    const kept = JSON.stringify(session.exchanges);
    expect(kept).not.toContain(SECRET);
    expect(kept).not.toContain(session.oauthTokens!.accessToken);
    expect(kept).not.toContain(session.oauthTokens!.refreshToken);
    expect(kept).not.toMatch(/code=[A-Za-z0-9_-]{20}/);
    expect(kept).not.toMatch(/code_verifier=[A-Za-z0-9_-]{20}/);
    // the balances were read with the bearer token alone
    const read = session.exchanges.find((e) => e.origin?.step === 'balances-with-bearer')!;
    expect(read.request.headers['consent-id']).toBeUndefined();
    expect(read.request.headers['authorization']).toBe('Bearer ***');
    expect(read.response?.status).toBe(200);
  });

  it('refreshes the tokens with rotation', async () => {
    const bank = await startSandbox();
    const { session, close } = await sessionFor(bank.url);
    try {
      const scenario = loadScenarios([join(ROOT, 'scenarios/ais')]).find((s) => s.id === 'ais.oauth.pre-step')!;
      const outcome = await runScenario(scenario, { service: 'accounts', approach: 'oauth' }, session, loadFixtures(join(ROOT, 'scenarios/fixtures')));
      expect(outcome.failures).toEqual([]);
      const before = session.oauthTokens!;
      expect(before.refreshToken).toBeTruthy();
      const got = await refreshTokens(session, `${bank.url}/oauth/token`, { step: 'refresh' });
      expect(got.ok).toBe(true);
      expect(session.oauthTokens!.accessToken).not.toBe(before.accessToken);
      expect(session.oauthTokens!.refreshToken).not.toBe(before.refreshToken);
      const r = await session.send({ method: 'GET', url: `${bank.url}/v1/accounts`, headers: { 'x-request-id': crypto.randomUUID() } });
      expect(r.exchange.response?.status).toBe(200);
    } finally {
      await close();
      await bank.close();
    }
  });

  it('with preStep authorization-code every scenario starts with the PSU grant (client_secret_post)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oauth-profile-'));
    const file = join(dir, 'profile.yaml');
    const text = readFileSync(REFERENCE_PROFILE, 'utf8').replace('  redirectUri: https://tpp.example/oauth/callback\n', '  redirectUri: https://tpp.example/oauth/callback\n  preStep: authorization-code\n  tokenAuth: client_secret_post\n  scopes: [AIS]\n');
    writeFileSync(file, text);
    const profile = loadProfile(file);
    expect(profile.oauth).toMatchObject({ preStep: 'authorization-code', tokenAuth: 'client_secret_post', clientSecret: SECRET });
    const { outcome, session } = await runAgainstBank('ais.oauth.pre-step', { service: 'accounts', approach: 'oauth' }, [], profile);
    expect(outcome.failures).toEqual([]);
    const token = session.exchanges.find((e) => e.request.body?.includes('grant_type=authorization_code'))!;
    expect(token.request.body).toContain('client_secret=***');
  });

  it('a profile without an oauth client fails the oauth cell with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oauth-profile-'));
    const file = join(dir, 'profile.yaml');
    writeFileSync(file, readFileSync(REFERENCE_PROFILE, 'utf8').replace(/^oauth:\n(?: {2}.*\n)+/m, ''));
    const { outcome } = await runAgainstBank('pis.oauth.implicit', PAYMENT_CELL, [], loadProfile(file));
    expect(outcome.failures[0]).toMatch(/^oauth-pre-step: the profile .* has no oauth client \(oauth.clientId, oauth.redirectUri\)$/);
  });
});
