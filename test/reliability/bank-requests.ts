/**
 * fast-check arbitraries for fuzzing the reference bank: requests to every operation of the
 * bundled description (methods, paths with known and hostile ids, queries, headers, bodies from
 * valid ones mutated to garbage), to its SCA pages and sandbox hooks, and raw bytes on a socket.
 */
import fc from 'fast-check';
import type { Operation } from '../../src/spec/types.js';
import type { Call } from './bank-client.js';
import { consentBody, paymentBody, REDIRECT_HEADERS } from './bank-client.js';
import { pain001 } from '../sandbox/pain001-fixtures.js';

/** Ids the bank knows, so that fuzzed requests also reach the handlers behind the lookups. */
export interface KnownIds {
  paymentIds: string[];
  consentIds: string[];
  fundsConsentIds: string[];
  basketIds: string[];
  authorisationIds: string[];
  accountIds: string[];
  cardAccountIds: string[];
  transactionIds: string[];
  iban: string;
}

const SERVICES = ['payments', 'bulk-payments', 'periodic-payments'];
const PRODUCTS = [
  'sepa-credit-transfers',
  'instant-sepa-credit-transfers',
  'target-2-payments',
  'cross-border-credit-transfers',
  'pain.001-sepa-credit-transfers',
  'pain.001-instant-sepa-credit-transfers',
  'pain.001-target-2-payments',
  'pain.001-cross-border-credit-transfers',
];

const printable = (maxLength: number) => fc.string({ maxLength });
const absent = fc.constant(undefined);

/** A path segment meant to hurt: any text percent-encoded, broken encodings, prototype names, a very long one. */
const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => s !== '').map(encodeURIComponent),
  fc.constantFrom('..', '.', '%', '%zz', '%00', '%2F', '%C3%28', '%FF%FE', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'null', '{paymentId}', 'x'.repeat(4000)),
);

function idOrHostile(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 8, arbitrary: known.length ? fc.constantFrom(...known) : fc.uuid() }, { weight: 1, arbitrary: fc.uuid() }, { weight: 1, arbitrary: hostileSegment });
}

function paramValue(name: string, ids: KnownIds): fc.Arbitrary<string> {
  if (name === 'payment-service') return fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...SERVICES) }, { weight: 1, arbitrary: hostileSegment });
  if (name === 'payment-product') return fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...PRODUCTS) }, { weight: 1, arbitrary: hostileSegment });
  if (name === 'paymentId') return idOrHostile(ids.paymentIds);
  if (name === 'consentId') return idOrHostile([...ids.consentIds, ...ids.fundsConsentIds]);
  if (name === 'basketId') return idOrHostile(ids.basketIds);
  if (name === 'authorisationId') return idOrHostile(ids.authorisationIds);
  if (name === 'account-id') return idOrHostile([...ids.accountIds, ...ids.cardAccountIds]);
  if (name === 'transactionId') return idOrHostile(ids.transactionIds);
  return hostileSegment;
}

const QUERY_VALUES = fc.oneof(
  fc.constantFrom('true', 'false', 'booked', 'pending', 'both', 'information', 'all', '2020-01-01', '2999-12-31', '9999-99-99', '-1', '0', '1', '1e9', '99999999999999999999', ''),
  printable(20),
);

function queryOf(op: Operation): fc.Arbitrary<string> {
  const names = [...op.parameters.filter((p) => p.in === 'query').map((p) => p.name), 'foo', '__proto__'];
  return fc.dictionary(fc.constantFrom(...names), QUERY_VALUES, { maxKeys: 4 }).map((q) => {
    const text = new URLSearchParams(q).toString();
    return text ? `?${text}` : '';
  });
}

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function multipart(parts: Record<string, { type: string; text: string }>): string {
  return `${Object.entries(parts).map(([name, p]) => `--b\r\nContent-Disposition: form-data; name="${name}"\r\nContent-Type: ${p.type}\r\n\r\n${p.text}\r\n`).join('')}--b--\r\n`;
}

/** What the bank wants for a payment initiation of a service and product. */
function paymentTemplate(service: string, product: string, iban: string): Template {
  if (product.startsWith('pain.001-')) {
    if (service === 'bulk-payments') return { xml: pain001({ debtorIban: iban, date: day(0), txs: [{ e2e: 'B-1' }, { e2e: 'B-2', amount: '5.00' }] }) };
    if (service === 'periodic-payments') {
      const terms = JSON.stringify({ startDate: day(1), frequency: 'Monthly', executionRule: 'following', dayOfExecution: '1' });
      return { multipart: multipart({ xml_sct: { type: 'application/xml', text: pain001({ debtorIban: iban, date: day(1) }) }, json_standingorderType: { type: 'application/json', text: terms } }) };
    }
    return { xml: pain001({ debtorIban: iban, date: day(0) }) };
  }
  const single = paymentBody(iban, '12.34', 'E2E-FUZZ');
  if (service === 'bulk-payments') {
    const { debtorAccount: _, ...entry } = single;
    return { json: { batchBookingPreferred: true, debtorAccount: { iban }, payments: [entry, { ...entry, endToEndIdentification: 'E2E-FUZZ-2' }] } };
  }
  if (service === 'periodic-payments') return { json: { ...single, startDate: day(1), frequency: 'Monthly', executionRule: 'following', dayOfExecution: '1' } };
  return { json: single };
}

interface Template {
  json?: unknown;
  xml?: string;
  multipart?: string;
}

/** A valid body for an operation (a payment's for its path's service and product); undefined when it takes none. */
function templateFor(op: Operation, params: Record<string, string>, ids: KnownIds): Template | undefined {
  switch (op.operationId) {
    case 'initiatePayment':
      return paymentTemplate(params['payment-service'] ?? 'payments', params['payment-product'] ?? 'sepa-credit-transfers', ids.iban);
    case 'createConsent':
      return { json: consentBody({ accounts: [{ iban: ids.iban }], balances: [{ iban: ids.iban }], transactions: [{ iban: ids.iban }] }) };
    case 'createConsentConfirmationOfFunds':
      return { json: { account: { iban: ids.iban }, cardNumber: '4711081512345678', registrationInformation: 'fuzz' } };
    case 'checkAvailabilityOfFunds':
      return { json: { account: { iban: ids.iban }, instructedAmount: { currency: 'EUR', amount: '10.00' } } };
    case 'createSigningBasket':
      return { json: { paymentIds: ids.paymentIds.slice(0, 2), consentIds: [] } };
    default:
      if (op.method === 'PUT') return { json: { psuData: { password: 'sandbox-alice-1' }, scaAuthenticationData: '123456', authenticationMethodId: 'sms' } };
      if (op.method === 'POST') return { json: { psuData: { password: 'sandbox-alice-1' } } };
      return undefined;
  }
}

/** Every place in a JSON value where a mutation can strike. */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (value !== null && typeof value === 'object') return [prefix, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return [prefix];
}

function mutate(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  const copy = structuredClone(value);
  if (path.length === 0) return replacement;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (replacement === undefined) delete node[last];
  else node[last] = replacement;
  return copy;
}

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, '', -1, 1e308, 'x'.repeat(20_000), '12.345', 'NaN', JSON.parse('{"__proto__":{"polluted":true}}') as unknown, [[[[[]]]]], '<x>&amp;</x>') },
);

function mutatedJson(template: unknown): fc.Arbitrary<unknown> {
  return fc.record({ path: fc.constantFrom(...pathsOf(template)), value: nastyValue }).map(({ path, value }) => mutate(template, path, value));
}

/** An XML bomb and other XML a pain.001 endpoint must refuse without harm. */
const HOSTILE_XML = [
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]><Document>&lol5;</Document>',
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Document>&xxe;</Document>',
  `<Document>${'<a>'.repeat(20_000)}${'</a>'.repeat(20_000)}</Document>`,
  '<Document><CstmrCdtTrfInitn></Document>',
];

type Body = { bytes: string | Uint8Array; contentType?: string } | undefined;

/** An XML document with one of its text nodes replaced by anything (markup characters included). */
function mutatedXml(xml: string): fc.Arbitrary<string> {
  const texts = [...xml.matchAll(/>([^<]+)</g)].map((m) => m.index! + 1);
  return fc.tuple(fc.constantFrom(...texts), fc.string({ unit: 'grapheme', maxLength: 40 })).map(([at, text]) => `${xml.slice(0, at)}${text}${xml.slice(xml.indexOf('<', at))}`);
}

/**
 * A body for a request: with `clean`, the operation's valid body or one mutation of it; else
 * anything, from nothing to garbage bytes to a body past the bank's size cap.
 */
function bodyOf(template: Template | undefined, clean: boolean): fc.Arbitrary<Body> {
  const json = (v: unknown): Body => ({ bytes: JSON.stringify(v) ?? '', contentType: 'application/json' });
  const options: Array<fc.WeightedArbitrary<Body>> = clean && template ? [] : [
    { weight: 1, arbitrary: absent },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(json) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => ({ bytes: s })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => ({ bytes: b, contentType: 'application/json' })) }, // not UTF-8, mostly
    { weight: 1, arbitrary: fc.constantFrom<Body>({ bytes: `${'['.repeat(100_000)}${']'.repeat(100_000)}`, contentType: 'application/json' }, { bytes: 'x'.repeat(1024 * 1024 + 1) }) },
  ];
  if (options.length === 0 && !template) options.push({ weight: 1, arbitrary: absent });
  if (template?.json !== undefined) {
    options.push({ weight: 8, arbitrary: fc.constant(json(template.json)) });
    options.push({ weight: 8, arbitrary: mutatedJson(template.json).map(json) });
  }
  const xml = template?.xml;
  if (xml !== undefined) {
    options.push({ weight: 6, arbitrary: fc.constant<Body>({ bytes: xml, contentType: 'application/xml' }) });
    options.push({ weight: 6, arbitrary: mutatedXml(xml).map((x) => ({ bytes: x, contentType: 'application/xml' })) });
    options.push({ weight: 2, arbitrary: fc.constantFrom(...HOSTILE_XML).map((x) => ({ bytes: x, contentType: 'application/xml' })) });
    options.push({ weight: 1, arbitrary: fc.nat({ max: xml.length }).map((cut) => ({ bytes: xml.slice(0, cut), contentType: 'application/xml' })) });
  }
  const parts = template?.multipart;
  if (parts !== undefined) {
    const type = 'multipart/form-data; boundary=b';
    options.push({ weight: 6, arbitrary: fc.constant<Body>({ bytes: parts, contentType: type }) });
    options.push({ weight: 6, arbitrary: mutatedXml(parts).map((x) => ({ bytes: x, contentType: type })) });
    options.push({ weight: 2, arbitrary: fc.nat({ max: parts.length }).map((cut) => ({ bytes: parts.slice(0, cut), contentType: type })) });
  }
  return fc.oneof(...options);
}

const headerName = fc.oneof(
  fc.constantFrom('PSU-ID', 'PSU-Corporate-ID', 'PSU-IP-Port', 'PSU-Accept', 'PSU-User-Agent', 'PSU-Http-Method', 'PSU-Device-ID', 'PSU-Geo-Location', 'TPP-Signature-Certificate', 'Digest', 'Signature', 'TPP-Notification-URI', 'TPP-Brand-Logging-Information', 'Date'),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/),
);

/** The headers a well-behaved TPP sends with a request. */
function cleanHeaders(ids: KnownIds, body: Body): fc.Arbitrary<Record<string, string>> {
  return fc.record({ id: fc.uuid(), consent: ids.consentIds.length ? fc.constantFrom(...ids.consentIds) : fc.uuid(), explicit: fc.constantFrom('true', 'false') }).map(({ id, consent, explicit }) => ({
    'x-request-id': id,
    'psu-ip-address': REDIRECT_HEADERS['PSU-IP-Address'],
    'tpp-redirect-preferred': 'true',
    'tpp-redirect-uri': REDIRECT_HEADERS['TPP-Redirect-URI'],
    'tpp-nok-redirect-uri': REDIRECT_HEADERS['TPP-Nok-Redirect-URI'],
    'tpp-explicit-authorisation-preferred': explicit,
    'consent-id': consent,
    ...(body?.contentType ? { 'content-type': body.contentType } : {}),
  }));
}

function headersOf(ids: KnownIds, body: Body): fc.Arbitrary<Record<string, string>> {
  // Mostly what the bank wants, so that most requests get past the header checks to the handlers.
  const maybe = (arb: fc.Arbitrary<string>, weight = 16) => fc.oneof({ weight, arbitrary: arb }, { weight: 1, arbitrary: printable(60) }, { weight: 1, arbitrary: absent });
  return fc
    .record({
      'X-Request-ID': maybe(fc.uuid(), 30),
      'PSU-IP-Address': maybe(fc.constant(REDIRECT_HEADERS['PSU-IP-Address'])),
      'Consent-ID': fc.oneof({ weight: 1, arbitrary: absent }, { weight: 4, arbitrary: idOrHostile([...ids.consentIds, ...ids.fundsConsentIds]) }),
      'Content-Type': fc.oneof(
        { weight: 16, arbitrary: fc.constant(body?.contentType) },
        { weight: 1, arbitrary: fc.constantFrom('application/json', 'application/xml', 'multipart/form-data; boundary=b', 'text/plain', 'application/json; charset=latin1', 'application/x-www-form-urlencoded') },
        { weight: 1, arbitrary: printable(40) },
      ),
      Accept: fc.oneof({ weight: 12, arbitrary: absent }, { weight: 2, arbitrary: fc.constantFrom('application/json', 'application/xml', 'text/plain', '*/*', 'application/pdf', 'application/json;q=0') }, { weight: 1, arbitrary: printable(40) }),
      'TPP-Redirect-Preferred': fc.oneof({ weight: 12, arbitrary: fc.constantFrom(undefined, 'true', 'false') }, { weight: 1, arbitrary: printable(10) }),
      'TPP-Redirect-URI': maybe(fc.constant(REDIRECT_HEADERS['TPP-Redirect-URI'])),
      'TPP-Explicit-Authorisation-Preferred': fc.oneof({ weight: 12, arbitrary: fc.constantFrom(undefined, 'true', 'false') }, { weight: 1, arbitrary: printable(10) }),
      extra: fc.oneof({ weight: 6, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.dictionary(headerName, printable(60), { maxKeys: 3 }) }),
    })
    .map(({ extra, ...named }) => {
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries({ ...extra, ...named })) if (v !== undefined) out[k.toLowerCase()] = v;
      return out;
    });
}

export const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;

/** A request to one of the bundled description's operations, most of it plausible, some of it hostile. */
export function apiRequest(operations: readonly Operation[], ids: KnownIds): fc.Arbitrary<Call> {
  return fc.constantFrom(...operations).chain((op) => {
    const names = op.pathTemplate.split('/').map((seg) => /^\{(.+)\}$/.exec(seg)?.[1]);
    const segments = op.pathTemplate.split('/').map((seg, i) => (names[i] ? paramValue(names[i]!, ids) : fc.constant(seg)));
    return fc.tuple(...segments).chain((parts) => {
      const params = Object.fromEntries(names.flatMap((n, i) => (n ? [[n, parts[i]!]] : [])));
      // Half the requests are a well-behaved TPP's with at most a mutated body: they reach the handlers' depths.
      return fc.boolean().chain((clean) =>
        fc
          .record({
            method: clean ? fc.constant(op.method) : fc.oneof({ weight: 9, arbitrary: fc.constant(op.method) }, { weight: 1, arbitrary: fc.constantFrom(...METHODS) }),
            query: op.method === 'GET' ? queryOf(op) : fc.constant(''),
            body: bodyOf(templateFor(op, params, ids), clean),
          })
          .chain(({ method, query, body }) =>
            (clean ? cleanHeaders(ids, body) : headersOf(ids, body)).map((headers): Call => ({
              method,
              path: `${parts.join('/')}${query}`,
              headers,
              ...(body && method !== 'GET' && method !== 'HEAD' ? { body: body.bytes } : {}),
            })),
          ),
      );
    });
  });
}

/** A request to the SCA pages or the sandbox hooks (outside the XS2A API: their own error style). */
export function pageRequest(ids: KnownIds): fc.Arbitrary<Call> {
  const authorisation = idOrHostile(ids.authorisationIds);
  const form = fc
    .dictionary(fc.constantFrom('token', 'psuId', 'password', 'decision', 'accounts', 'foo'), fc.oneof(fc.constantFrom('approve', 'reject', 'psu-alice', 'sandbox-alice-1', ids.accountIds[0] ?? 'x'), printable(40)), { maxKeys: 6 })
    .map((f) => new URLSearchParams(f).toString());
  const hookBody = fc.oneof(fc.record({ advanceSeconds: fc.oneof(fc.integer({ min: -10, max: 400 * 86_400 }), fc.double(), fc.string()) }).map((b) => JSON.stringify(b)), fc.string(), fc.constant(''));
  const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
  const jsonHeaders = { 'content-type': 'application/json' };
  return fc.oneof(
    authorisation.map((id): Call => ({ method: 'GET', path: `/sca/${id}` })),
    fc.tuple(authorisation, form).map(([id, body]): Call => ({ method: 'POST', path: `/sca/${id}`, headers: formHeaders, body })),
    hookBody.map((body): Call => ({ method: 'POST', path: '/sandbox/clock', headers: jsonHeaders, body })),
    fc.tuple(idOrHostile(ids.consentIds), hookBody).map(([id, body]): Call => ({ method: 'POST', path: `/sandbox/consents/${id}/clock`, headers: jsonHeaders, body })),
    idOrHostile(ids.consentIds).map((id): Call => ({ method: 'POST', path: `/sandbox/consents/${id}/revoke` })),
    fc.tuple(fc.constantFrom(...METHODS), hostileSegment).map(([method, seg]): Call => ({ method, path: `/${seg}` })),
  );
}

/** Bytes for a raw socket: malformed HTTP of several kinds, and plain noise. */
export const rawRequest: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 300 }),
  fc
    .record({
      method: fc.oneof(fc.constantFrom(...METHODS), fc.stringMatching(/^[A-Z]{1,10}$/)),
      target: fc.oneof(fc.constantFrom('/v1/consents', '/v1/payments/sepa-credit-transfers', '*', 'http://x/v1/accounts', '/../../etc'), fc.string({ maxLength: 50 })),
      version: fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/9.9', 'HTTP/1', ''),
      headers: fc.array(
        fc.oneof(
          fc.constantFrom('Host: x', 'Content-Length: 5', 'Content-Length: -1', 'Content-Length: 5\r\nContent-Length: 6', 'Transfer-Encoding: chunked', 'Transfer-Encoding: chunked\r\nContent-Length: 3', 'No-Colon', ' folded: line', `X-Long: ${'a'.repeat(20_000)}`),
          fc.string({ maxLength: 40 }),
        ),
        { maxLength: 5 },
      ),
      body: fc.constantFrom('', 'hello', 'zz\r\nbroken chunk\r\n', '0\r\n\r\n', '{"a":1}'),
    })
    .map(({ method, target, version, headers, body }) => new TextEncoder().encode(`${method} ${target} ${version}\r\n${headers.join('\r\n')}\r\n\r\n${body}`)),
);
