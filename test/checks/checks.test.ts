import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.js';
import { contextOf, judgeExchange } from '../../src/checks/judge.js';
import type { Exchange } from '../../src/http/exchange.js';
import { bundled } from '../../src/paths.js';
import { loadSpec } from '../../src/spec/index.js';
import type { Spec } from '../../src/spec/types.js';
import { BG_1_3_12 } from '../spec/official-files.js';

const BASE = 'https://bank.example/psd2';
const RID = '99391c7e-ad88-49ec-a2ad-99ddcb1f7721';
const json = { 'content-type': 'application/json' };

function exchange(method: string, path: string, status: number, body: unknown, headers: Record<string, string> = {}, requestHeaders: Record<string, string> = {}): Exchange {
  return {
    id: 'e1',
    startedAt: '2026-11-21T00:00:00Z',
    durationMs: 1,
    request: { method, url: `${BASE}${path}`, headers: { 'x-request-id': RID, ...requestHeaders } },
    response: { status, headers: { 'x-request-id': RID, ...json, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) },
  };
}

const created = {
  transactionStatus: 'RCVD',
  paymentId: 'p-1',
  _links: {
    scaRedirect: { href: 'https://bank.example/sca/a-1' },
    self: { href: '/v1/payments/sepa-credit-transfers/p-1' },
    status: { href: '/v1/payments/sepa-credit-transfers/p-1/status' },
    scaStatus: { href: '/v1/payments/sepa-credit-transfers/p-1/authorisations/a-1' },
  },
};
const createdHeaders = { location: `${BASE}/v1/payments/sepa-credit-transfers/p-1`, 'aspsp-sca-approach': 'REDIRECT' };
const initiation = (status: number, body: unknown, headers: Record<string, string> = createdHeaders) =>
  exchange('POST', '/v1/payments/sepa-credit-transfers', status, body, headers);

for (const [name, file] of [
  ['the official 1.3.12 file', BG_1_3_12],
  ['the bundled description', bundled.spec()],
] as const) {
  describe(`checks against ${name}`, () => {
    let spec: Spec;
    beforeAll(async () => {
      spec = await loadSpec(file);
    });
    const findings = (ex: Exchange) => judgeExchange(ex, CHECKS, contextOf(ex, spec, '/psd2'));
    const ids = (ex: Exchange) => findings(ex).map((f) => f.check);

    it('finds nothing wrong with a conformant initiation and a conformant error', () => {
      expect(findings(initiation(201, created))).toEqual([]);
      const error = exchange('GET', '/v1/accounts', 400, { tppMessages: [{ category: 'ERROR', code: 'FORMAT_ERROR', path: 'Consent-ID' }] });
      expect(findings(error)).toEqual([]);
    });

    it('response.status-declared: a status the operation does not declare', () => {
      const f = findings(initiation(200, created, {}));
      expect(f.map((x) => x.check)).toContain('response.status-declared');
      expect(f.find((x) => x.check === 'response.status-declared')).toMatchObject({ level: 'MUST', operation: 'initiatePayment', evidence: { status: 200 } });
    });

    it('response.schema: a body that breaks its schema, with the failing field', () => {
      const balances = exchange('GET', '/v1/accounts/a1/balances', 200, { balances: [{ balanceType: 'closingBooked', balanceAmount: { currency: 'EUR', amount: 12.5 } }] });
      const f = findings(balances).filter((x) => x.check === 'response.schema');
      expect(f).toHaveLength(1);
      expect(f[0]!.message).toContain('/balances/0/balanceAmount/amount');
      expect(ids(initiation(201, { ...created, paymentId: undefined }))).toContain('response.schema');
      expect(ids(exchange('GET', '/v1/accounts', 200, '{"accounts": ['))).toContain('response.schema');
    });

    it('response.content-type: JSON served as text/plain', () => {
      expect(ids(exchange('GET', '/v1/consents/c1/status', 200, { consentStatus: 'valid' }, { 'content-type': 'text/plain' }))).toEqual(['response.content-type']);
    });

    it('header.x-request-id-echo: missing or different', () => {
      const ex = exchange('GET', '/v1/consents/c1/status', 200, { consentStatus: 'valid' });
      delete ex.response!.headers['x-request-id'];
      expect(ids(ex)).toEqual(['header.x-request-id-echo']);
      ex.response!.headers['x-request-id'] = '00000000-0000-4000-8000-000000000000';
      expect(findings(ex)[0]!.message).toContain('sent 99391c7e');
      // whitespace around a header value is not part of it: the bank never saw it
      ex.response!.headers['x-request-id'] = ex.request.headers['x-request-id']!;
      ex.request.headers['x-request-id'] = ` ${ex.request.headers['x-request-id']} `;
      expect(ids(ex)).toEqual([]);
      // an empty one is none: nothing to echo
      ex.request.headers['x-request-id'] = '';
      expect(ids(ex)).toEqual([]);
    });

    it('header.location-on-201: a created payment without Location', () => {
      expect(ids(initiation(201, created, { 'aspsp-sca-approach': 'REDIRECT' }))).toEqual(['header.location-on-201']);
      // start-authorisation 201s do not declare Location: not judged
      const started = exchange('POST', '/v1/payments/sepa-credit-transfers/p-1/authorisations', 201, {
        scaStatus: 'received',
        authorisationId: 'a-1',
        _links: { scaRedirect: { href: 'https://bank/sca' }, scaStatus: { href: '/x' } },
      }, { 'aspsp-sca-approach': 'REDIRECT' });
      expect(ids(started)).toEqual([]);
    });

    it('error.tpp-messages: an error body without tppMessages, or with a broken message', () => {
      expect(ids(exchange('GET', '/v1/accounts', 400, { error: 'bad request' }))).toContain('error.tpp-messages');
      expect(ids(exchange('GET', '/v1/accounts', 403, { tppMessages: [{ category: 'FATAL', code: 'CONSENT_UNKNOWN' }] }))).toContain('error.tpp-messages');
      expect(ids(exchange('GET', '/v1/accounts', 401, ''))).toContain('error.tpp-messages');
      const problem = exchange('GET', '/v1/accounts', 400, { type: 'https://berlin-group.org/problems/format-error', code: 'FORMAT_ERROR' }, { 'content-type': 'application/problem+json' });
      expect(ids(problem)).toEqual([]);
    });

    it('links.required: a redirect initiation without scaRedirect, and one without self and status', () => {
      const noRedirect = { ...created, _links: { self: created._links.self, status: created._links.status, scaStatus: created._links.scaStatus } };
      const f = findings(initiation(201, noRedirect)).filter((x) => x.check === 'links.required');
      expect(f).toHaveLength(1);
      expect(f[0]!.message).toContain('scaRedirect');
      const bare = { ...created, _links: { scaRedirect: created._links.scaRedirect, scaStatus: created._links.scaStatus } };
      expect(findings(initiation(201, bare)).filter((x) => x.check === 'links.required').map((x) => x.message.split(' (')[0])).toEqual(['_links lacks self', '_links lacks status']);
      expect(ids(initiation(201, { transactionStatus: 'RJCT', paymentId: 'p-1', _links: {} }))).toEqual([]);
    });

    it('a check that throws becomes an INFO finding, not a crash', () => {
      const broken = { ...CHECKS.find((c) => c.id === 'response.status-declared')!, id: 'test.broken', judge: () => { throw new Error('boom'); } };
      const ex = initiation(201, created);
      expect(judgeExchange(ex, [broken], contextOf(ex, spec, '/psd2'))).toMatchObject([{ check: 'test.broken', level: 'INFO', message: 'the check itself failed: boom' }]);
    });
  });
}
