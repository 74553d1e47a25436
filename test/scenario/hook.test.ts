import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../../src/http/client.js';
import { loadProfile } from '../../src/profile/load.js';
import type { Profile } from '../../src/profile/types.js';
import { bundled } from '../../src/paths.js';
import { Session } from '../../src/run/session.js';
import { startSandbox } from '../../src/sandbox/index.js';
import type { RunningSandbox, ServedRequest } from '../../src/sandbox/types.js';
import { loadFixtures, type Fixtures } from '../../src/scenario/fixtures.js';
import { runScenario } from '../../src/scenario/interpreter.js';
import { loadScenarios, parseScenario } from '../../src/scenario/load.js';
import { planCells } from '../../src/scenario/matrix.js';
import type { Scenario } from '../../src/scenario/types.js';
import { loadSpec } from '../../src/spec/index.js';
import type { Spec } from '../../src/spec/types.js';

const CELL = { service: 'consents', approach: 'redirect' };

describe('hook steps: test hooks the profile declares', () => {
  let bank: RunningSandbox;
  let spec: Spec;
  let profile: Profile;
  let fixtures: Fixtures;
  let client: Client;
  let scenarios: Map<string, Scenario>;
  const served: ServedRequest[] = [];

  beforeAll(async () => {
    bank = await startSandbox({ onRequest: (r) => served.push(r) });
    spec = await loadSpec(bundled.spec());
    profile = loadProfile(bundled.profile());
    fixtures = loadFixtures(join(bundled.scenarios(), 'fixtures'));
    client = new Client({ timeoutMs: 5000 });
    scenarios = new Map(loadScenarios([join(bundled.scenarios(), 'ais')]).map((s) => [s.id, s]));
  });
  afterAll(async () => {
    await client.close();
    await bank.close();
  });

  const session = (p: Profile = profile) => new Session(bank.url, spec, p, client);

  it('runs the consent expiry scenario on the bank’s clock in well under two seconds', async () => {
    const s = session();
    const started = performance.now();
    const outcome = await runScenario(scenarios.get('ais.redirect.expired')!, CELL, s, fixtures);
    const ms = performance.now() - started;
    expect(outcome.failures).toEqual([]);
    expect(s.findings).toEqual([]);
    expect(ms).toBeLessThan(2000);
    // the hook went to the path the profile declares, with the consent's id filled in, and is kept for the reports
    const hook = s.exchanges.find((e) => e.origin?.step === 'two-days-later')!;
    expect(hook.request).toMatchObject({ method: 'POST', url: expect.stringMatching(/\/sandbox\/consents\/[0-9a-f-]+\/clock$/), body: '{"advanceSeconds":172800}' });
    expect(hook.response?.status).toBe(200);
    expect(JSON.parse(hook.response!.body)).toMatchObject({ consentStatus: 'expired' });
    // the bank's own clock did not move: only the consent's time did
    expect(Math.abs(bank.clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('runs the PSU revocation scenario', async () => {
    const s = session();
    const outcome = await runScenario(scenarios.get('ais.redirect.revoked')!, CELL, s, fixtures);
    expect(outcome.failures).toEqual([]);
    expect(s.findings).toEqual([]);
    expect(served.some((r) => /^\/sandbox\/consents\/[^/]+\/revoke$/.test(r.path) && r.status === 200)).toBe(true);
  });

  const flow = (steps: string) => parseScenario(`id: t.hook\ntitle: T\nneeds: [advance-clock]\nsteps:\n${steps}`, 't.yaml');

  it('fails the step when the hook answers with an error, or its path lacks a param', async () => {
    const { scenario } = flow('  - id: advance\n    hook: { name: advance-clock, params: { consentId: nope }, body: { advanceSeconds: 1 } }\n');
    const refused = await runScenario(scenario!, CELL, session(), fixtures);
    expect(refused.failures).toEqual(['advance: the advance-clock hook answered 404: {"error":"consent nope does not exist"}']);
    const { scenario: noParam } = flow('  - id: advance\n    hook: { name: advance-clock, body: { advanceSeconds: 1 } }\n');
    const missing = await runScenario(noParam!, CELL, session(), fixtures);
    expect(missing.failures).toEqual(['advance: the advance-clock hook\'s path /sandbox/consents/{consentId}/clock needs the param consentId']);
    const without = await runScenario(scenario!, CELL, session({ ...profile, hooks: {} }), fixtures);
    expect(without.failures).toEqual(['advance: the profile declares no advance-clock hook']);
  });

  it('a scenario names the hooks it calls in needs; without them in the profile its cells are not applicable', () => {
    const undeclared = parseScenario('id: t.hook\ntitle: T\nsteps:\n  - id: advance\n    hook: { name: advance-clock }\n', 't.yaml');
    expect(undeclared.problems).toEqual([expect.objectContaining({ field: 'steps.0.hook.name', message: expect.stringContaining("not named in the scenario's needs") })]);
    const expired = scenarios.get('ais.redirect.expired')!;
    expect(planCells(expired, profile)).toEqual([{ cell: CELL, applicable: true }]);
    expect(planCells(expired, { ...profile, hooks: {} })).toEqual([{ cell: CELL, applicable: false, reason: 'the profile declares no advance-clock hook' }]);
    // a cell not offered keeps its own reason
    expect(planCells(expired, { ...profile, hooks: {}, services: {} })[0]).toMatchObject({ applicable: false, reason: 'the profile does not offer consents' });
  });
});
