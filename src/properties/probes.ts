/**
 * The requests the properties vary: each is one the bank must accept as sent. createConsent
 * carries the most request headers of any operation; the transaction list every AIS read
 * parameter. The transaction list needs an approved consent: the fixture obtains one once per
 * suite run, through the profile's redirect SCA.
 */
import { randomUUID } from 'node:crypto';
import { jsonBodyOf } from '../http/exchange.js';
import type { Profile } from '../profile/types.js';
import type { Session } from '../run/session.js';
import { driveRedirectForm } from '../sca/redirect-form.js';
import { linkOf } from '../sca/driver.js';
import { renderString } from '../scenario/template.js';
import type { ProbeRequest } from './model.js';

export interface AisFixture {
  consentId: string;
  accountId: string;
}

export interface ProbeContext {
  profile: Profile;
  session: Session;
  /** The approved consent and one of its accounts, or why there is none. */
  aisFixture(): Promise<AisFixture | string>;
}

export interface Probe {
  id: string;
  /** Why the profile rules this probe out, when it does. */
  notApplicable(profile: Profile): string | undefined;
  base(ctx: ProbeContext): Promise<ProbeRequest | string>;
}

const FAR_VALID_UNTIL = (): string => new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

function consentAccess(profile: Profile): Record<string, unknown> {
  const iban = profile.psu.iban;
  if (!iban) return { accounts: [], balances: [], transactions: [] };
  const ref = [{ iban }];
  return { accounts: ref, balances: ref, transactions: ref };
}

export function consentBody(profile: Profile): Record<string, unknown> {
  return { access: consentAccess(profile), recurringIndicator: true, validUntil: FAR_VALID_UNTIL(), frequencyPerDay: 4, combinedServiceIndicator: false };
}

/** The headers of a consent creation the bank must take: the ones DOMAIN §5.1 makes mandatory, redirect SCA preferred. */
export function consentHeaders(profile: Profile): Record<string, string> {
  return {
    'X-Request-ID': randomUUID(),
    'PSU-IP-Address': profile.psu.ipAddress,
    'PSU-ID': profile.psu.id,
    'TPP-Redirect-Preferred': 'true',
    'TPP-Redirect-URI': profile.tpp.redirectUri,
    ...(profile.tpp.nokRedirectUri ? { 'TPP-Nok-Redirect-URI': profile.tpp.nokRedirectUri } : {}),
    'Content-Type': 'application/json',
  };
}

const consentsOffered = (profile: Profile) => (profile.services.consents ? undefined : 'the profile offers no AIS consents');

export const CREATE_CONSENT: Probe = {
  id: 'createConsent',
  notApplicable: consentsOffered,
  async base({ profile }) {
    return { method: 'POST', path: '/v1/consents', headers: consentHeaders(profile), body: consentBody(profile) };
  },
};

export const TRANSACTION_LIST: Probe = {
  id: 'getTransactionList',
  notApplicable(profile) {
    if (!profile.services.consents || !profile.services.accounts) return 'the profile offers no AIS consents and accounts';
    if (!profile.scaApproaches.includes('redirect') || !profile.sca.redirect) return 'the property suite approves its consent by redirect SCA, which the profile does not describe';
    return undefined;
  },
  async base(ctx) {
    const fixture = await ctx.aisFixture();
    if (typeof fixture === 'string') return fixture;
    return {
      method: 'GET',
      path: `/v1/accounts/${encodeURIComponent(fixture.accountId)}/transactions`,
      // PSU-IP-Address: the PSU is present, so the reads do not count against frequencyPerDay.
      headers: { 'X-Request-ID': randomUUID(), 'Consent-ID': fixture.consentId, 'PSU-IP-Address': ctx.profile.psu.ipAddress, Accept: 'application/json' },
      query: { bookingStatus: 'booked', dateFrom: '2000-01-01' },
    };
  },
};


const origin = { scenario: 'properties', step: 'ais-fixture' };

/** An approved consent on the profile's PSU and one account it covers, through redirect SCA. */
export async function obtainAisFixture(profile: Profile, session: Session): Promise<AisFixture | string> {
  const base = session.baseUrl;
  const created = await session.send({ method: 'POST', url: `${base}/v1/consents`, headers: consentHeaders(profile), body: JSON.stringify(consentBody(profile)), origin });
  const res = created.exchange.response;
  const body = jsonBodyOf(res?.body) as { consentId?: string } | undefined;
  if (res?.status !== 201 || !body?.consentId) return `the consent for the AIS properties was not created (answered ${res?.status ?? created.exchange.error?.message})`;
  const link = linkOf(body, 'scaRedirect');
  if (!link) return 'the consent for the AIS properties has no scaRedirect link';
  const vars = { psu: profile.psu, tpp: profile.tpp };
  const fields = Object.fromEntries(Object.entries(profile.sca.redirect?.fields ?? {}).map(([k, v]) => [k, renderString(v, { vars, fixture: () => undefined })]));
  const sca = await driveRedirectForm(session, {
    link: new URL(link, `${base}/`).toString(),
    outcome: 'approve',
    fields,
    ...(profile.sca.redirect ? { form: profile.sca.redirect } : {}),
    redirectUri: profile.tpp.redirectUri,
    ...(profile.tpp.nokRedirectUri ? { nokRedirectUri: profile.tpp.nokRedirectUri } : {}),
    origin: { ...origin, cell: '' },
  });
  if (!sca.ok) return `the consent for the AIS properties was not approved: ${sca.message}`;
  const accounts = await session.send({
    method: 'GET',
    url: `${base}/v1/accounts`,
    headers: { 'X-Request-ID': randomUUID(), 'Consent-ID': body.consentId, 'PSU-IP-Address': profile.psu.ipAddress },
    origin,
  });
  const list = (jsonBodyOf(accounts.exchange.response?.body) as { accounts?: Array<{ resourceId?: string; iban?: string }> } | undefined)?.accounts ?? [];
  const account = list.find((a) => profile.psu.iban !== undefined && a.iban === profile.psu.iban) ?? list.find((a) => a.resourceId);
  if (!account?.resourceId) return `the account list of the approved consent names no account (answered ${accounts.exchange.response?.status ?? accounts.exchange.error?.message})`;
  return { consentId: body.consentId, accountId: account.resourceId };
}

/** A SEPA credit transfer from the profile's PSU account (for the role properties: refused before the body is read). */
export const INITIATE_PAYMENT: Probe = {
  id: 'initiatePayment',
  notApplicable: (profile) => (profile.services.payments?.length ? undefined : 'the profile offers no payments'),
  async base({ profile }) {
    const product = profile.services.payments!.includes('sepa-credit-transfers') ? 'sepa-credit-transfers' : profile.services.payments![0]!;
    const headers = { ...consentHeaders(profile) };
    return {
      method: 'POST',
      path: `/v1/payments/${product}`,
      headers,
      body: {
        instructedAmount: { currency: 'EUR', amount: '1.00' },
        debtorAccount: { iban: profile.psu.iban ?? 'DE02100100109307118603' },
        creditorName: 'Property Creditor',
        creditorAccount: { iban: 'DE02100100109307118603' },
        remittanceInformationUnstructured: 'property suite',
      },
    };
  },
};

/** A confirmation-of-funds consent (PIIS). */
export const CREATE_FUNDS_CONSENT: Probe = {
  id: 'createFundsConsent',
  notApplicable: (profile) => (profile.services['funds-confirmations'] ? undefined : 'the profile offers no funds confirmations'),
  async base({ profile }) {
    return {
      method: 'POST',
      path: '/v1/consents/confirmation-of-funds',
      headers: consentHeaders(profile),
      body: { account: { iban: profile.psu.iban ?? 'DE02100100109307118603' } },
    };
  },
};

export const PROBES: Readonly<Record<string, Probe>> = {
  createConsent: CREATE_CONSENT,
  getTransactionList: TRANSACTION_LIST,
  initiatePayment: INITIATE_PAYMENT,
  createFundsConsent: CREATE_FUNDS_CONSENT,
};
