/**
 * The properties the bank must hold, over every request header and AIS read parameter the
 * standard defines (DOMAIN §5.1, §7): valid variants accepted; invalid ones refused with 400
 * FORMAT_ERROR (or the named code) and a tppMessage naming the field; rules between fields;
 * and, where the profile signs or presents certificates, signing and role enforcement.
 * No answer is a 5xx and every answer echoes X-Request-ID (judge.ts, for every case).
 */
import fc from 'fast-check';
import type { DigestAlgorithm } from '../http/signing.js';
import type { Profile } from '../profile/types.js';
import { CERTIFICATE_ROLES, CROSS_FIELD, INVALID_REJECTED, SIGNATURE_VERIFIED } from './checks.js';
import type { FormedArbitrary } from './arbitraries/forms.js';
import { form, forms } from './arbitraries/forms.js';
import * as H from './arbitraries/headers.js';
import * as Q from './arbitraries/query.js';
import type { Expectation, Property, PropertyCase } from './model.js';
import { describePresentation, presentation, spell } from './presentation.js';

const ACCEPTED: Expectation = { kind: 'accepted' };
const ANY: Expectation = { kind: 'any' };
const refused = (field: string, codes = ['FORMAT_ERROR'], status = [400]): Expectation => ({ kind: 'refused', check: INVALID_REJECTED.id, status, codes, field });

/** What the suite knows beside the profile: whether it signs, and the clients with other certificates. */
export interface PropertyEnvironment {
  profile: Profile;
  /** The client signs its requests (the profile's `signing`). */
  signing: boolean;
  /** Clients presenting certificates that lack roles, by name, with the roles they hold. */
  roleClients: Record<string, string[]>;
}

function headerCase(name: string, value: string | null, formName: string, expect: Expectation, extra: Partial<PropertyCase> = {}): PropertyCase {
  return { label: `${name} = ${value === null ? '(absent)' : JSON.stringify(value)} (${formName})`, headers: { [name]: value }, expect, ...extra };
}

/** Valid values, with their name spelt in any case and white space around them: all accepted. */
function validHeader(probe: string, domain: H.HeaderDomain, rule: string): Property {
  return {
    name: `header.${domain.name.toLowerCase()}.valid`,
    probe,
    rule,
    cases: fc.tuple(domain.valid, presentation).map(([v, p]) => ({
      label: `${domain.name} = ${JSON.stringify(v.value)} (${v.form})${describePresentation(p)}`,
      headers: { [spell(domain.name, p.nameCase)]: `${p.padding}${v.value}${p.padding}` },
      expect: ACCEPTED,
    })),
  };
}

function invalidHeader(probe: string, domain: H.HeaderDomain, rule: string, extra: FormedArbitrary[] = []): Property {
  const arb = extra.length ? forms(domain.invalid!, ...extra) : domain.invalid!;
  return {
    name: `header.${domain.name.toLowerCase()}.invalid`,
    probe,
    rule,
    cases: arb.map((v) => headerCase(domain.name, v.form === 'absent' ? null : v.value, v.form, refused(domain.name))),
  };
}

function oddHeader(probe: string, domain: H.HeaderDomain, rule: string): Property {
  return { name: `header.${domain.name.toLowerCase()}.odd`, probe, rule, cases: domain.odd!.map((v) => headerCase(domain.name, v.value, v.form, ANY)) };
}

function queryCase(name: string, value: string | null, formName: string, expect: Expectation): PropertyCase {
  return { label: `?${name}=${value === null ? '(absent)' : JSON.stringify(value)} (${formName})`, query: { [name]: value }, expect };
}

function validQuery(domain: Q.ParameterDomain, rule: string): Property {
  return {
    name: `query.${domain.name}.valid`,
    probe: 'getTransactionList',
    rule,
    cases: domain.valid.map((v) => queryCase(domain.name, v.value, v.form, { kind: 'accepted', ...(domain.optionalFeature ? { optional: domain.optionalFeature } : {}) })),
  };
}

function invalidQuery(domain: Q.ParameterDomain, rule: string): Property {
  return {
    name: `query.${domain.name}.invalid`,
    probe: 'getTransactionList',
    rule,
    cases: domain.invalid!.map((v) => queryCase(domain.name, v.value, v.form, refused(domain.name, ['FORMAT_ERROR', ...(domain.invalidCodes ?? [])]))),
  };
}

const MISSING = form('absent', fc.constant(''));
const BLANK = form('blank', fc.constantFrom('', ' ', '   '));
const H51 = 'DOMAIN §5.1 (request headers)';
const H41 = 'DOMAIN §4.1 (SCA steering headers)';
const Q7 = 'DOMAIN §7 (AIS read parameters)';

function headerProperties(env: PropertyEnvironment): Property[] {
  const c = 'createConsent';
  const psuId = H.PSU_ID(env.profile.psu.id);
  const preferred = ['TPP-Redirect-Preferred', 'TPP-Decoupled-Preferred', 'TPP-Explicit-Authorisation-Preferred', 'TPP-Rejection-NoFunds-Preferred'].map((n) => H.booleanHeader(n));
  return [
    validHeader(c, H.X_REQUEST_ID, H51),
    invalidHeader(c, H.X_REQUEST_ID, H51, [MISSING, BLANK]),
    validHeader(c, H.PSU_IP_ADDRESS, `${H51}; DOMAIN §9 #20 (IPv6 is legitimate)`),
    invalidHeader(c, H.PSU_IP_ADDRESS, `${H51} (PSU-IP-Address mandatory on createConsent)`, [MISSING, BLANK]),
    validHeader(c, H.PSU_IP_PORT, H51),
    oddHeader(c, H.PSU_IP_PORT, H51),
    validHeader(c, H.PSU_GEO_LOCATION, H51),
    invalidHeader(c, H.PSU_GEO_LOCATION, H51),
    validHeader(c, H.PSU_DEVICE_ID, H51),
    invalidHeader(c, H.PSU_DEVICE_ID, H51),
    validHeader(c, psuId, H51),
    oddHeader(c, psuId, H51),
    validHeader(c, H.PSU_ID_TYPE, H51),
    oddHeader(c, H.PSU_ID_TYPE, H51),
    validHeader(c, H.PSU_CORPORATE_ID, H51),
    oddHeader(c, H.PSU_CORPORATE_ID, H51),
    oddHeader(c, H.PSU_USER_AGENT, H51),
    {
      name: 'header.tpp-preferred.valid',
      probe: c,
      rule: H41,
      cases: fc.tuple(...preferred.map((d) => fc.option(d.valid, { nil: undefined }))).map((values) => {
        const headers: Record<string, string> = {};
        values.forEach((v, i) => v && (headers[preferred[i]!.name] = v.value));
        return { label: Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join(', ') || 'no preference header', headers: { 'TPP-Redirect-Preferred': null, ...headers }, expect: ACCEPTED };
      }),
    },
    {
      name: 'header.tpp-preferred.invalid',
      probe: c,
      rule: `${H41}; DOMAIN §9 #31`,
      cases: fc.tuple(fc.constantFrom(...preferred), preferred[0]!.invalid!).map(([d, v]) => headerCase(d.name, v.value, v.form, refused(d.name))),
    },
    {
      name: 'header.tpp-preferred.odd',
      probe: c,
      rule: H41,
      cases: fc.tuple(fc.constantFrom(...preferred), preferred[0]!.odd!).map(([d, v]) => headerCase(d.name, v.value, v.form, ANY)),
    },
    validHeader(c, H.TPP_REDIRECT_URI, H41),
    invalidHeader(c, H.TPP_REDIRECT_URI, H41),
    oddHeader(c, H.TPP_REDIRECT_URI, H41),
    validHeader(c, H.TPP_NOK_REDIRECT_URI, H41),
    invalidHeader(c, H.TPP_NOK_REDIRECT_URI, H41),
    {
      name: 'header.duplicates',
      probe: c,
      rule: `${H51}; RFC 9110 §5.3 (a header that is not a list is sent once)`,
      cases: fc.oneof(
        fc.tuple(fc.uuid(), fc.uuid()).filter(([a, b]) => a !== b).map(([a, b]) => ({ label: `X-Request-ID sent twice: ${a}, ${b}`, headers: { 'X-Request-ID': a, 'x-request-id': b }, expect: refused('X-Request-ID') })),
        fc.tuple(H.IPV4, H.IPV4).filter(([a, b]) => a !== b).map(([a, b]) => ({ label: `PSU-IP-Address sent twice: ${a}, ${b}`, headers: { 'PSU-IP-Address': a, 'psu-ip-address': b }, expect: refused('PSU-IP-Address') })),
      ),
    },
    {
      name: 'header.consent-id.invalid',
      probe: 'getTransactionList',
      rule: `${H51}; DOMAIN §6 (CONSENT_UNKNOWN)`,
      cases: fc.oneof(
        fc.uuid().map((id) => headerCase('Consent-ID', id, 'unknown consent', { kind: 'refused', check: INVALID_REJECTED.id, status: [403, 400], codes: ['CONSENT_UNKNOWN'] })),
        fc.constantFrom<[string | null, string]>([null, 'absent'], ['', 'blank'], [' ', 'blank']).map(([v, f]) => headerCase('Consent-ID', v, f, refused('Consent-ID'))),
      ),
    },
  ];
}

function queryProperties(): Property[] {
  return [
    validQuery(Q.BOOKING_STATUS, Q7),
    invalidQuery(Q.BOOKING_STATUS, Q7),
    validQuery(Q.DATE_FROM, Q7),
    invalidQuery(Q.DATE_FROM, Q7),
    validQuery(Q.DATE_TO, Q7),
    invalidQuery(Q.DATE_TO, Q7),
    validQuery(Q.WITH_BALANCE, Q7),
    invalidQuery(Q.WITH_BALANCE, Q7),
    validQuery(Q.DELTA_LIST, Q7),
    invalidQuery(Q.DELTA_LIST, Q7),
    { name: 'query.entryReferenceFrom.odd', probe: 'getTransactionList', rule: Q7, cases: forms(Q.ENTRY_REFERENCE_FROM.valid, Q.ENTRY_REFERENCE_FROM.odd!).map((v) => queryCase('entryReferenceFrom', v.value, v.form, ANY)) },
  ];
}

const crossField = (codes: string[], field?: string): Expectation => ({ kind: 'refused', check: CROSS_FIELD.id, status: [400], codes, ...(field ? { field } : {}) });

function crossFieldProperties(): Property[] {
  return [
    {
      name: 'cross.redirect-uri-required',
      probe: 'createConsent',
      rule: 'DOMAIN §4.1: TPP-Redirect-URI is required when TPP-Redirect-Preferred is true',
      cases: fc.tuple(H.PSU_IP_ADDRESS.valid, fc.boolean()).map(([ip, withNok]) => ({
        label: `TPP-Redirect-Preferred: true without TPP-Redirect-URI (PSU-IP-Address ${ip.value}${withNok ? '' : ', no TPP-Nok-Redirect-URI'})`,
        headers: { 'TPP-Redirect-Preferred': 'true', 'TPP-Redirect-URI': null, 'PSU-IP-Address': ip.value, ...(withNok ? {} : { 'TPP-Nok-Redirect-URI': null }) },
        expect: crossField(['FORMAT_ERROR'], 'TPP-Redirect-URI'),
      })),
    },
    {
      name: 'cross.one-off-consent-frequency',
      probe: 'createConsent',
      rule: 'DOMAIN §7 (consent request): a one-off consent (recurringIndicator false) has frequencyPerDay 1',
      cases: fc.integer({ min: 2, max: 100 }).map((f) => ({
        label: `recurringIndicator false with frequencyPerDay ${f}`,
        body: { recurringIndicator: false, frequencyPerDay: f },
        expect: crossField(['FORMAT_ERROR', 'PARAMETER_NOT_CONSISTENT'], 'frequencyPerDay'),
      })),
    },
    {
      name: 'cross.period-order',
      probe: 'getTransactionList',
      rule: 'DOMAIN §6, §7: dateFrom does not lie after dateTo (PERIOD_INVALID; adorsys: FORMAT_ERROR)',
      cases: fc.tuple(Q.isoDate(0, 7300), fc.integer({ min: 1, max: 3000 })).map(([to, gap]) => {
        const from = new Date(Date.parse(to) + gap * 86_400_000).toISOString().slice(0, 10);
        return { label: `dateFrom ${from} after dateTo ${to}`, query: { dateFrom: from, dateTo: to }, expect: crossField(['PERIOD_INVALID', 'FORMAT_ERROR']) };
      }),
    },
    {
      name: 'cross.delta-list-with-entry-reference',
      probe: 'getTransactionList',
      rule: 'DOMAIN §7: deltaList is not combined with entryReferenceFrom',
      cases: Q.ENTRY_REFERENCE_FROM.valid.map((v) => ({
        label: `deltaList=true with entryReferenceFrom=${JSON.stringify(v.value)}`,
        query: { deltaList: 'true', entryReferenceFrom: v.value },
        expect: crossField(['FORMAT_ERROR', 'PARAMETER_NOT_SUPPORTED']),
      })),
    },
  ];
}

const SIGNING_RULE = 'DOMAIN §5.1 (Digest, Signature, TPP-Signature-Certificate), §6 (401 codes)';
const signatureRefused = (code: string, field?: string): Expectation => ({ kind: 'refused', check: SIGNATURE_VERIFIED.id, status: [401], codes: [code], ...(field ? { field } : {}) });

/** Flip one base64 character of a signature: it no longer verifies. */
function tamper(signatureHeader: string, at: number): string {
  return signatureHeader.replace(/signature="([^"]+)"/, (_m, sig: string) => {
    const i = at % sig.replace(/=+$/, '').length;
    const c = sig[i] === 'A' ? 'B' : 'A';
    return `signature="${sig.slice(0, i)}${c}${sig.slice(i + 1)}"`;
  });
}

function signingProperties(): Property[] {
  const c = 'createConsent';
  return [
    {
      name: 'signing.digest-algorithms',
      probe: c,
      maxRuns: 4,
      rule: SIGNING_RULE,
      cases: fc.constantFrom<DigestAlgorithm>('SHA-256', 'SHA-512').map((alg) => ({ label: `signed with a ${alg} Digest`, digest: alg, expect: ACCEPTED })),
    },
    {
      name: 'signing.signature-missing',
      probe: c,
      rule: SIGNING_RULE,
      cases: fc.boolean().map((withCert) => ({
        label: `no Signature and no Digest${withCert ? ', TPP-Signature-Certificate sent' : ''}`,
        signed: () => ({ Signature: null, Digest: null, ...(withCert ? {} : { 'TPP-Signature-Certificate': null }) }),
        expect: signatureRefused('SIGNATURE_MISSING'),
      })),
    },
    {
      name: 'signing.digest-mismatch',
      probe: c,
      rule: SIGNING_RULE,
      cases: fc.integer({ min: 1, max: 4 }).map((f) => ({
        label: `body changed after signing (frequencyPerDay ${f}): the Digest no longer matches it`,
        signed: () => ({}),
        bodyAfterSigning: { frequencyPerDay: f === 4 ? 3 : f },
        expect: signatureRefused('SIGNATURE_INVALID'),
      })),
    },
    {
      name: 'signing.signature-tampered',
      probe: c,
      rule: SIGNING_RULE,
      cases: fc.oneof(
        fc.nat(300).map((at) => ({ label: `signature value altered at character ${at}`, signed: (s: { headers: Record<string, string> }) => ({ Signature: tamper(s.headers['Signature']!, at) }), expect: signatureRefused('SIGNATURE_INVALID') })),
        fc.uuid().map((id) => ({ label: `X-Request-ID replaced after signing by ${id}`, signed: () => ({ 'X-Request-ID': id }), expect: signatureRefused('SIGNATURE_INVALID') })),
      ),
    },
    {
      name: 'signing.certificate-missing',
      probe: c,
      maxRuns: 1,
      rule: SIGNING_RULE,
      cases: fc.constant({ label: 'Signature and Digest without TPP-Signature-Certificate', signed: () => ({ 'TPP-Signature-Certificate': null }), expect: signatureRefused('CERTIFICATE_MISSING') }),
    },
    {
      name: 'cross.digest-with-signature',
      probe: c,
      maxRuns: 4,
      rule: 'DOMAIN §5.1: Digest is present exactly when Signature is',
      cases: fc.constantFrom('Signature without Digest', 'Digest without Signature').map((which) => ({
        label: which,
        signed: (): Record<string, string | null> => (which === 'Signature without Digest' ? { Digest: null } : { Signature: null }),
        expect: { kind: 'refused', check: CROSS_FIELD.id, status: [400, 401], codes: ['FORMAT_ERROR', 'SIGNATURE_INVALID', 'SIGNATURE_MISSING'] },
      })),
    },
  ];
}

/** The service a role covers and a request of that service no certificate without the role may make. */
const ROLE_PROBES: Array<{ role: string; service: string; probe: string }> = [
  { role: 'PSP_AI', service: 'AIS', probe: 'createConsent' },
  { role: 'PSP_PI', service: 'PIS', probe: 'initiatePayment' },
  { role: 'PSP_IC', service: 'PIIS', probe: 'createFundsConsent' },
];

function roleProperties(env: PropertyEnvironment): Property[] {
  return Object.entries(env.roleClients).flatMap(([client, roles]) =>
    ROLE_PROBES.filter((p) => !roles.includes(p.role)).map((p) => ({
      name: `roles.${client}.${p.service.toLowerCase()}`,
      probe: p.probe,
      maxRuns: 1,
      rule: `ETSI TS 119 495; DOMAIN §5.1: a certificate with roles ${roles.join(', ') || 'none'} lacks ${p.role} for ${p.service}`,
      cases: fc.constant({ label: `${p.service} request with a certificate holding ${roles.join(', ') || 'no role'}`, client, expect: { kind: 'refused', check: CERTIFICATE_ROLES.id, status: [401], codes: ['ROLE_INVALID'] } as Expectation }),
    })),
  );
}

/** Every property for this environment (signing and role properties only where the suite signs / holds such certificates). */
export function propertiesFor(env: PropertyEnvironment): Property[] {
  return [...headerProperties(env), ...queryProperties(), ...crossFieldProperties(), ...(env.signing ? signingProperties() : []), ...roleProperties(env)];
}
