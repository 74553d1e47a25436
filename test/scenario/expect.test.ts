import { describe, expect, it } from 'vitest';
import { captureValue, unmetExpectations } from '../../src/scenario/expect.js';

const response = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('flow expectations', () => {
  const created = response(
    201,
    { transactionStatus: 'RCVD', paymentId: 'p1', _links: { scaRedirect: { href: 'https://bank/sca' } } },
    { 'aspsp-sca-approach': 'REDIRECT', location: 'https://bank/v1/payments/x/p1' },
  );
  it('passes when status, approach, links, body and headers are as expected', () => {
    expect(
      unmetExpectations({ status: [200, 201], scaApproach: 'REDIRECT', links: ['scaRedirect'], body: { transactionStatus: ['RCVD', 'ACTC'] }, headers: ['Location'] }, created),
    ).toEqual([]);
  });
  it('says each thing that differs', () => {
    const unmet = unmetExpectations({ status: 200, scaApproach: 'EMBEDDED', links: ['self'], body: { transactionStatus: 'ACTC' } }, created);
    expect(unmet).toEqual([
      'expected status 200, got 201',
      'expected ASPSP-SCA-Approach EMBEDDED, got REDIRECT',
      'expected _links.self',
      'expected transactionStatus "ACTC", got "RCVD"',
    ]);
  });
  it('finds error codes in tppMessages and in problem+json', () => {
    const ng = response(400, { tppMessages: [{ category: 'ERROR', code: 'FORMAT_ERROR' }] });
    expect(unmetExpectations({ tppMessage: 'FORMAT_ERROR' }, ng)).toEqual([]);
    expect(unmetExpectations({ tppMessage: ['CONSENT_UNKNOWN'] }, ng)).toEqual(['expected error code CONSENT_UNKNOWN, got FORMAT_ERROR']);
    expect(unmetExpectations({ tppMessage: 'FORMAT_ERROR' }, response(400, { type: 'about:blank', code: 'FORMAT_ERROR' }))).toEqual([]);
  });
  it('captures from body, headers and status', () => {
    expect(captureValue('body.paymentId', created)).toBe('p1');
    expect(captureValue('header.Location', created)).toBe('https://bank/v1/payments/x/p1');
    expect(captureValue('status', created)).toBe(201);
    expect(captureValue('body.missing.deep', created)).toBeUndefined();
  });
});
