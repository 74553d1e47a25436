import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlCommand, curlVariables, shellWord } from '../../src/report/curl.js';

/** What a POSIX shell makes of a word, with the given environment. */
const shellSees = (word: string, env: Record<string, string> = {}): string =>
  execFileSync('sh', ['-c', `printf '%s' ${word}`], { env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...env } }).toString();

describe('curl commands from redacted exchanges', () => {
  it('quotes any text so the shell gives it back unchanged', () => {
    const nasty = `it's "quoted" $HOME \`id\` \\ ; | & \n new line`;
    expect(shellSees(shellWord(nasty))).toBe(nasty);
  });

  it('turns each redacted value into a variable named after its field or header', () => {
    const body = '{"psuData":{"password":"***"},"scaAuthenticationData":"***"}';
    const word = shellWord(body);
    expect(word).toContain('"$PSU_PASSWORD"');
    expect(word).toContain('"$PSU_OTP"');
    expect(shellSees(word, { PSU_PASSWORD: 'pw 1', PSU_OTP: '123456' })).toBe('{"psuData":{"password":"pw 1"},"scaAuthenticationData":"123456"}');
    expect(shellWord('authorization: Bearer ***', 'authorization')).toBe(`'authorization: Bearer '"$ACCESS_TOKEN"`);
    expect(shellWord('psuId=alice&password=***')).toContain('"$PSU_PASSWORD"');
  });

  it('sends method, URL, headers and body as recorded, without connection headers', () => {
    const command = curlCommand({
      method: 'POST',
      url: 'http://127.0.0.1:8080/v1/consents?x=1',
      headers: { 'x-request-id': 'abc', host: '127.0.0.1:8080', 'content-length': '2', 'content-type': 'application/json' },
      body: '{"password":"***"}',
    });
    expect(command.split(' \\\n')).toEqual([
      `curl -sS -i -X POST 'http://127.0.0.1:8080/v1/consents?x=1'`,
      `  -H 'x-request-id: abc'`,
      `  -H 'content-type: application/json'`,
      `  --data-raw '{"password":"'"$PSU_PASSWORD"'"}'`,
    ]);
    expect(curlVariables(command)).toEqual(['PSU_PASSWORD']);
    expect(curlCommand({ method: 'GET', url: 'http://h/v1/accounts', headers: {} })).toBe(`curl -sS -i 'http://h/v1/accounts'`);
  });
});
