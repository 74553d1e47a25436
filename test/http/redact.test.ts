import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/http/exchange.js';
import { redactExchange, redactText } from '../../src/http/redact.js';

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
});
