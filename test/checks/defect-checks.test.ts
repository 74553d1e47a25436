import { beforeAll, describe, expect, it } from 'vitest';
import { bundled } from '../../src/paths.js';
import { loadSpec } from '../../src/spec/index.js';
import type { Spec } from '../../src/spec/types.js';
import { exchange, judgeInOrder, type Sent } from './exchanges.js';

const href = (p: string) => ({ href: `https://bank.example/psd2${p}` });

/** The checks added for the reference bank's defects, each on the mistake it names and on correct answers. */
describe('checks that catch the defects of the reference bank', () => {
  let spec: Spec;
  beforeAll(async () => {
    spec = await loadSpec(bundled.spec());
  });
  const judge = (check: string, ...sent: Sent[]) => judgeInOrder(spec, sent.map(exchange), check).map((fs) => fs.map((f) => f.message));

  it('response.server-error fails a 5xx (server-error-on-malformed-body, unknown-payment-500, second-consent-deletion-500)', () => {
    const bad = { method: 'POST', path: '/v1/payments/sepa-credit-transfers', requestBody: 'x' };
    expect(judge('response.server-error', { ...bad, status: 500, body: '' })[0]).toHaveLength(1);
    expect(judge('response.server-error', { method: 'DELETE', path: '/v1/consents/c-1', status: 503, body: '' })[0]).toHaveLength(1);
    expect(judge('response.server-error', { ...bad, status: 400, body: { tppMessages: [{ category: 'ERROR', code: 'FORMAT_ERROR' }] } })[0]).toEqual([]);
  });

  it('error.code-status fails a code on a status the catalogue does not give it (consent-unknown-404, consent-unknown-as-resource-unknown)', () => {
    const accounts = (status: number, code: string) => ({ path: '/v1/accounts', requestHeaders: { 'consent-id': 'nope' }, status, body: { tppMessages: [{ category: 'ERROR', code }] } });
    expect(judge('error.code-status', accounts(404, 'CONSENT_UNKNOWN'))[0]).toEqual(['CONSENT_UNKNOWN is answered with 404; the catalogue gives it 400 or 403']);
    expect(judge('error.code-status', accounts(403, 'RESOURCE_UNKNOWN'))[0]![0]).toMatch(/^RESOURCE_UNKNOWN \(403\) on getAccountList, whose path names no resource/);
    expect(judge('error.code-status', accounts(403, 'CONSENT_UNKNOWN'))[0]).toEqual([]);
    // RESOURCE_UNKNOWN where the path names a resource; an RFC 7807 body; a code outside the catalogue (accepted, DOMAIN §9 #17)
    expect(judge('error.code-status', { path: '/v1/payments/sepa-credit-transfers/p-1', status: 404, body: { tppMessages: [{ category: 'ERROR', code: 'RESOURCE_UNKNOWN' }] } })[0]).toEqual([]);
    expect(judge('error.code-status', { path: '/v1/accounts/a-1', status: 401, contentType: 'application/problem+json', body: { type: 'https://x/t', code: 'CONSENT_EXPIRED' } })[0]).toEqual([]);
    expect(judge('error.code-status', accounts(403, 'BANK_SPECIFIC'))[0]).toEqual([]);
  });

  it('links.target fails links to another resource (balances-link-of-another-account, transaction-details-link-wrong, consent-status-link-of-another-consent)', () => {
    const account = (balances: string) => ({ path: '/v1/accounts', requestHeaders: { 'consent-id': 'c-1' }, body: { accounts: [{ resourceId: 'a-1', iban: 'DE09123456780123456701', currency: 'EUR', _links: { balances: href(balances), transactions: href('/v1/accounts/a-1/transactions') } }] } });
    expect(judge('links.target', account('/v1/accounts/a-2/balances'))[0]).toEqual(['accounts[0]._links.balances (https://bank.example/psd2/v1/accounts/a-2/balances) does not lead to account a-1']);
    expect(judge('links.target', account('/v1/accounts/a-1/balances'))[0]).toEqual([]);
    const report = (details: string) => ({
      path: '/v1/accounts/a-1/transactions?bookingStatus=booked&dateFrom=2026-01-01',
      requestHeaders: { 'consent-id': 'c-1' },
      body: { account: { iban: 'DE09123456780123456701' }, transactions: { booked: [{ transactionId: 'tx-2', transactionAmount: { currency: 'EUR', amount: '1.00' }, _links: { transactionDetails: href(details) } }], _links: { account: href('/v1/accounts/a-1') } } },
    });
    expect(judge('links.target', report('/v1/accounts/a-1/transactions/tx-1'))[0]).toHaveLength(1);
    expect(judge('links.target', report('/v1/accounts/a-1/transactions/tx-2'))[0]).toEqual([]);
    const consent = (status: string) => ({
      method: 'POST', path: '/v1/consents', requestBody: {}, status: 201, headers: { location: '/v1/consents/c-1', 'aspsp-sca-approach': 'REDIRECT' },
      body: { consentStatus: 'received', consentId: 'c-1', _links: { scaRedirect: href('/sca/1'), self: href('/v1/consents/c-1'), status: href(status) } },
    });
    expect(judge('links.target', consent('/v1/consents/c-9/status'))[0]).toHaveLength(1);
    // the official examples' broken templates (DOMAIN §9 #21) still name the id
    expect(judge('links.target', consent('/v1/consentsc-1/status'))[0]).toEqual([]);
  });

  it('header.location-on-201 fails a Location of another resource (location-of-another-consent)', () => {
    const created = (location: string) => ({
      method: 'POST', path: '/v1/consents', requestBody: {}, status: 201, headers: { location, 'aspsp-sca-approach': 'REDIRECT' },
      body: { consentStatus: 'received', consentId: 'c-1', _links: { scaRedirect: href('/sca/1') } },
    });
    expect(judge('header.location-on-201', created('https://bank.example/psd2/v1/consents/c-7'))[0]).toEqual(['Location https://bank.example/psd2/v1/consents/c-7 does not lead to the created resource c-1']);
    expect(judge('header.location-on-201', created('/psd2/v1/consents/c-1'))[0]).toEqual([]);
  });

  it('ais.transactions-in-period fails booked entries outside dateFrom/dateTo (transactions-outside-period)', () => {
    const report = (query: string, dates: string[]) => ({
      path: `/v1/accounts/a-1/transactions?bookingStatus=booked&${query}`,
      requestHeaders: { 'consent-id': 'c-1' },
      body: { transactions: { booked: dates.map((d, i) => ({ transactionId: `t${i}`, bookingDate: d, transactionAmount: { currency: 'EUR', amount: '1.00' } })), _links: { account: href('/v1/accounts/a-1') } } },
    });
    expect(judge('ais.transactions-in-period', report('dateFrom=2026-02-01', ['2026-01-31', '2026-02-01']))[0]).toEqual(['booked[0] was booked on 2026-01-31, outside the period asked for (2026-02-01 to today)']);
    expect(judge('ais.transactions-in-period', report('dateFrom=2026-02-01&dateTo=2026-02-10', ['2026-02-11']))[0]).toHaveLength(1);
    expect(judge('ais.transactions-in-period', report('dateFrom=2026-02-01&dateTo=2026-02-10', ['2026-02-01', '2026-02-10']))[0]).toEqual([]);
    // delta access may ignore the dates
    expect(judge('ais.transactions-in-period', report('dateFrom=2026-02-01&entryReferenceFrom=t0', ['2026-01-01']))[0]).toEqual([]);
  });
});
