import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxClock, startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/types.js';
import { Client, PSU_HEADERS, paymentBody } from './client.js';
import { aliceEur, approveAs, conforms, consentBody, createConsent, initiate } from './flows.js';
import { SpecValidator } from './spec-harness.js';

describe('the sandbox clock', () => {
  it('stands still when fixed, moves on by whole seconds only, and tells the date', () => {
    const clock = SandboxClock.fixed('2030-03-10T23:59:30Z');
    expect(clock.now().toISOString()).toBe('2030-03-10T23:59:30.000Z');
    expect(clock.today()).toBe('2030-03-10');
    expect(clock.advance(30).toISOString()).toBe('2030-03-11T00:00:00.000Z');
    expect(clock.today()).toBe('2030-03-11');
    expect(clock.today(86_400_000)).toBe('2030-03-12'); // a resource ahead of the bank by a day
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(1.5)).toThrow(RangeError);
    expect(() => SandboxClock.fixed('not a time')).toThrow();
  });

  it('follows the real time by default', () => {
    const before = Date.now();
    const now = new SandboxClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now - before).toBeLessThan(1000);
  });
});

describe('the bank on its clock, and its sandbox hooks', () => {
  const clock = SandboxClock.fixed('2030-03-10T12:00:00Z');
  let bank: RunningSandbox;
  let client: Client;
  const ais = (path: string, consentId: string) => client.get(path, { headers: { ...PSU_HEADERS, 'Consent-ID': consentId } }).then(conforms);
  const status = async (consentId: string) => conforms(await client.get(`/v1/consents/${consentId}/status`)).json.consentStatus as string;
  const hook = (path: string, json?: unknown) => client.post(path, { noRequestId: true, ...(json === undefined ? {} : { json }) });

  /** A consent valid until `validUntil` (bank dates), approved by Alice. */
  async function consent(validUntil: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const created = conforms(await createConsent(client, consentBody({ allPsd2: 'allAccounts' }, { validUntil, ...overrides })));
    expect(created.status, created.text).toBe(201);
    expect((await approveAs(client, created.json._links.scaRedirect.href, 'psu-alice', 'sandbox-alice-1')).status).toBe(302);
    return created.json.consentId as string;
  }

  beforeAll(async () => {
    bank = await startSandbox({ clock });
    client = new Client(bank.url, new SpecValidator());
  });
  afterAll(() => bank.close());

  it('judges dates on its own clock: validUntil, lastActionDate, execution dates', async () => {
    expect(bank.clock).toBe(clock);
    const past = conforms(await createConsent(client, consentBody({ allPsd2: 'allAccounts' }, { validUntil: '2030-03-09' })));
    expect(past.status).toBe(400);
    const id = await consent('2030-03-10');
    const read = conforms(await client.get(`/v1/consents/${id}`));
    expect(read.json).toMatchObject({ consentStatus: 'valid', validUntil: '2030-03-10', lastActionDate: '2030-03-10' });
    // a payment dated the real today lies in the bank's past
    const dated = conforms(await initiate(client, {}, paymentBody(aliceEur.iban, { requestedExecutionDate: '2030-03-09' })));
    expect(dated.status).toBe(400);
    expect(dated.json.tppMessages[0].code).toBe('EXECUTION_DATE_INVALID');
    expect(conforms(await initiate(client, {}, paymentBody(aliceEur.iban, { requestedExecutionDate: '2030-03-12' }))).status).toBe(201);
  });

  it('POST /sandbox/clock moves the bank on: a consent is valid through validUntil and expired the day after', async () => {
    const id = await consent('2030-03-11');
    expect((await ais('/v1/accounts', id)).status).toBe(200);
    const day = await hook('/sandbox/clock', { advanceSeconds: 86_400 });
    expect(day.status).toBe(200);
    expect(day.json).toEqual({ now: '2030-03-11T12:00:00.000Z', today: '2030-03-11' });
    expect(await status(id)).toBe('valid'); // validUntil is inclusive
    expect((await ais('/v1/accounts', id)).status).toBe(200);
    expect((await hook('/sandbox/clock', { advanceSeconds: 43_200 })).json.today).toBe('2030-03-12');
    expect(await status(id)).toBe('expired');
    const refused = await ais('/v1/accounts', id);
    expect(refused.status).toBe(401);
    expect(refused.json.tppMessages[0].code).toBe('CONSENT_EXPIRED');
    expect(conforms(await client.get(`/v1/consents/${id}`)).json.lastActionDate).toBe('2030-03-11');
  });

  it('a one-off consent is used up the day after its first use', async () => {
    const id = await consent(clock.today(30 * 86_400_000), { recurringIndicator: false, frequencyPerDay: 1 });
    expect((await ais('/v1/accounts', id)).status).toBe(200);
    expect(await status(id)).toBe('valid');
    await hook('/sandbox/clock', { advanceSeconds: 86_400 });
    expect(await status(id)).toBe('expired');
  });

  it('POST /sandbox/consents/{id}/clock ages one consent and nothing else', async () => {
    const aged = await consent(clock.today(86_400_000));
    const other = await consent(clock.today(86_400_000));
    const before = clock.now().toISOString();
    const answer = await hook(`/sandbox/consents/${aged}/clock`, { advanceSeconds: 172_800 });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ consentId: aged, today: clock.today(172_800_000), consentStatus: 'expired' });
    expect(clock.now().toISOString()).toBe(before);
    expect(await status(aged)).toBe('expired');
    expect((await ais('/v1/accounts', aged)).json.tppMessages[0].code).toBe('CONSENT_EXPIRED');
    expect(await status(other)).toBe('valid');
    expect((await ais('/v1/accounts', other)).status).toBe(200);
  });

  it('POST /sandbox/consents/{id}/revoke: the PSU revokes a valid consent at the bank', async () => {
    const id = await consent(clock.today(86_400_000 * 10));
    const revoked = await hook(`/sandbox/consents/${id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.json).toEqual({ consentId: id, consentStatus: 'revokedByPsu' });
    expect(await status(id)).toBe('revokedByPsu');
    const refused = await ais('/v1/accounts', id);
    expect(refused.status).toBe(401);
    expect(refused.json.tppMessages[0].code).toBe('CONSENT_INVALID');
    expect((await hook(`/sandbox/consents/${id}/revoke`)).status).toBe(409); // revokedByPsu is final
    const received = conforms(await createConsent(client, consentBody({ allPsd2: 'allAccounts' }, { validUntil: clock.today(86_400_000) })));
    expect((await hook(`/sandbox/consents/${received.json.consentId}/revoke`)).json).toEqual({ error: 'only a valid consent can be revoked; this one is received' });
  });

  it('refuses what it cannot do, with a plain JSON error', async () => {
    const unknown = await hook('/sandbox/consents/nope/revoke');
    expect([unknown.status, unknown.json]).toEqual([404, { error: 'consent nope does not exist' }]);
    for (const body of [{ advanceSeconds: -1 }, { advanceSeconds: 1.5 }, { advanceSeconds: '60' }, {}]) {
      expect((await hook('/sandbox/clock', body)).status).toBe(400);
    }
    expect((await client.call('POST', '/sandbox/clock', { noRequestId: true, body: 'soon', headers: { 'Content-Type': 'application/json' } })).status).toBe(400);
    expect((await client.get('/sandbox/clock', { noRequestId: true })).status).toBe(405);
  });
});
