import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/http/exchange.js';
import { credentialsIn, redactExchange, redactText } from '../../src/http/redact.js';

describe('redaction', () => {
  it('replaces credential fields in JSON and form bodies and known secret values anywhere', () => {
    expect(redactText('{"psuData":{"password":"hunter22"},"x":1}', [])).toBe('{"psuData":{"password":"***"},"x":1}');
    expect(redactText('psuId=alice&password=hunter22&decision=approve', [])).toBe('psuId=alice&password=***&decision=approve');
    expect(redactText('token s3cr3t-value in text', ['s3cr3t-value'])).toBe('token *** in text');
  });
  it('redacts a copy of the exchange and leaves the original untouched', () => {
    const ex: Exchange = {
      id: '1',
      startedAt: '',
      durationMs: 1,
      request: { method: 'POST', url: 'https://bank/x?otp=123456', headers: { authorization: 'Bearer abc.def', 'x-request-id': 'r' }, body: '{"scaAuthenticationData":"123456"}' },
      response: { status: 200, headers: { 'set-cookie': 'sid=1' }, body: '{"access_token":"tok-999"}' },
    };
    const red = redactExchange(ex, []);
    expect(red.request.headers['authorization']).toBe('Bearer ***');
    expect(red.request.url).toBe('https://bank/x?otp=***');
    expect(red.request.body).toBe('{"scaAuthenticationData":"***"}');
    expect(red.response!.headers['set-cookie']).toBe('***');
    expect(red.response!.body).toBe('{"access_token":"***"}');
    expect(ex.request.headers['authorization']).toBe('Bearer abc.def');
  });
  it('replaces a secret in every spelling a text may carry it: as is, JSON-escaped, percent- and form-encoded', () => {
    const secret = 'Pl@nted pw/"7"!';
    const texts = [secret, JSON.stringify(secret), encodeURIComponent(secret), new URLSearchParams({ x: secret }).toString()];
    for (const text of texts) {
      const redacted = redactText(`before ${text} after`, [secret]);
      expect(redacted).toContain('***');
      expect(redacted).not.toMatch(/nted|pw|7/);
    }
  });
  it('replaces a numeric secret (an OTP) where it stands as a number, not inside a longer one such as an IBAN', () => {
    const text = '{"creditorAccount":{"iban":"DE25100900000013579004"},"text":"OTP 135790 refused","ref":"x135790"}';
    expect(redactText(text, ['135790'])).toBe('{"creditorAccount":{"iban":"DE25100900000013579004"},"text":"OTP *** refused","ref":"x***"}');
    expect(redactText('pin=1357&n=13579', ['1357'])).toBe('pin=***&n=13579');
  });
  it('replaces PEM private keys, JWTs and OAuth fields wherever they are', () => {
    const pem = '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB0=\n-----END EC PRIVATE KEY-----';
    expect(redactText(`key: ${pem} end`, [])).toBe('key: *** end');
    expect(redactText(JSON.stringify({ note: pem }), [])).toBe('{"note":"***"}');
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';
    expect(redactText(`{"text":"token ${token} rejected"}`, [])).toBe('{"text":"token *** rejected"}');
    expect(redactText('grant_type=refresh_token&refresh_token=rt-1&client_secret=cs-1&code=abc', [])).toBe('grant_type=refresh_token&refresh_token=***&client_secret=***&code=***');
    expect(redactText('{"tppMessages":[{"code":"FORMAT_ERROR"}],"clientSecret":"cs-2"}', [])).toBe('{"tppMessages":[{"code":"FORMAT_ERROR"}],"clientSecret":"***"}');
  });
  it('names the credentials an exchange carries, so that they are redacted wherever they turn up later', () => {
    const ex: Exchange = {
      id: '1',
      startedAt: '',
      durationMs: 1,
      request: { method: 'POST', url: 'https://bank/token?code=auth-code-1', headers: { authorization: 'Bearer tok-abcdef', 'consent-jwt': 'jwt-value-1' }, body: 'client_secret=cs-123456&scope=ais' },
      response: { status: 200, headers: {}, body: '{"access_token":"at-123456","nested":{"refresh_token":"rt-123456"},"otp":"123"}' },
    };
    expect(credentialsIn(ex).sort()).toEqual(['Bearer tok-abcdef', 'at-123456', 'auth-code-1', 'cs-123456', 'jwt-value-1', 'rt-123456', 'tok-abcdef']);
  });
});
