import { describe, expect, it } from 'vitest';
import { loadMachines } from '../../src/lifecycle/machine.js';
import { bundled } from '../../src/paths.js';
import { DEFECTS } from '../../src/sandbox/index.js';
import { loadSpec } from '../../src/spec/index.js';
import { checkTraffic } from '../../src/traffic/check-traffic.js';
import { PAYMENT_CELL, runAgainstBank } from '../sca/oauth-harness.js';

const checksOf = (findings: { check: string; level: string }[]) => [...new Set(findings.filter((f) => f.level === 'MUST').map((f) => f.check))];

describe('the OAuth checks, against the reference bank in-process', () => {
  it('the clean bank trips none of them in an OAuth payment', async () => {
    const { outcome, session } = await runAgainstBank('pis.oauth.implicit', PAYMENT_CELL);
    expect(outcome.failures).toEqual([]);
    expect(session.findings).toEqual([]);
    // the probe replayed the spent code, and the bank refused it
    const replays = session.exchanges.filter((e) => e.request.body?.includes('grant_type=authorization_code'));
    expect(replays.map((e) => e.response?.status)).toEqual([200, 400]);
  });

  it('a recorded HAR, its codes redacted, gives oauth.code-single-use no evidence: two flows with two codes are no replay', async () => {
    const runs = [await runAgainstBank('pis.oauth.implicit', PAYMENT_CELL), await runAgainstBank('pis.oauth.implicit', PAYMENT_CELL)];
    const recorded = runs.flatMap((r) => r.session.exchanges); // the redacted copies reports keep
    const redeemed = recorded.filter((e) => e.request.body?.includes('grant_type=authorization_code') && e.response?.status === 200);
    expect(redeemed.map((e) => new URLSearchParams(e.request.body).get('code'))).toEqual(['***', '***']);
    const verdict = await checkTraffic(
      (async function* () {
        yield* recorded;
      })(),
      { spec: await loadSpec(bundled.spec()), machines: loadMachines() },
    );
    expect(verdict.findings.filter((f) => f.check === 'oauth.code-single-use')).toEqual([]);
  });

  const cases: Array<[string, string]> = [
    ['oauth-sca-redirect-instead', 'links.sca-oauth'],
    ['oauth-metadata-incomplete', 'oauth.metadata'],
    ['oauth-state-dropped', 'oauth.state-returned'],
    ['oauth-token-type-missing', 'oauth.token-response'],
    ['oauth-token-cacheable', 'oauth.token-response'],
    ['oauth-code-reusable', 'oauth.code-single-use'],
  ];
  for (const [defect, check] of cases) {
    it(`catches ${defect} with ${check}`, async () => {
      expect(DEFECTS[defect as keyof typeof DEFECTS].caughtBy).toContain(check);
      const { session } = await runAgainstBank('pis.oauth.implicit', PAYMENT_CELL, [defect]);
      expect(checksOf(session.findings)).toContain(check);
    });
  }
});
