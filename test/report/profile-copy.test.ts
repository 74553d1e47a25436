import { describe, expect, it } from 'vitest';
import { REDACTED_VALUE, redactProfileText, secretFieldPaths } from '../../src/report/profile-copy.js';

describe('the profile copy a bundle carries', () => {
  it('finds the secret fields from the profile schema', () => {
    expect(secretFieldPaths()).toContainEqual(['psu', 'password']);
  });

  it('replaces literal secrets, keeps { env: NAME } references, comments and everything else', () => {
    const text = [
      '# Example Bank sandbox',
      'name: Example Bank',
      'baseUrl: https://sandbox.example-bank.eu/psd2',
      'psu:',
      '  id: user1',
      '  password: hunter2-secret   # the sandbox password',
      '',
    ].join('\n');
    const { text: copy, redacted } = redactProfileText(text);
    expect(redacted).toBe(1);
    expect(copy).not.toContain('hunter2-secret');
    expect(copy).toContain(`password: ${REDACTED_VALUE}`);
    expect(copy).toContain('# the sandbox password');
    expect(copy).toContain('id: user1');
    const env = redactProfileText('name: B\npsu:\n  id: u\n  password: { env: PSU_PASSWORD }\n');
    expect(env.redacted).toBe(0);
    expect(env.text).toContain('PSU_PASSWORD');
  });
});
