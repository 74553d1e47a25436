import { describe, expect, it } from 'vitest';
import { DEFECTS } from '../../src/sandbox/index.js';
import { failedChecks, propertiesAgainst } from './harness.js';

describe('the property suite against the clean reference bank', () => {
  it('holds every property, with no exchange-check finding, for two seeds', async () => {
    for (const seed of [42, 7]) {
      const results = await propertiesAgainst({}, { seed });
      expect(results.length).toBeGreaterThan(35);
      const failed = results.filter((r) => r.state !== 'passed').map((r) => `${r.property}: ${r.notApplicable ?? r.findings.map((f) => `${f.check} ${f.message}`).join('; ')}`);
      expect(failed).toEqual([]);
    }
  });
});

/** Each defect of the request-header family (and the response-header defect no-x-request-id-echo) is caught by the property its caughtBy names. */
const CAUGHT: Array<[string, string[], string]> = [
  ['malformed-request-id-accepted', ['header.x-request-id.invalid'], 'property.invalid-rejected'],
  ['server-error-on-malformed-psu-ip', ['header.psu-ip-address.invalid'], 'property.no-server-error'],
  ['server-error-on-geo-location-form', ['header.psu-geo-location.invalid'], 'property.no-server-error'],
  ['ipv6-psu-ip-refused', ['header.psu-ip-address.valid'], 'property.valid-accepted'],
  ['request-id-lost-on-header-errors', ['header.psu-device-id.invalid'], 'property.request-id-echo'],
  ['request-id-lost-on-header-errors', ['header.psu-device-id.invalid'], 'header.x-request-id-echo'],
  ['redirect-uri-not-required', ['cross.redirect-uri-required'], 'property.cross-field'],
  ['reversed-period-accepted', ['cross.period-order'], 'property.cross-field'],
  ['no-x-request-id-echo', ['header.x-request-id.valid', 'header.psu-ip-address.invalid'], 'property.request-id-echo'],
];

describe('each request-header defect is caught by a property', () => {
  for (const [defect, only, check] of CAUGHT) {
    it(`catches ${defect} with ${check}`, async () => {
      if (defect !== 'no-x-request-id-echo') expect(DEFECTS[defect]!.caughtBy).toContain(check);
      const results = await propertiesAgainst({ defects: [defect] }, { only });
      const caught = failedChecks(results);
      expect([...caught.keys()]).toContain(check);
      const clean = await propertiesAgainst({}, { only });
      expect(failedChecks(clean).size).toBe(0);
    });
  }

  it('no-x-request-id-echo is also caught by the exchange check header.x-request-id-echo on property exchanges', async () => {
    const results = await propertiesAgainst({ defects: ['no-x-request-id-echo'] }, { only: ['header.x-request-id.valid'] });
    expect([...failedChecks(results).keys()]).toEqual(expect.arrayContaining(['property.request-id-echo', 'header.x-request-id-echo']));
  });
});

describe('a counterexample', () => {
  it('is shrunk to the one malformed PSU-Geo-Location form, and its seed and path replay it exactly', async () => {
    const only = ['header.psu-geo-location.invalid'];
    const [first] = await propertiesAgainst({ defects: ['server-error-on-geo-location-form'] }, { only, seed: 1234, replayCommand: (p, s, path) => `replay ${p} ${s} ${path}` });
    expect(first!.state).toBe('failed');
    expect(first!.counterexample!.label).toMatch(/longitude with 4 integer digits/);
    expect(first!.counterexample!.status).toBe(500);
    // shrunk: the smallest value of that form (digits shrink towards zero, the sign to none)
    expect(first!.counterexample!.request.headers['psu-geo-location']).toBe('GEO:0.000000;0000.000000');
    const finding = first!.findings.find((f) => f.check === 'property.no-server-error')!;
    expect(finding.evidence).toMatchObject({ seed: 1234, path: first!.path, replay: `replay header.psu-geo-location.invalid 1234 ${first!.path}` });
    const [again] = await propertiesAgainst({ defects: ['server-error-on-geo-location-form'] }, { only, seed: 1234, path: first!.path! });
    expect(again!.counterexample!.request.headers['psu-geo-location']).toBe(first!.counterexample!.request.headers['psu-geo-location']);
    // The same rules broken; the first run also reports each shrinking step's exchange, the replay only the counterexample's.
    const checks = (r: typeof first) => [...new Set(r!.findings.map((f) => f.check))];
    expect(checks(again)).toEqual(checks(first));
    expect(again!.findings.length).toBeLessThan(first!.findings.length);
  });
});
