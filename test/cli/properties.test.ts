import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundled, packageRoot } from '../../src/paths.js';
import { cli } from './cli-harness.js';

const bin = () => join(packageRoot(), 'bin', 'xs2a-conformance.js');

/** Split a replay command line (its arguments are shell-quoted only when they need it) and run it with the installed bin. */
function runReplay(command: string): { code: number | null; stdout: string } {
  const args = command.match(/'[^']*'|\S+/g)!.map((a) => a.replace(/^'|'$/g, ''));
  expect(args[0]).toBe('xs2a-conformance');
  const r = spawnSync(process.execPath, [bin(), ...args.slice(1)], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout + r.stderr };
}

describe('the property suite in a run', () => {
  it('a 500 on one PSU-Geo-Location form: the report shows the shrunk counterexample, its seed and a replay command that reproduces it', async () => {
    const run = await cli(['run', '--defect', 'server-error-on-geo-location-form', '--filter', 'header\\.psu-geo-location', '--seed', '1234']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = run.report();
    expect(report.run.seed).toBe(1234);
    const ran = report.tests.filter((t) => t.state !== 'skipped');
    expect(ran.map((t) => `${t.name} ${t.state}`).sort()).toEqual(['properties (seed 1234, 25 runs each) > header.psu-geo-location.invalid failed', 'properties (seed 1234, 25 runs each) > header.psu-geo-location.valid passed']);
    const finding = report.findings.find((f) => f.check === 'property.no-server-error')!;
    expect(finding.level).toBe('MUST');
    expect(finding.evidence).toMatchObject({ property: 'header.psu-geo-location.invalid', seed: 1234, counterexample: expect.stringMatching(/^PSU-Geo-Location = "GEO:0\.000000;0000\.000000" \(longitude with 4 integer digits\)/) });
    expect(finding.replay).toBe(`xs2a-conformance property header.psu-geo-location.invalid --seed 1234 --path ${finding.evidence!['path']} --defect server-error-on-geo-location-form`);
    expect(readFileSync(join(run.reportDir, 'report.html'), 'utf8')).toContain(finding.replay!);

    const replayed = runReplay(finding.replay!);
    expect(replayed.code).toBe(1);
    expect(replayed.stdout).toContain('counterexample: PSU-Geo-Location = "GEO:0.000000;0000.000000" (longitude with 4 integer digits) → 500');
    expect(replayed.stdout).toContain('property.no-server-error');
    // the same command against the clean bank: the property holds
    expect(runReplay(finding.replay!.replace(/ --defect \S+/, '')).code).toBe(0);
  });
});

describe('mTLS and signing', () => {
  const mtls = join(dirname(bundled.profile()), 'reference-bank-mtls.yaml');

  it('a run of the mTLS profile passes against the bank demanding both', { timeout: 240_000 }, async () => {
    const run = await cli(['run', '--profile', mtls]);
    expect(run.stderr).toBe('');
    const report = run.report();
    expect(report.findings.map((f) => `${f.check}: ${f.message}`)).toEqual([]);
    expect(run.code).toBe(0);
    expect(report.run.target).toMatch(/^https:/);
    const names = report.tests.map((t) => t.name);
    for (const p of ['signing.digest-mismatch', 'signing.signature-tampered', 'roles.pis-only.ais', 'roles.ais-only.pis']) expect(names.some((n) => n.endsWith(p))).toBe(true);
  });

  it('fails with 401 ROLE_INVALID when the generated certificate lacks PSP_AI', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xs2a-mtls-'));
    const profile = join(dir, 'no-ais.yaml');
    writeFileSync(profile, readFileSync(mtls, 'utf8').replace('roles: [PSP_AS, PSP_PI, PSP_AI, PSP_IC]', 'roles: [PSP_AS, PSP_PI, PSP_IC]'));
    const run = await cli(['run', '--profile', profile, '--filter', 'ais\\.|header\\.x-request-id\\.valid']);
    expect(run.code).toBe(1);
    const report = run.report();
    expect(report.summary.failed).toBeGreaterThan(0);
    const traffic = readFileSync(join(run.reportDir, 'report.json'), 'utf8');
    expect(traffic).toContain('ROLE_INVALID');
    expect(report.findings.some((f) => f.check === 'property.valid-accepted' && /ROLE_INVALID/.test(f.message))).toBe(true);
  });
});

describe('certs', () => {
  it('generates a CA, a server certificate, a QWAC and a QSealC with the roles asked for', () => {
    const out = mkdtempSync(join(tmpdir(), 'xs2a-certs-'));
    const r = spawnSync(process.execPath, [bin(), 'certs', '--out', out, '--roles', 'PSP_AI,PSP_PI'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/roles PSP_AI, PSP_PI/);
    for (const f of ['ca.pem', 'server.pem', 'qwac.pem', 'qwac-key.pem', 'qsealc.pem', 'qsealc-key.pem']) expect(readFileSync(join(out, f), 'utf8')).toMatch(/-----BEGIN /);
    const bad = spawnSync(process.execPath, [bin(), 'certs', '--out', out, '--roles', 'PSP_XX'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown role PSP_XX/);
  });
});
