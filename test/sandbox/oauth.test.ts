import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFirstForm } from '../../src/sca/html-form.js';
import { SandboxClock, startSandbox } from '../../src/sandbox/index.js';
import { OAUTH_CLIENTS } from '../../src/sandbox/oauth/clients.js';
import type { RunningSandbox } from '../../src/sandbox/types.js';
import { Client, PSU_HEADERS } from './client.js';
import { REDIRECT_HEADERS, conforms, consentBody, createConsent, initiate } from './flows.js';
import { SpecValidator } from './spec-harness.js';

const CLIENT = OAUTH_CLIENTS[0]!;
const REDIRECT = 'https://tpp.example/oauth/callback';

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

describe('the reference bank as an OAuth2 authorisation server', () => {
  let bank: RunningSandbox;
  let api: Client;
  const clock = SandboxClock.fixed('2026-03-02T10:00:00Z');

  beforeAll(async () => {
    bank = await startSandbox({ clock });
    api = new Client(bank.url, new SpecValidator());
  });
  afterAll(() => bank.close());

  const token = (form: Record<string, string>, headers: Record<string, string> = {}) => api.post('/oauth/token', { noRequestId: true, form, headers });
  const clientToken = async () => (await token({ grant_type: 'client_credentials', client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret })).json.access_token as string;

  /** Opens the authorisation page and submits it as the PSU; returns the redirect's URL. */
  async function authorize(scope: string, decision: 'approve' | 'deny', challenge: string, state = 'st-1', password = 'sandbox-alice-1') {
    const q = new URLSearchParams({ response_type: 'code', client_id: CLIENT.clientId, redirect_uri: REDIRECT, scope, state, code_challenge: challenge, code_challenge_method: 'S256' });
    const page = await api.get(`/oauth/authorize?${q}`, { noRequestId: true });
    expect(page.status, page.text).toBe(200);
    const form = parseFirstForm(page.text)!;
    const fields = Object.fromEntries(form.inputs.map((i) => [i.name, i.value]));
    const done = await api.post(new URL(form.action, bank.url).toString(), { noRequestId: true, form: { ...fields, psuId: 'psu-alice', password, decision } });
    return done;
  }

  it('publishes RFC 8414 metadata with PKCE S256 and the code response type', async () => {
    const r = await api.get('/.well-known/oauth-authorization-server', { noRequestId: true });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ issuer: bank.url, authorization_endpoint: `${bank.url}/oauth/authorize`, token_endpoint: `${bank.url}/oauth/token`, code_challenge_methods_supported: ['S256'], response_types_supported: ['code'] });
  });

  it('gives an OAuth client scaOAuth instead of scaRedirect; the code grant is the payment SCA; codes are single-use', async () => {
    const bearer = await clientToken();
    const created = conforms(await initiate(api, { Authorization: `Bearer ${bearer}` }));
    expect(created.status).toBe(201);
    expect(created.headers.get('aspsp-sca-approach')).toBe('REDIRECT');
    expect(created.json._links.scaOAuth.href).toBe(`${bank.url}/.well-known/oauth-authorization-server`);
    expect(created.json._links.scaRedirect).toBeUndefined();
    const { verifier, challenge } = pkce();
    const back = await authorize(`PIS:${created.json.paymentId}`, 'approve', challenge, 'state with spaces & =');
    expect(back.status).toBe(302);
    const location = new URL(back.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('state with spaces & =');
    const code = location.searchParams.get('code')!;
    const status = await api.get(`/v1/payments/sepa-credit-transfers/${created.json.paymentId}/status`, { headers: { Authorization: `Bearer ${bearer}` } });
    expect(status.json.transactionStatus).toBe('ACTC');
    // Basic client authentication, the verifier checked
    const basic = `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`;
    expect((await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: pkce().verifier }, { Authorization: basic })).json.error).toBe('invalid_grant');
    const ok = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier }, { Authorization: basic });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(ok.json).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: `PIS:${created.json.paymentId}` });
    const again = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier }, { Authorization: basic });
    expect([again.status, again.json.error]).toEqual([400, 'invalid_grant']);
    // refresh with rotation: the old refresh token is spent
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: ok.json.refresh_token, client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.refresh_token).not.toBe(ok.json.refresh_token);
    expect((await token({ grant_type: 'refresh_token', refresh_token: ok.json.refresh_token, client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret })).json.error).toBe('invalid_grant');
  });

  it('a denial fails the consent and goes back with access_denied and the state', async () => {
    const bearer = await clientToken();
    const created = conforms(await createConsent(api, consentBody({ allPsd2: 'allAccounts' }), { Authorization: `Bearer ${bearer}` }));
    const back = await authorize(`AIS:${created.json.consentId}`, 'deny', pkce().challenge, 'x1');
    const location = new URL(back.headers.get('location')!);
    expect([location.searchParams.get('error'), location.searchParams.get('state')]).toEqual(['access_denied', 'x1']);
    expect((await api.get(`/v1/consents/${created.json.consentId}/status`)).json.consentStatus).toBe('rejected');
  });

  it('a PSU token reads accounts without Consent-ID; bad tokens are 401 TOKEN_UNKNOWN / TOKEN_INVALID / TOKEN_EXPIRED', async () => {
    const { verifier, challenge } = pkce();
    const back = await authorize('AIS', 'approve', challenge);
    const code = new URL(back.headers.get('location')!).searchParams.get('code')!;
    const t = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier, client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret });
    const accounts = conforms(await api.get('/v1/accounts', { headers: { ...PSU_HEADERS, Authorization: `Bearer ${t.json.access_token}` } }));
    expect(accounts.status).toBe(200);
    expect(accounts.json.accounts.length).toBeGreaterThan(0);
    const unknown = conforms(await api.get('/v1/accounts', { headers: { Authorization: 'Bearer nope' } }));
    expect([unknown.status, unknown.json.tppMessages[0].code]).toEqual([401, 'TOKEN_UNKNOWN']);
    const invalid = conforms(await api.get('/v1/accounts', { headers: { Authorization: 'Token abc' } }));
    expect([invalid.status, invalid.json.tppMessages[0].code]).toEqual([401, 'TOKEN_INVALID']);
    const clientOnly = await api.get('/v1/accounts', { headers: { Authorization: `Bearer ${await clientToken()}` } });
    expect(clientOnly.json.tppMessages[0].code).toBe('TOKEN_INVALID');
    clock.advance(3601);
    const expired = conforms(await api.get('/v1/accounts', { headers: { Authorization: `Bearer ${t.json.access_token}` } }));
    expect([expired.status, expired.json.tppMessages[0].code]).toEqual([401, 'TOKEN_EXPIRED']);
  });

  it('refuses what RFC 6749 and PKCE refuse', async () => {
    const base = { response_type: 'code', client_id: CLIENT.clientId, redirect_uri: REDIRECT, scope: 'AIS', state: 's9', code_challenge: pkce().challenge, code_challenge_method: 'S256' };
    const get = (p: Record<string, string>) => api.get(`/oauth/authorize?${new URLSearchParams(p)}`, { noRequestId: true });
    expect((await get({ ...base, redirect_uri: 'https://evil.example/cb' })).status).toBe(400); // never redirected to
    expect((await get({ ...base, client_id: 'nobody' })).status).toBe(400);
    const noPkce = new URL((await get({ ...base, code_challenge: '' })).headers.get('location')!);
    expect([noPkce.searchParams.get('error'), noPkce.searchParams.get('state')]).toEqual(['invalid_request', 's9']);
    const plain = new URL((await get({ ...base, code_challenge_method: 'plain' })).headers.get('location')!);
    expect(plain.searchParams.get('error')).toBe('invalid_request');
    const scope = new URL((await get({ ...base, scope: 'PIS:unknown' })).headers.get('location')!);
    expect(scope.searchParams.get('error')).toBe('invalid_scope');
    expect((await get({ ...base, redirect_uri: 'http://127.0.0.1:49152/oauth/callback' })).status).toBe(200); // loopback, any port
    const badSecret = await token({ grant_type: 'client_credentials', client_id: CLIENT.clientId, client_secret: 'wrong' });
    expect([badSecret.status, badSecret.json.error]).toEqual([401, 'invalid_client']);
    expect((await token({ grant_type: 'password', client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret })).json.error).toBe('unsupported_grant_type');
    // a code expires after a minute of the bank's clock
    const { verifier, challenge } = pkce();
    const code = new URL((await authorize('AIS', 'approve', challenge)).headers.get('location')!).searchParams.get('code')!;
    clock.advance(61);
    const late = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier, client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret });
    expect(late.json).toMatchObject({ error: 'invalid_grant', error_description: 'the authorization code has expired' });
  });

  it('an explicit start by an OAuth client links scaOAuth too (signing basket)', async () => {
    const bearer = await clientToken();
    const auth = { Authorization: `Bearer ${bearer}`, 'TPP-Explicit-Authorisation-Preferred': 'true' };
    const p = await initiate(api, auth);
    const basket = await api.post('/v1/signing-baskets', { headers: { ...REDIRECT_HEADERS, ...auth }, json: { paymentIds: [p.json.paymentId] } });
    expect(basket.status, basket.text).toBe(201);
    const start = conforms(await api.post(`/v1/signing-baskets/${basket.json.basketId}/authorisations`, { headers: { ...PSU_HEADERS, Authorization: `Bearer ${bearer}` } }));
    expect(start.json._links.scaOAuth).toBeDefined();
    const back = await authorize(`SB:${basket.json.basketId}`, 'approve', pkce().challenge);
    expect(new URL(back.headers.get('location')!).searchParams.get('code')).toBeTruthy();
    expect((await api.get(`/v1/signing-baskets/${basket.json.basketId}/status`)).json.transactionStatus).toBe('ACTC');
  });
});
