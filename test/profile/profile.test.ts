import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundled } from '../../src/paths.js';
import { loadProfile, ProfileError, secretsOf } from '../../src/profile/load.js';

function write(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'profile-')), 'bank.yaml');
  writeFileSync(file, text);
  return file;
}

function problemOf(file: string): ProfileError {
  try {
    loadProfile(file);
  } catch (e) {
    return e as ProfileError;
  }
  throw new Error('expected a ProfileError');
}

describe('profiles', () => {
  it('loads the bundled reference bank profile with defaults filled in', () => {
    const p = loadProfile(bundled.profile());
    expect(p.baseUrl).toBeUndefined();
    expect(p.services.payments).toContain('sepa-credit-transfers');
    expect(p.scaApproaches).toEqual(['redirect', 'embedded', 'decoupled', 'oauth']);
    expect(p.oauth).toMatchObject({ clientId: 'tpp-sandbox-client', tokenAuth: 'client_secret_basic' });
    expect(secretsOf(p)).toContain(p.oauth!.clientSecret);
    expect(p.psu.otp).toBe('246810');
    expect(p.multilevel).toEqual({ iban: 'DE25123456780555000101', psus: [{ id: 'psu-bob', password: 'sandbox-bob-2', otp: '135790' }] });
    expect(p.sca.decoupled).toMatchObject({ approve: { hook: 'decoupled-approve' }, reject: { hook: 'decoupled-reject' } });
    expect(p.timeouts.requestMs).toBeGreaterThan(0);
  });

  it('reads the OAuth client and the redirect driver; a missing client secret names its field', () => {
    const e = problemOf(write('name: Bank\noauth:\n  clientId: c1\n  redirectUri: https://tpp.example/cb\n  clientSecret: { env: XS2A_TEST_UNSET_CLIENT_SECRET }\n'));
    expect(e.message).toContain('oauth.clientSecret: environment variable XS2A_TEST_UNSET_CLIENT_SECRET is not set');
    const driver = problemOf(write('name: Bank\nsca:\n  redirect:\n    driver: chrome\n'));
    expect(driver.message).toContain('sca.redirect.driver');
    const steps = problemOf(write('name: Bank\nsca:\n  redirect:\n    driver: browser\n    browser:\n      steps: [ { press: Enter } ]\n'));
    expect(steps.message).toContain('sca.redirect.browser.steps');
  });

  it('names the file, line and misspelt field, with a suggestion', () => {
    const e = problemOf(write('name: Bank\nbaseUrl: https://bank.example/psd2\nscaApproachs: [redirect]\n'));
    expect(e).toBeInstanceOf(ProfileError);
    expect(e.message).toMatch(/bank\.yaml:3: scaApproachs: unknown field 'scaApproachs' \(did you mean 'scaApproaches'\?\)/);
  });

  it('names nested fields and wrong values', () => {
    const e = problemOf(write('name: Bank\npsu:\n  id: u1\n  pasword: x\nscaApproaches: [redirect, telepathy]\n'));
    expect(e.message).toContain("psu.pasword: unknown field 'pasword' (did you mean 'password'?)");
    expect(e.message).toMatch(/:5: scaApproaches\.1: must be one of/);
  });

  it('reads secrets from the environment and never needs them in the file', () => {
    const file = write('name: Bank\npsu: { id: u1, password: { env: XS2A_TEST_PSU_PASSWORD } }\n');
    delete process.env['XS2A_TEST_PSU_PASSWORD'];
    expect(problemOf(file).message).toContain('psu.password: environment variable XS2A_TEST_PSU_PASSWORD is not set');
    process.env['XS2A_TEST_PSU_PASSWORD'] = 'pw-from-env';
    const p = loadProfile(file);
    expect(p.psu.password).toBe('pw-from-env');
    expect(secretsOf(p)).toEqual(['pw-from-env']);
  });

  it('declares test hooks by name, POST unless said otherwise; a hook without a path is refused', () => {
    expect(loadProfile(bundled.profile()).hooks).toMatchObject({
      'advance-clock': { method: 'POST', path: '/sandbox/consents/{consentId}/clock' },
      'revoke-consent': { method: 'POST', path: '/sandbox/consents/{consentId}/revoke' },
      'decoupled-approve': { method: 'POST', path: '/sandbox/authorisations/{authorisationId}/approve' },
    });
    expect(loadProfile(write('name: Bank\n')).hooks).toEqual({});
    expect(loadProfile(write('name: Bank\nhooks:\n  reset: { method: DELETE, path: /test/state }\n')).hooks).toEqual({ reset: { method: 'DELETE', path: '/test/state' } });
    expect(problemOf(write('name: Bank\nhooks:\n  advance-clock: { method: POST }\n')).message).toMatch(/:3: hooks\.advance-clock/);
  });

  it('reads OTPs and the multilevel PSUs\' secrets from the environment; a decoupled trigger is a hook or a command', () => {
    const file = write(
      'name: Bank\npsu: { id: u1, otp: { env: XS2A_TEST_OTP } }\nmultilevel: { iban: DE25123456780555000101, psus: [{ id: u2, password: { env: XS2A_TEST_PW2 } }] }\n' +
        'sca:\n  embedded: { method: chip-otp }\n  decoupled: { approve: { command: ./approve.sh }, pollMs: 100 }\n',
    );
    delete process.env['XS2A_TEST_OTP'];
    expect(problemOf(file).message).toContain('psu.otp: environment variable XS2A_TEST_OTP is not set');
    process.env['XS2A_TEST_OTP'] = '112233';
    delete process.env['XS2A_TEST_PW2'];
    expect(problemOf(file).message).toContain('multilevel.psus[0].password: environment variable XS2A_TEST_PW2 is not set');
    process.env['XS2A_TEST_PW2'] = 'pw2';
    const p = loadProfile(file);
    expect(p.psu.otp).toBe('112233');
    expect(p.sca).toEqual({ embedded: { method: 'chip-otp' }, decoupled: { approve: { command: './approve.sh' }, pollMs: 100 } });
    expect(secretsOf(p)).toEqual(['112233', 'pw2']);
    expect(problemOf(write('name: Bank\nsca:\n  decoupled: { approve: { hook: a, command: b } }\n')).message).toMatch(/sca\.decoupled\.approve/);
  });

  it('says so when the file cannot be read or is not YAML', () => {
    expect(problemOf('/nonexistent/bank.yaml').message).toContain('cannot read the profile (ENOENT)');
    expect(problemOf(write('name: [unclosed\n')).message).toMatch(/bank\.yaml:\d+:/);
  });
});
