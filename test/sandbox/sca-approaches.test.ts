/** The reference bank's embedded, decoupled and multilevel SCA, cancellation per approach, redirect with confirmation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOINT_ACCOUNTS, PSUS } from '../../src/sandbox/data.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { chooseApproach } from '../../src/sandbox/sca-approach.js';
import type { RunningSandbox } from '../../src/sandbox/types.js';
import { type CallResult, Client, PSU_HEADERS, TPP_OK, paymentBody } from './client.js';
import { aliceEur, approveAs, bobEur, conforms, consentBody } from './flows.js';
import { SpecValidator } from './spec-harness.js';

const alice = PSUS.find((p) => p.id === 'psu-alice')!;
const bob = PSUS.find((p) => p.id === 'psu-bob')!;
const joint = JOINT_ACCOUNTS[0]!;
const EMBEDDED = { ...PSU_HEADERS, 'TPP-Redirect-Preferred': 'false' };
const DECOUPLED = { ...PSU_HEADERS, 'TPP-Decoupled-Preferred': 'true' };

let bank: RunningSandbox;
let client: Client;
beforeAll(async () => {
  bank = await startSandbox();
  client = new Client(bank.url, new SpecValidator());
});
afterAll(() => bank.close());

const link = (r: CallResult, name: string): string => {
  const h = r.json?._links?.[name]?.href;
  expect(h, `${name} in ${JSON.stringify(r.json?._links)}`).toBeTypeOf('string');
  return h as string;
};
const pay = (headers: Record<string, string>, body = paymentBody(aliceEur.iban), path = '/v1/payments/sepa-credit-transfers') =>
  client.post(path, { headers, json: body });
const statusOf = async (paymentId: string, path = '/v1/payments/sepa-credit-transfers') => (await client.get(`${path}/${paymentId}/status`)).json.transactionStatus;

describe('approach resolution (DOMAIN §4.1)', () => {
  const all = ['REDIRECT', 'EMBEDDED', 'DECOUPLED'] as const;
  it('follows the TPP preferences among the offered approaches', () => {
    expect(chooseApproach(all, undefined, undefined)).toBe('REDIRECT');
    expect(chooseApproach(all, true, undefined)).toBe('REDIRECT');
    expect(chooseApproach(all, false, undefined)).toBe('EMBEDDED');
    expect(chooseApproach(all, undefined, true)).toBe('DECOUPLED');
    expect(chooseApproach(all, false, true)).toBe('DECOUPLED');
    expect(chooseApproach(all, true, true)).toBe('REDIRECT');
    expect(chooseApproach(['EMBEDDED', 'DECOUPLED'], true, undefined)).toBe('EMBEDDED');
    expect(chooseApproach(['REDIRECT'], false, true)).toBe('REDIRECT');
  });

  it('a bank offering only embedded answers EMBEDDED to a redirect preference', async () => {
    const only = await startSandbox({ scaApproaches: ['EMBEDDED'] });
    try {
      const r = await new Client(only.url).post('/v1/payments/sepa-credit-transfers', {
        headers: { ...PSU_HEADERS, 'TPP-Redirect-Preferred': 'true', 'TPP-Redirect-URI': TPP_OK },
        json: paymentBody(aliceEur.iban),
      });
      expect(r.headers.get('aspsp-sca-approach')).toBe('EMBEDDED');
    } finally {
      await only.close();
    }
  });
});

describe('embedded SCA', () => {
  it('implicit start without PSU-ID: identification, password, method selection, OTP; the OTP works once', async () => {
    const created = conforms(await pay(EMBEDDED));
    expect(created.status).toBe(201);
    expect(created.headers.get('aspsp-sca-approach')).toBe('EMBEDDED');
    const at = link(created, 'updatePsuIdentification');
    const identified = conforms(await client.put(at, { headers: { 'PSU-ID': alice.id }, json: {} }));
    expect(identified.json.scaStatus).toBe('psuIdentified');
    expect(identified.headers.get('aspsp-sca-approach')).toBe('EMBEDDED');
    const authenticated = conforms(await client.put(link(identified, 'updatePsuAuthentication'), { headers: { 'PSU-ID': alice.id }, json: { psuData: { password: alice.password } } }));
    expect(authenticated.json.scaStatus).toBe('psuAuthenticated');
    expect(authenticated.json.scaMethods.map((m: { authenticationMethodId: string }) => m.authenticationMethodId)).toEqual(['sms-otp', 'chip-otp']);
    const selected = conforms(await client.put(link(authenticated, 'selectAuthenticationMethod'), { headers: { 'PSU-ID': alice.id }, json: { authenticationMethodId: 'chip-otp' } }));
    expect(selected.json).toMatchObject({ scaStatus: 'scaMethodSelected', chosenScaMethod: { authenticationMethodId: 'chip-otp' }, challengeData: { otpMaxLength: 6 } });
    const otpAt = link(selected, 'authoriseTransaction');
    const done = conforms(await client.put(otpAt, { headers: { 'PSU-ID': alice.id }, json: { scaAuthenticationData: alice.otp } }));
    expect(done.json.scaStatus).toBe('finalised');
    expect(await statusOf(created.json.paymentId)).toBe('ACTC');
    const replay = await client.put(otpAt, { headers: { 'PSU-ID': alice.id }, json: { scaAuthenticationData: alice.otp } });
    expect(replay.status).toBe(409);
    expect(replay.json.tppMessages[0].code).toBe('STATUS_INVALID');
  });

  it('implicit start with PSU-ID names updatePsuAuthentication; a PSU with one method gets the challenge at once', async () => {
    const created = conforms(await pay({ ...EMBEDDED, 'PSU-ID': bob.id }, paymentBody(bobEur.iban)));
    const authenticated = conforms(await client.put(link(created, 'updatePsuAuthentication'), { headers: { 'PSU-ID': bob.id }, json: { psuData: { password: bob.password } } }));
    expect(authenticated.json).toMatchObject({ scaStatus: 'scaMethodSelected', chosenScaMethod: { authenticationMethodId: 'sms-otp' } });
    expect(authenticated.json.scaMethods).toBeUndefined();
    const done = await client.put(link(authenticated, 'authoriseTransaction'), { headers: { 'PSU-ID': bob.id }, json: { scaAuthenticationData: bob.otp } });
    expect(done.json.scaStatus).toBe('finalised');
  });

  it('explicit start with the password in the POST; a wrong password is 401 and the third fails the payment', async () => {
    const created = conforms(await pay({ ...EMBEDDED, 'PSU-ID': alice.id, 'TPP-Explicit-Authorisation-Preferred': 'true' }));
    const start = link(created, 'startAuthorisationWithPsuAuthentication');
    const started = conforms(await client.post(start, { headers: { 'PSU-ID': alice.id }, json: { psuData: { password: alice.password } } }));
    expect(started.status).toBe(201);
    expect(started.json.scaStatus).toBe('psuAuthenticated');
    expect(started.headers.get('aspsp-sca-approach')).toBe('EMBEDDED');

    const other = conforms(await pay({ ...EMBEDDED, 'PSU-ID': alice.id, 'TPP-Explicit-Authorisation-Preferred': 'true' }));
    const auth = conforms(await client.post(link(other, 'startAuthorisationWithPsuAuthentication'), { headers: { 'PSU-ID': alice.id }, json: {} }));
    expect(auth.json.scaStatus).toBe('psuIdentified');
    const at = link(auth, 'updatePsuAuthentication');
    for (let i = 1; i <= 3; i++) {
      const wrong = conforms(await client.put(at, { headers: { 'PSU-ID': alice.id }, json: { psuData: { password: 'wrong' } } }));
      expect(wrong.status).toBe(401);
      expect(wrong.json.tppMessages[0].code).toBe('PSU_CREDENTIALS_INVALID');
    }
    expect((await client.get(link(auth, 'scaStatus'))).json.scaStatus).toBe('failed');
    expect(await statusOf(other.json.paymentId)).toBe('RJCT');
  });

  it('a wrong OTP is 401; a step that does not fit is 400 SERVICE_INVALID; an unknown method 400 SCA_METHOD_UNKNOWN', async () => {
    const created = await pay({ ...EMBEDDED, 'PSU-ID': alice.id });
    const at = link(created, 'updatePsuAuthentication');
    const early = conforms(await client.put(at, { headers: { 'PSU-ID': alice.id }, json: { scaAuthenticationData: alice.otp } }));
    expect([early.status, early.json.tppMessages[0].code]).toEqual([400, 'SERVICE_INVALID']);
    await client.put(at, { headers: { 'PSU-ID': alice.id }, json: { psuData: { password: alice.password } } });
    const unknown = await client.put(at, { headers: { 'PSU-ID': alice.id }, json: { authenticationMethodId: 'app-push' } });
    expect([unknown.status, unknown.json.tppMessages[0].code]).toEqual([400, 'SCA_METHOD_UNKNOWN']);
    await client.put(at, { headers: { 'PSU-ID': alice.id }, json: { authenticationMethodId: 'sms-otp' } });
    const wrong = await client.put(at, { headers: { 'PSU-ID': alice.id }, json: { scaAuthenticationData: '000000' } });
    expect([wrong.status, wrong.json.tppMessages[0].code]).toEqual([401, 'PSU_CREDENTIALS_INVALID']);
    const other = await client.put(at, { headers: { 'PSU-ID': bob.id }, json: { scaAuthenticationData: alice.otp } });
    expect(other.status).toBe(401);
    expect((await client.put(at, { headers: { 'PSU-ID': alice.id }, json: { scaAuthenticationData: alice.otp } })).json.scaStatus).toBe('finalised');
  });

  it('a low-value payment (≤ 30 EUR) is exempted after the password and executed', async () => {
    const created = await pay({ ...EMBEDDED, 'PSU-ID': alice.id }, paymentBody(aliceEur.iban, { instructedAmount: { currency: 'EUR', amount: '12.00' } }));
    const r = conforms(await client.put(link(created, 'updatePsuAuthentication'), { headers: { 'PSU-ID': alice.id }, json: { psuData: { password: alice.password } } }));
    expect(r.json.scaStatus).toBe('exempted');
    expect(await statusOf(created.json.paymentId)).toBe('ACTC');
  });

  it('consents and confirmation-of-funds consents become valid', async () => {
    const consent = conforms(await client.post('/v1/consents', { headers: { ...EMBEDDED, 'PSU-ID': bob.id }, json: consentBody({ availableAccounts: 'allAccounts' }, { recurringIndicator: false, frequencyPerDay: 1 }) }));
    const a = await client.put(link(consent, 'updatePsuAuthentication'), { headers: { 'PSU-ID': bob.id }, json: { psuData: { password: bob.password } } });
    await client.put(link(a, 'authoriseTransaction'), { headers: { 'PSU-ID': bob.id }, json: { scaAuthenticationData: bob.otp } });
    expect((await client.get(`/v1/consents/${consent.json.consentId}/status`)).json.consentStatus).toBe('valid');
  });
});

describe('decoupled SCA', () => {
  const pending = async (psuId: string) => (await client.get(`/sandbox/authorisations?psuId=${psuId}`)).json.authorisations as Array<{ authorisationId: string }>;

  it('implicit start with PSU-ID: psuMessage and scaStatus; the PSU approves in the app; the TPP sees finalised', async () => {
    const created = conforms(await pay({ ...DECOUPLED, 'PSU-ID': alice.id }));
    expect(created.headers.get('aspsp-sca-approach')).toBe('DECOUPLED');
    expect(created.json.psuMessage).toMatch(/confirm/);
    const scaStatus = link(created, 'scaStatus');
    expect((await client.get(scaStatus)).json.scaStatus).toBe('psuIdentified');
    const id = scaStatus.split('/').at(-1)!;
    expect((await pending(alice.id)).map((p) => p.authorisationId)).toContain(id);
    expect((await client.get(scaStatus)).json.scaStatus).toBe('started');
    const approved = await client.post(`/sandbox/authorisations/${id}/approve`);
    expect(approved.json.scaStatus).toBe('finalised');
    expect((await client.get(scaStatus)).json.scaStatus).toBe('finalised');
    expect(await statusOf(created.json.paymentId)).toBe('ACTC');
    expect((await client.post(`/sandbox/authorisations/${id}/approve`)).status).toBe(409);
  });

  it('explicit start without PSU-ID, PUT {} with PSU-ID, method selection; a rejection fails it and rejects the payment', async () => {
    const created = conforms(await pay({ ...DECOUPLED, 'TPP-Explicit-Authorisation-Preferred': 'true' }, paymentBody(bobEur.iban)));
    const started = conforms(await client.post(link(created, 'startAuthorisationWithPsuIdentification'), { json: {} }));
    expect(started.json.scaStatus).toBe('received');
    const identified = conforms(await client.put(link(started, 'updatePsuIdentification'), { headers: { 'PSU-ID': bob.id }, json: {} }));
    expect(identified.json.scaStatus).toBe('psuIdentified');
    expect(identified.json.scaMethods).toHaveLength(2);
    const chosen = conforms(await client.put(link(identified, 'selectAuthenticationMethod'), { headers: { 'PSU-ID': bob.id }, json: { authenticationMethodId: 'watch-push' } }));
    expect(chosen.json).toMatchObject({ scaStatus: 'scaMethodSelected', chosenScaMethod: { authenticationMethodId: 'watch-push' } });
    expect(chosen.json.psuMessage).toMatch(/watch/);
    const blocked = await client.put(link(chosen, 'scaStatus'), { headers: { 'PSU-ID': bob.id }, json: { psuData: { password: bob.password } } });
    expect([blocked.status, blocked.json.tppMessages[0].code]).toEqual([403, 'SERVICE_BLOCKED']);
    const rejected = await client.post(`/sandbox/authorisations/${started.json.authorisationId}/reject`);
    expect(rejected.json.scaStatus).toBe('failed');
    expect((await client.get(link(chosen, 'scaStatus'))).json.scaStatus).toBe('failed');
    expect(await statusOf(created.json.paymentId)).toBe('RJCT');
  });

  it('a rejected consent is rejected, not valid', async () => {
    const consent = conforms(await client.post('/v1/consents', { headers: { ...DECOUPLED, 'PSU-ID': alice.id }, json: consentBody({ allPsd2: 'allAccounts' }) }));
    const id = link(consent, 'scaStatus').split('/').at(-1)!;
    await client.post(`/sandbox/authorisations/${id}/reject`);
    expect((await client.get(`/v1/consents/${consent.json.consentId}/status`)).json.consentStatus).toBe('rejected');
  });
});

describe('multilevel SCA', () => {
  const corp = paymentBody(joint.iban);
  it('needs an explicit start by each authoriser: PATC after the first, ACTC after the last; others get 401', async () => {
    const created = conforms(await pay({ ...EMBEDDED, 'PSU-ID': alice.id }, corp));
    expect(created.json._links.updatePsuAuthentication).toBeUndefined();
    const start = link(created, 'startAuthorisationWithPsuAuthentication');
    const stranger = await client.post(start, { headers: { 'PSU-ID': 'psu-mallory' }, json: {} });
    expect([stranger.status, stranger.json.tppMessages[0].code]).toEqual([401, 'PSU_CREDENTIALS_INVALID']);
    for (const [i, psu] of [alice, bob].entries()) {
      const a = conforms(await client.post(start, { headers: { 'PSU-ID': psu.id }, json: { psuData: { password: psu.password } } }));
      let step = a;
      if (step.json._links.selectAuthenticationMethod) step = await client.put(link(step, 'selectAuthenticationMethod'), { headers: { 'PSU-ID': psu.id }, json: { authenticationMethodId: 'sms-otp' } });
      const done = await client.put(link(step, 'authoriseTransaction'), { headers: { 'PSU-ID': psu.id }, json: { scaAuthenticationData: psu.otp } });
      expect(done.json.scaStatus).toBe('finalised');
      expect(await statusOf(created.json.paymentId)).toBe(i === 0 ? 'PATC' : 'ACTC');
      if (i === 0) {
        const again = await client.post(start, { headers: { 'PSU-ID': alice.id }, json: {} });
        expect(again.status).toBe(401);
      }
    }
    expect((await client.get(`/v1/payments/sepa-credit-transfers/${created.json.paymentId}/authorisations`)).json.authorisationIds).toHaveLength(2);
  });

  it('works with decoupled SCA too', async () => {
    const created = await pay({ ...DECOUPLED, 'PSU-ID': alice.id }, corp);
    const start = link(created, 'startAuthorisationWithPsuIdentification');
    const first = await client.post(start, { headers: { 'PSU-ID': alice.id }, json: {} });
    await client.post(`/sandbox/authorisations/${first.json.authorisationId}/approve`);
    expect(await statusOf(created.json.paymentId)).toBe('PATC');
    const second = await client.post(start, { headers: { 'PSU-ID': bob.id }, json: {} });
    await client.put(link(second, 'selectAuthenticationMethod'), { headers: { 'PSU-ID': bob.id }, json: { authenticationMethodId: 'app-push' } });
    await client.post(`/sandbox/authorisations/${second.json.authorisationId}/approve`);
    expect(await statusOf(created.json.paymentId)).toBe('ACTC');
  });
});

describe('cancellation authorisations with every approach', () => {
  const periodic = '/v1/periodic-payments/sepa-credit-transfers';
  const standingOrder = () => {
    const start = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    return paymentBody(aliceEur.iban, { startDate: start, frequency: 'Monthly', executionRule: 'following', dayOfExecution: start.slice(8) });
  };
  /** A standing order authorised by embedded SCA, then a DELETE stating the cancellation's approach. */
  async function running(): Promise<string> {
    const created = await pay({ ...EMBEDDED, 'PSU-ID': alice.id }, standingOrder(), periodic);
    expect(created.status, created.text).toBe(201);
    const at = link(created, 'updatePsuAuthentication');
    await client.put(at, { headers: { 'PSU-ID': alice.id }, json: { psuData: { password: alice.password } } });
    await client.put(at, { headers: { 'PSU-ID': alice.id }, json: { authenticationMethodId: 'sms-otp' } });
    await client.put(at, { headers: { 'PSU-ID': alice.id }, json: { scaAuthenticationData: alice.otp } });
    return created.json.paymentId as string;
  }

  it('embedded', async () => {
    const id = await running();
    const cancel = conforms(await client.delete(`${periodic}/${id}`, { headers: { 'PSU-ID': alice.id } }));
    expect(cancel.status).toBe(202);
    const a = conforms(await client.post(link(cancel, 'startAuthorisationWithPsuAuthentication'), { headers: { 'PSU-ID': alice.id }, json: { psuData: { password: alice.password } } }));
    expect(a.headers.get('aspsp-sca-approach')).toBe('EMBEDDED');
    const s = await client.put(link(a, 'selectAuthenticationMethod'), { headers: { 'PSU-ID': alice.id }, json: { authenticationMethodId: 'sms-otp' } });
    const done = await client.put(link(s, 'authoriseTransaction'), { headers: { 'PSU-ID': alice.id }, json: { scaAuthenticationData: alice.otp } });
    expect(done.json.scaStatus).toBe('finalised');
    expect(await statusOf(id, periodic)).toBe('CANC');
  });

  it('decoupled', async () => {
    const id = await running();
    const cancel = await client.delete(`${periodic}/${id}`, { headers: { 'TPP-Decoupled-Preferred': 'true' } });
    const a = conforms(await client.post(link(cancel, 'startAuthorisationWithPsuIdentification'), { headers: { 'PSU-ID': alice.id }, json: {} }));
    expect(a.headers.get('aspsp-sca-approach')).toBe('DECOUPLED');
    expect(a.json.psuMessage).toBeTypeOf('string');
    await client.post(`/sandbox/authorisations/${a.json.authorisationId}/approve`);
    expect(await statusOf(id, periodic)).toBe('CANC');
  });

  it('redirect', async () => {
    const id = await running();
    const cancel = await client.delete(`${periodic}/${id}`, { headers: { 'TPP-Redirect-Preferred': 'true', 'TPP-Redirect-URI': TPP_OK } });
    const a = await client.post(link(cancel, 'startAuthorisation'), { headers: { 'TPP-Redirect-URI': TPP_OK } });
    expect((await approveAs(client, link(a, 'scaRedirect'), alice.id, alice.password)).status).toBe(302);
    expect(await statusOf(id, periodic)).toBe('CANC');
  });
});

describe('redirect with confirmation code (SandboxOptions.confirmationCode)', () => {
  it('the authorisation is unconfirmed until the TPP sends the code from the redirect back', async () => {
    const confirming = await startSandbox({ confirmationCode: true });
    try {
      const c = new Client(confirming.url, new SpecValidator());
      const created = conforms(await c.post('/v1/payments/sepa-credit-transfers', { headers: { ...PSU_HEADERS, 'TPP-Redirect-Preferred': 'true', 'TPP-Redirect-URI': TPP_OK }, json: paymentBody(aliceEur.iban) }));
      const back = await approveAs(c, link(created, 'scaRedirect'), alice.id, alice.password);
      const code = new URL(back.headers.get('location')!).searchParams.get('confirmationCode');
      expect(code).toMatch(/^\d{8}$/);
      expect((await c.get(link(created, 'scaStatus'))).json.scaStatus).toBe('unconfirmed');
      const wrongFirst = await c.put(link(created, 'confirmation'), { json: { scaAuthenticationData: '1' } });
      expect(wrongFirst.status).toBe(403);
      const done = conforms(await c.put(link(created, 'confirmation'), { json: { confirmationCode: code } }));
      expect(done.json.scaStatus).toBe('finalised');
      expect((await c.get(`/v1/payments/sepa-credit-transfers/${created.json.paymentId}/status`)).json.transactionStatus).toBe('ACTC');

      const other = await c.post('/v1/payments/sepa-credit-transfers', { headers: { ...PSU_HEADERS, 'TPP-Redirect-Preferred': 'true', 'TPP-Redirect-URI': TPP_OK }, json: paymentBody(aliceEur.iban) });
      await approveAs(c, link(other, 'scaRedirect'), alice.id, alice.password);
      const wrong = await c.put(link(other, 'confirmation'), { json: { confirmationCode: '00000000' } });
      expect([wrong.status, wrong.json.tppMessages[0].code]).toEqual([400, 'SCA_INVALID']);
      expect((await c.get(link(other, 'scaStatus'))).json.scaStatus).toBe('failed');
    } finally {
      await confirming.close();
    }
  });
});
