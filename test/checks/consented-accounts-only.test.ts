import { beforeAll, describe, expect, it } from 'vitest';
import { bundled } from '../../src/paths.js';
import { loadSpec } from '../../src/spec/index.js';
import type { Spec } from '../../src/spec/types.js';
import { exchange, judgeInOrder } from './exchanges.js';

const EUR = 'DE09123456780123456701';
const USD = 'DE79123456780123456702';
const consentId = 'c-1';
const amount = { currency: 'EUR', amount: '10.00' };
const balances = [{ balanceType: 'closingBooked', balanceAmount: amount }];

function createConsent(access: unknown) {
  return exchange({
    method: 'POST',
    path: '/v1/consents',
    requestBody: { access, recurringIndicator: true, validUntil: '2030-01-01', frequencyPerDay: 4, combinedServiceIndicator: false },
    status: 201,
    headers: { location: `/v1/consents/${consentId}`, 'aspsp-sca-approach': 'REDIRECT' },
    body: { consentStatus: 'received', consentId, _links: { scaRedirect: { href: 'https://bank/sca' }, self: { href: '/x' }, status: { href: '/x' }, scaStatus: { href: '/x' } } },
  });
}
const ais = (path: string, body: unknown) => exchange({ path, requestHeaders: { 'consent-id': consentId }, body });
const list = (...ibans: string[]) => ({ accounts: ibans.map((iban, i) => ({ resourceId: `a${i}`, iban, currency: i ? 'USD' : 'EUR' })) });

describe('ais.consented-accounts-only', () => {
  let spec: Spec;
  beforeAll(async () => {
    spec = await loadSpec(bundled.spec());
  });
  const judge = (...exchanges: ReturnType<typeof exchange>[]) => judgeInOrder(spec, exchanges, 'ais.consented-accounts-only');

  it('passes what a dedicated consent grants', () => {
    const found = judge(
      createConsent({ accounts: [{ iban: EUR }, { iban: USD }], balances: [{ iban: EUR }], transactions: [{ iban: EUR }] }),
      ais('/v1/accounts', list(EUR, USD)),
      ais('/v1/accounts/a0/balances', { account: { iban: EUR }, balances }),
      ais('/v1/accounts/a0/transactions?bookingStatus=booked&dateFrom=2026-01-01', { account: { iban: EUR }, transactions: { booked: [], _links: { account: { href: '/x' } } } }),
    );
    expect(found.flat()).toEqual([]);
  });

  it('finds an account listed that the consent does not name', () => {
    const [, found] = judge(createConsent({ accounts: [{ iban: EUR }] }), ais('/v1/accounts', list(EUR, USD)));
    expect(found).toHaveLength(1);
    expect(found![0]).toMatchObject({ level: 'MUST', operation: 'getAccountList', evidence: { consentId, account: { iban: USD } } });
    expect(found![0]!.message).toBe(`account ${USD} (USD) returned, but consent c-1 grants access only for ${EUR}`);
  });

  it('finds balances of an account the consent grants no balances for, knowing the account from an earlier list', () => {
    const found = judge(
      createConsent({ accounts: [{ iban: EUR }, { iban: USD }], balances: [{ iban: EUR }] }),
      ais('/v1/accounts', list(EUR, USD)),
      ais('/v1/accounts/a1/balances', { balances }), // no account in the body: known from the list
    );
    expect(found[2]).toHaveLength(1);
    expect(found[2]![0]!.message).toContain(`balances of ${USD}`);
    expect(found[2]![0]!.message).toContain(`grants balances only for ${EUR}`);
  });

  it('finds transactions, and balances inside a report or a list, the consent does not grant', () => {
    const found = judge(
      createConsent({ accounts: [{ iban: EUR }], transactions: [{ iban: USD }] }),
      ais('/v1/accounts/a0/transactions?bookingStatus=booked&dateFrom=2026-01-01', { account: { iban: EUR }, transactions: { booked: [], _links: { account: { href: '/x' } } }, balances }),
      ais('/v1/accounts?withBalance=true', { accounts: [{ resourceId: 'a0', iban: EUR, currency: 'EUR', balances }] }),
    );
    expect(found[1]!.map((f) => f.message.split(' returned')[0])).toEqual([`transactions of ${EUR}`, `balances of ${EUR}`]);
    expect(found[2]!.map((f) => f.message.split(' returned')[0])).toEqual([`balances of ${EUR} (EUR)`]);
  });

  it('learns what a bank-offered consent became from GET consent; judges nothing for global or unknown consents', () => {
    const bankOffered = judge(
      createConsent({ accounts: [], balances: [], transactions: [] }),
      ais('/v1/accounts', list(EUR, USD)), // not yet known: not judged
      exchange({ path: `/v1/consents/${consentId}`, body: { access: { accounts: [{ iban: EUR }] }, recurringIndicator: true, validUntil: '2030-01-01', frequencyPerDay: 4, lastActionDate: '2026-01-01', consentStatus: 'valid' } }),
      ais('/v1/accounts', list(EUR, USD)),
    );
    expect(bankOffered[1]).toEqual([]);
    expect(bankOffered[3]).toHaveLength(1);
    expect(judge(createConsent({ allPsd2: 'allAccounts' }), ais('/v1/accounts', list(EUR, USD))).flat()).toEqual([]);
    expect(judge(ais('/v1/accounts', list(EUR, USD))).flat()).toEqual([]);
  });
});
