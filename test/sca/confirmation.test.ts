/**
 * Redirect with confirmation, the suite's side (src/sca/confirmation.ts): the redirect driver
 * reads the confirmation code from the return URI, reads the authorisation and sends PUT
 * {confirmationCode} on the bank's confirmation link; the code never reaches a kept exchange;
 * sca.confirmation-required catches a bank that finalises before the code was sent.
 */
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../../src/http/client.js';
import { bundled } from '../../src/paths.js';
import { loadProfile } from '../../src/profile/load.js';
import type { Profile } from '../../src/profile/types.js';
import { Session } from '../../src/run/session.js';
import { confirmationCodeIn } from '../../src/sca/confirmation.js';
import { SCA_DRIVERS } from '../../src/sca/drivers.js';
import { startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/types.js';
import { loadFixtures, type Fixtures } from '../../src/scenario/fixtures.js';
import { runScenario } from '../../src/scenario/interpreter.js';
import { loadScenarios } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';
import { loadSpec } from '../../src/spec/index.js';
import type { Spec } from '../../src/spec/types.js';

let spec: Spec;
let profile: Profile;
let fixtures: Fixtures;
let client: Client;
let scenario: Scenario;
let bank: RunningSandbox;

beforeAll(async () => {
  spec = await loadSpec(bundled.spec());
  profile = loadProfile(bundled.profile());
  fixtures = loadFixtures(join(bundled.scenarios(), 'fixtures'));
  client = new Client({ timeoutMs: 5000 });
  scenario = loadScenarios([join(bundled.scenarios(), 'pis')]).find((s) => s.id === 'pis.redirect.confirmation')!;
  bank = await startSandbox();
});
afterAll(async () => {
  await bank.close();
  await client.close();
});

const HIGH_VALUE = {
  endToEndIdentification: 'CAR-2026-KV-5531',
  debtorAccount: { iban: 'DE09123456780123456701' },
  instructedAmount: { currency: 'EUR', amount: '18500.00' },
  creditorAccount: { iban: 'DE87200500000004711001' },
  creditorName: 'Autohaus Nordring GmbH',
};

/** Initiates a high-value payment through the session and runs the redirect driver on its answer. */
async function initiateAndAuthorise(session: Session) {
  const { exchange } = await session.send({
    method: 'POST',
    url: `${bank.url}/v1/payments/sepa-credit-transfers`,
    headers: {
      'x-request-id': randomUUID(),
      'psu-ip-address': '192.0.2.10',
      'tpp-redirect-preferred': 'true',
      'tpp-redirect-uri': session.profile.tpp.redirectUri,
      'content-type': 'application/json',
    },
    body: JSON.stringify(HIGH_VALUE),
    origin: { scenario: 'test', step: 'initiate' },
  });
  const startedBody = JSON.parse(exchange.response!.body) as { _links: Record<string, { href: string }> };
  const outcome = await SCA_DRIVERS.redirect!({
    session,
    started: exchange.response!,
    startedBody,
    startedRequest: exchange.request,
    outcome: 'approve',
    render: (t) => t.replace('{{psu.id}}', 'psu-alice').replace('{{psu.password}}', 'sandbox-alice-1'),
    origin: { scenario: 'test', step: 'authorise' },
  });
  return { outcome, startedBody };
}

describe('the redirect driver confirms with the code of the return URI', () => {
  it('reads the code under the profile\'s parameter name', () => {
    expect(confirmationCodeIn('https://tpp.example/sca/ok?confirmationCode=12345678')).toBe('12345678');
    expect(confirmationCodeIn('https://tpp.example/sca/ok?state=1&authCode=987', 'authCode')).toBe('987');
    expect(confirmationCodeIn('https://tpp.example/sca/ok')).toBeUndefined();
    expect(confirmationCodeIn('not a url')).toBeUndefined();
  });

  it('reads the authorisation (unconfirmed), PUTs the code on the confirmation link and ends finalised; the code is redacted everywhere', async () => {
    const session = new Session(bank.url, spec, profile, client);
    const { outcome, startedBody } = await initiateAndAuthorise(session);
    expect(outcome.ok, outcome.message).toBe(true);
    expect(outcome.vars?.['scaStatusBeforeConfirmation']).toBe('unconfirmed');
    const code = confirmationCodeIn(String(outcome.vars?.['returnedTo']));
    expect(code).toMatch(/^\d{8}$/);

    const steps = session.exchanges.filter((e) => e.origin?.step === 'authorise').map((e) => `${e.request.method} ${new URL(e.request.url).pathname.replace(/[0-9a-f-]{36}/g, 'ID')}`);
    expect(steps).toEqual(['GET /sca/ID', 'POST /sca/ID', 'GET /v1/payments/sepa-credit-transfers/ID/authorisations/ID', 'PUT /v1/payments/sepa-credit-transfers/ID/authorisations/ID']);
    const put = session.exchanges.find((e) => e.request.method === 'PUT')!;
    expect(put.request.url).toBe(startedBody._links['confirmation']!.href);
    expect(put.request.body).toBe('{"confirmationCode":"***"}');
    expect(JSON.parse(put.response!.body).scaStatus).toBe('finalised');
    const back = session.exchanges.find((e) => e.request.method === 'POST' && e.origin?.step === 'authorise')!;
    expect(back.response!.headers['location']).toBe(`${profile.tpp.redirectUri}?confirmationCode=***`);
    expect(JSON.stringify(session.exchanges)).not.toContain(code);
    expect(session.finish()).toEqual([]);
    expect(session.findings).toEqual([]);
  });

  it('with another parameter name in the profile, the bank\'s code is not taken for one: the authorisation stays unconfirmed', async () => {
    const other: Profile = { ...profile, sca: { ...profile.sca, redirect: { ...profile.sca.redirect, confirmationCodeParam: 'authCode' } } };
    const session = new Session(bank.url, spec, other, client);
    const { outcome, startedBody } = await initiateAndAuthorise(session);
    expect(outcome.ok).toBe(true);
    expect(session.exchanges.some((e) => e.request.method === 'PUT')).toBe(false);
    const status = await client.send({ method: 'GET', url: startedBody._links['scaStatus']!.href, headers: { 'x-request-id': randomUUID() } });
    expect(JSON.parse(status.response!.body).scaStatus).toBe('unconfirmed');
  });

  it('a secret the flow learns is redacted from the exchanges and findings already kept', async () => {
    const session = new Session(bank.url, spec, profile, client);
    await session.send({ method: 'GET', url: `${bank.url}/sca/unknown?ref=Q7ZK41MX9P`, headers: {}, origin: { scenario: 'test', step: 'x' } });
    expect(session.exchanges[0]!.request.url).toContain('Q7ZK41MX9P');
    session.learnSecret('Q7ZK41MX9P');
    expect(session.exchanges[0]!.request.url).toBe(`${bank.url}/sca/unknown?ref=***`);
  });

  it('the scenario runs every JSON product of payments and bulk payments without a finding', async () => {
    for (const service of ['payments', 'bulk-payments']) {
      for (const product of ['sepa-credit-transfers', 'instant-sepa-credit-transfers', 'target-2-payments', 'cross-border-credit-transfers']) {
        const session = new Session(bank.url, spec, profile, client);
        const outcome = await runScenario(scenario, { service, product, approach: 'redirect' }, session, fixtures);
        session.finish();
        expect(outcome.failures, `${service}/${product}`).toEqual([]);
        expect(session.findings, `${service}/${product}`).toEqual([]);
        expect(session.exchanges.filter((e) => e.request.method === 'PUT')).toHaveLength(1);
      }
    }
  });
});

describe('sca.confirmation-required', () => {
  it('catches a bank that reports finalised before the confirmation code was sent (confirmation-skipped)', async () => {
    const defective = await startSandbox({ defects: ['confirmation-skipped'] });
    try {
      const session = new Session(defective.url, spec, profile, client);
      const outcome = await runScenario(scenario, { service: 'payments', product: 'sepa-credit-transfers', approach: 'redirect' }, session, fixtures);
      expect(outcome.failures.join()).toMatch(/confirmation code was sent/);
      const found = session.findings.filter((f) => f.check === 'sca.confirmation-required');
      expect(found).toHaveLength(1);
      expect(found[0]!.level).toBe('MUST');
      expect(found[0]!.message).toMatch(/reported finalised, but the bank linked confirmation/);
    } finally {
      await defective.close();
    }
  });
});
