import { beforeAll, describe, expect, it } from 'vitest';
import { bundled } from '../../src/paths.js';
import { loadSpec } from '../../src/spec/index.js';
import type { Spec } from '../../src/spec/types.js';
import { exchange, judgeInOrder } from './exchanges.js';

const EUR = 'DE09123456780123456701';
const USD = 'DE79123456780123456702';
const href = (p: string) => ({ href: `https://bank.example/psd2${p}` });

function createConsent(access: unknown) {
  return exchange({
    method: 'POST',
    path: '/v1/consents',
    requestBody: { access, recurringIndicator: true, validUntil: '2030-01-01', frequencyPerDay: 4 },
    status: 201,
    headers: { location: '/v1/consents/c-1', 'aspsp-sca-approach': 'REDIRECT' },
    body: { consentStatus: 'received', consentId: 'c-1', _links: { scaRedirect: href('/sca/1'), self: href('/v1/consents/c-1'), status: href('/v1/consents/c-1/status'), scaStatus: href('/v1/consents/c-1/authorisations/1') } },
  });
}

describe('links.required on the operations beyond initiation', () => {
  let spec: Spec;
  beforeAll(async () => {
    spec = await loadSpec(bundled.spec());
  });
  const judge = (...exchanges: ReturnType<typeof exchange>[]) => judgeInOrder(spec, exchanges, 'links.required').map((fs) => fs.map((f) => f.message.split(' (')[0]));

  it('a cancellation 202 names where to start its authorisation', () => {
    const cancel = (links: unknown) => exchange({ method: 'DELETE', path: '/v1/periodic-payments/sepa-credit-transfers/p1', status: 202, body: { transactionStatus: 'ACSP', _links: links } });
    expect(judge(cancel({ startAuthorisation: href('/v1/periodic-payments/sepa-credit-transfers/p1/cancellation-authorisations') })).flat()).toEqual([]);
    expect(judge(cancel({}))[0]).toEqual([
      '_links lacks one of startAuthorisation, startAuthorisationWithPsuIdentification, startAuthorisationWithPsuAuthentication, startAuthorisationWithEncryptedPsuAuthentication, startAuthorisationWithAuthenticationMethodSelection, startAuthorisationWithTransactionAuthorisation',
    ]);
    // 204: nothing to start
    expect(judge(exchange({ method: 'DELETE', path: '/v1/payments/sepa-credit-transfers/p1', status: 204 })).flat()).toEqual([]);
  });

  it('a signing basket, a confirmation-of-funds consent and their authorisations carry the links of their flow', () => {
    const basket = (links: Record<string, unknown>) =>
      exchange({ method: 'POST', path: '/v1/signing-baskets', requestBody: { paymentIds: ['p1'] }, status: 201, headers: { location: '/v1/signing-baskets/b1', 'aspsp-sca-approach': 'REDIRECT' }, body: { transactionStatus: 'RCVD', basketId: 'b1', _links: links } });
    expect(judge(basket({ self: href('/b1'), status: href('/b1/status'), startAuthorisation: href('/b1/authorisations') })).flat()).toEqual([]);
    expect(judge(basket({ self: href('/b1'), status: href('/b1/status') }))[0]![0]).toContain('_links lacks one of scaRedirect, scaOAuth, startAuthorisation');
    const funds = exchange({ method: 'POST', path: '/v2/consents/confirmation-of-funds', requestBody: { account: { iban: EUR } }, status: 201, headers: { location: '/v2/consents/confirmation-of-funds/f1', 'aspsp-sca-approach': 'REDIRECT' }, body: { consentStatus: 'received', consentId: 'f1', _links: { scaRedirect: href('/sca/2'), scaStatus: href('/x') } } });
    expect(judge(funds)[0]).toEqual(['_links lacks self', '_links lacks status']);
    const start = exchange({ method: 'POST', path: '/v2/consents/confirmation-of-funds/f1/authorisations', status: 201, headers: { 'aspsp-sca-approach': 'REDIRECT' }, body: { scaStatus: 'received', authorisationId: 'a1', _links: { scaStatus: href('/x') } } });
    expect(judge(start)[0]).toEqual(['_links lacks one of scaRedirect, scaOAuth']);
  });

  it('accounts link the balances and transactions their consent grants', () => {
    const list = (links: Array<Record<string, unknown> | undefined>) =>
      exchange({
        path: '/v1/accounts',
        requestHeaders: { 'consent-id': 'c-1' },
        body: { accounts: [EUR, USD].map((iban, i) => ({ resourceId: `a${i}`, iban, currency: 'EUR', ...(links[i] ? { _links: links[i] } : {}) })) },
      });
    const dedicated = { accounts: [{ iban: USD }], balances: [{ iban: EUR }], transactions: [{ iban: EUR }] };
    expect(judge(createConsent(dedicated), list([{ balances: href('/b'), transactions: href('/t') }, undefined])).flat()).toEqual([]);
    expect(judge(createConsent(dedicated), list([{ balances: href('/b') }, undefined]))[1]).toEqual(['accounts.0._links lacks transactions']);
    expect(judge(createConsent({ allPsd2: 'allAccounts' }), list([{ balances: href('/b'), transactions: href('/t') }, { balances: href('/b') }]))[1]).toEqual(['accounts.1._links lacks transactions']);
    // the account list only: no links needed; an unknown consent: not judged
    expect(judge(createConsent({ availableAccounts: 'allAccounts' }), list([undefined, undefined])).flat()).toEqual([]);
    expect(judge(list([undefined, undefined])).flat()).toEqual([]);
    const details = exchange({ path: '/v1/accounts/a0', requestHeaders: { 'consent-id': 'c-1' }, body: { account: { resourceId: 'a0', iban: EUR, currency: 'EUR' } } });
    expect(judge(createConsent(dedicated), details)[1]).toEqual(['account._links lacks balances', 'account._links lacks transactions']);
  });
});
