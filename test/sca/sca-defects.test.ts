/**
 * The SCA drivers and checks end to end, in-process: the bundled scenarios run through the
 * embedded, decoupled and redirect drivers against the reference bank; the clean bank trips no
 * check, and each SCA defect is caught by the check it names.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../../src/http/client.js';
import { loadProfile } from '../../src/profile/load.js';
import type { Profile } from '../../src/profile/types.js';
import { bundled } from '../../src/paths.js';
import { Session } from '../../src/run/session.js';
import { DEFECTS, startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox } from '../../src/sandbox/types.js';
import { loadFixtures, type Fixtures } from '../../src/scenario/fixtures.js';
import { runScenario } from '../../src/scenario/interpreter.js';
import { loadScenarios } from '../../src/scenario/load.js';
import { planCells } from '../../src/scenario/matrix.js';
import type { Cell, Scenario } from '../../src/scenario/types.js';
import { loadSpec } from '../../src/spec/index.js';
import type { Spec } from '../../src/spec/types.js';
import { SCA } from '../../src/sandbox/defects/sca.js';

let spec: Spec;
let profile: Profile;
let fixtures: Fixtures;
let client: Client;
let scenarios: Map<string, Scenario>;

beforeAll(async () => {
  spec = await loadSpec(bundled.spec());
  profile = loadProfile(bundled.profile());
  fixtures = loadFixtures(join(bundled.scenarios(), 'fixtures'));
  client = new Client({ timeoutMs: 5000 });
  scenarios = new Map(loadScenarios([join(bundled.scenarios(), 'pis'), join(bundled.scenarios(), 'ais')]).map((s) => [s.id, s]));
});
afterAll(() => client.close());

/** Runs one scenario cell against a bank; the session's findings and the flow's failures. */
async function run(bank: RunningSandbox, id: string, cell: Cell, p: Profile = profile) {
  const session = new Session(bank.url, spec, p, client);
  const outcome = await runScenario(scenarios.get(id)!, cell, session, fixtures);
  return { failures: outcome.failures, findings: session.findings, session };
}

const SEPA = { service: 'payments', product: 'sepa-credit-transfers' };

/** Which scenario cell shows each defect. */
const SHOWN_BY: Record<keyof typeof SCA, [string, Cell]> = {
  'embedded-reported-as-redirect': ['pis.sca.implicit', { ...SEPA, approach: 'embedded' }],
  'no-select-authentication-method-link': ['pis.sca.implicit', { ...SEPA, approach: 'embedded' }],
  'chosen-method-not-offered': ['pis.sca.implicit', { ...SEPA, approach: 'embedded' }],
  'otp-max-length-as-string': ['pis.sca.implicit', { ...SEPA, approach: 'embedded' }],
  'redirect-uri-ignored': ['pis.redirect.implicit', { ...SEPA, approach: 'redirect' }],
  'decoupled-without-psu-message': ['pis.sca.implicit', { ...SEPA, approach: 'decoupled' }],
  'decoupled-never-finalises': ['pis.sca.implicit', { ...SEPA, approach: 'decoupled' }],
  'otp-accepted-twice': ['pis.embedded.otp-replay', { ...SEPA, approach: 'embedded' }],
  'confirmation-skipped': ['pis.redirect.confirmation', { ...SEPA, approach: 'redirect' }],
};

describe('the clean reference bank passes every SCA flow without a finding', () => {
  let bank: RunningSandbox;
  beforeAll(async () => {
    bank = await startSandbox();
  });
  afterAll(() => bank.close());

  const cells: Array<[string, Cell]> = [
    ['pis.sca.implicit', { ...SEPA, approach: 'embedded' }],
    ['pis.sca.implicit', { ...SEPA, approach: 'decoupled' }],
    ['pis.sca.explicit', { service: 'bulk-payments', product: 'sepa-credit-transfers', approach: 'embedded' }],
    ['pis.sca.explicit', { service: 'periodic-payments', product: 'instant-sepa-credit-transfers', approach: 'decoupled' }],
    ['pis.sca.rejected', { ...SEPA, approach: 'embedded' }],
    ['pis.sca.rejected', { ...SEPA, approach: 'decoupled' }],
    ['pis.embedded.exemption', { ...SEPA, approach: 'embedded' }],
    ['pis.embedded.otp-replay', { ...SEPA, approach: 'embedded' }],
    ['pis.multilevel', { ...SEPA, approach: 'embedded' }],
    ['pis.multilevel', { ...SEPA, approach: 'decoupled' }],
    ['pis.cancel.sca', { service: 'periodic-payments', product: 'sepa-credit-transfers', approach: 'embedded' }],
    ['pis.cancel.sca', { service: 'periodic-payments', product: 'sepa-credit-transfers', approach: 'decoupled' }],
    ['sbs.sca.payments', { service: 'signing-baskets', approach: 'decoupled' }],
    ['ais.sca.consent', { service: 'consents', approach: 'embedded' }],
    ['ais.sca.consent-rejected', { service: 'consents', approach: 'decoupled' }],
    ['piis.sca.consent', { service: 'funds-confirmations', approach: 'embedded' }],
    ['pis.redirect.rejected', { ...SEPA, approach: 'redirect' }],
    ['pis.redirect.confirmation', { service: 'bulk-payments', product: 'cross-border-credit-transfers', approach: 'redirect' }],
  ];
  for (const [id, cell] of cells) {
    it(`${id} in ${cell.service} / ${cell.approach}`, async () => {
      const { failures, findings } = await run(bank, id, cell);
      expect(failures).toEqual([]);
      expect(findings).toEqual([]);
    });
  }

  it('the embedded driver follows the bank\'s links only, with the profile\'s method and OTP', async () => {
    const { session } = await run(bank, 'pis.sca.implicit', { ...SEPA, approach: 'embedded' });
    const steps = session.exchanges.filter((e) => e.origin?.step === 'authorise').map((e) => [e.request.method, JSON.parse(e.request.body ?? '{}')]);
    expect(steps).toEqual([
      ['PUT', { psuData: { password: '***' } }],
      ['PUT', { authenticationMethodId: 'sms-otp' }],
      ['PUT', { scaAuthenticationData: '***' }],
    ]);
  });

  it('the decoupled driver triggers the approval hook and polls scaStatus until finalised', async () => {
    const { session } = await run(bank, 'pis.sca.implicit', { ...SEPA, approach: 'decoupled' });
    const urls = session.exchanges.filter((e) => e.origin?.step === 'authorise').map((e) => `${e.request.method} ${new URL(e.request.url).pathname.replace(/[0-9a-f-]{36}/g, 'ID')}`);
    expect(urls[0]).toBe('POST /sandbox/authorisations/ID/approve');
    expect(urls.slice(1).every((u) => u === 'GET /v1/payments/sepa-credit-transfers/ID/authorisations/ID')).toBe(true);
  });

  it('a decoupled command trigger runs with the authorisation in its environment; its failure is the step\'s', async () => {
    const failing: Profile = { ...profile, sca: { ...profile.sca, decoupled: { approve: { command: 'test -n "$XS2A_AUTHORISATION_ID" && test "$XS2A_OUTCOME" = approve && exit 7' } } } };
    const { failures } = await run(bank, 'pis.sca.implicit', { ...SEPA, approach: 'decoupled' }, failing);
    expect(failures.join()).toMatch(/decoupled approve command failed \(7\)/);
    const approving: Profile = { ...profile, sca: { ...profile.sca, decoupled: { approve: { command: `node -e "fetch('${bank.url}/sandbox/authorisations/'+process.env.XS2A_AUTHORISATION_ID+'/approve',{method:'POST'}).then(r=>process.exit(r.ok?0:1))"` } } } };
    const ok = await run(bank, 'pis.sca.implicit', { ...SEPA, approach: 'decoupled' }, approving);
    expect(ok.failures).toEqual([]);
  });

  it('without a multilevel account in the profile, the multilevel scenario is not applicable', () => {
    const { multilevel: _m, ...without } = profile;
    const cells = planCells(scenarios.get('pis.multilevel')!, without);
    expect(cells.every((c) => !c.applicable && /multilevel/.test(c.reason!))).toBe(true);
    expect(planCells(scenarios.get('pis.multilevel')!, profile).every((c) => c.applicable)).toBe(true);
  });
});

describe('each SCA defect is caught by its check', () => {
  for (const [defect, [id, cell]] of Object.entries(SHOWN_BY)) {
    const { caughtBy } = DEFECTS[defect]!;
    it(`catches ${defect} with ${caughtBy.join(', ')}`, async () => {
      const bank = await startSandbox({ defects: [defect] });
      try {
        const { findings } = await run(bank, id, cell);
        const found = new Set(findings.filter((f) => f.level === 'MUST').map((f) => f.check));
        for (const check of caughtBy) expect(found, `${defect}: ${JSON.stringify(findings.map((f) => [f.check, f.message]))}`).toContain(check);
      } finally {
        await bank.close();
      }
    });
  }
});
