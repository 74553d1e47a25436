/**
 * Valid and invalid values of every request header the standard defines (DOMAIN §5.1), as
 * fast-check arbitraries with named forms. "Odd" values are ones the standard leaves open (a
 * bank may take them or refuse them with a 4xx); they must never cause a 5xx.
 */
import fc from 'fast-check';
import { digits, form, forms, hex, nonAscii, oversized, printable, type FormedArbitrary } from './forms.js';

export interface HeaderDomain {
  /** The header's name as the standard writes it. */
  name: string;
  valid: FormedArbitrary;
  /** Values of the wrong format: 400 FORMAT_ERROR naming the header. */
  invalid?: FormedArbitrary;
  /** Values the standard leaves to the bank: any 4xx or 2xx, never 5xx. */
  odd?: FormedArbitrary;
}

const uuid = fc.uuid();

export const UUID_VALID = forms(form('uuid', uuid), form('uuid upper-case', uuid.map((u) => u.toUpperCase())));

/** Not a UUID; printable ASCII under 200 characters so that a bank can still echo it. */
export const UUID_INVALID = forms(
  form('no dashes', uuid.map((u) => u.replaceAll('-', ''))),
  form('one character short', uuid.map((u) => u.slice(0, -1))),
  form('one character more', fc.tuple(uuid, hex(1, 1)).map(([u, h]) => `${u}${h}`)),
  form('non-hex character', fc.tuple(uuid, fc.integer({ min: 0, max: 35 }), fc.constantFrom('g', 'z', 'G', '_')).map(([u, i, c]) => (u[i] === '-' ? u : `${u.slice(0, i)}${c}${u.slice(i + 1)}`)).filter((u) => !/^[0-9a-f-]+$/i.test(u))),
  form('braced', uuid.map((u) => `{${u}}`)),
  form('dashes misplaced', fc.tuple(hex(32, 32)).map(([h]) => `${h.slice(0, 4)}-${h.slice(4, 12)}-${h.slice(12, 20)}-${h.slice(20, 24)}-${h.slice(24)}`)),
  form('free text', printable(1, 30).filter((s) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s))),
);

const octet = fc.integer({ min: 0, max: 255 }).map(String);

export const IPV4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));

export const PSU_IP_ADDRESS: HeaderDomain = {
  name: 'PSU-IP-Address',
  valid: forms(form('ipv4', fc.ipV4()), form('ipv6', fc.ipV6()), form('ipv6 loopback', fc.constant('::1')), form('ipv4-mapped ipv6', IPV4.map((ip) => `::ffff:${ip}`))),
  invalid: forms(
    form('octet above 255', fc.tuple(fc.integer({ min: 256, max: 999 }), octet, octet, octet, fc.integer({ min: 0, max: 3 })).map(([big, a, b, c, at]) => { const o = [a, b, c]; o.splice(at, 0, String(big)); return o.join('.'); })),
    form('three octets', fc.tuple(octet, octet, octet).map((o) => o.join('.'))),
    form('five octets', fc.tuple(IPV4, octet).map(([ip, o]) => `${ip}.${o}`)),
    form('with port', fc.tuple(IPV4, fc.integer({ min: 1, max: 65535 })).map(([ip, p]) => `${ip}:${p}`)),
    form('host name', fc.domain()),
    form('ipv6 with two double colons', fc.tuple(hex(1, 4), hex(1, 4), hex(1, 4)).map(([a, b, c]) => `${a}::${b}::${c}`)),
    form('ipv6 group of five hex digits', fc.tuple(hex(5, 5), hex(1, 4)).map(([a, b]) => `${a}::${b}`)),
    form('comma instead of dot', IPV4.map((ip) => ip.replaceAll('.', ','))),
  ),
};

export const PSU_IP_PORT: HeaderDomain = {
  name: 'PSU-IP-Port',
  valid: form('port', fc.integer({ min: 1, max: 65535 }).map(String)),
  odd: forms(form('above 65535', fc.integer({ min: 65536, max: 999999 }).map(String)), form('not a number', printable(1, 12)), form('oversized', oversized('9'))),
};

const lat = fc.tuple(fc.boolean(), digits(1, 2), digits(6, 6)).map(([neg, i, f]) => `${neg ? '-' : ''}${i}.${f}`);
const lon = fc.tuple(fc.boolean(), digits(1, 3), digits(6, 6)).map(([neg, i, f]) => `${neg ? '-' : ''}${i}.${f}`);

export const PSU_GEO_LOCATION: HeaderDomain = {
  name: 'PSU-Geo-Location',
  valid: form('GEO:lat;lon', fc.tuple(lat, lon).map(([a, o]) => `GEO:${a};${o}`)),
  invalid: forms(
    form('longitude with 4 integer digits', fc.tuple(lat, digits(4, 4), digits(6, 6)).map(([a, i, f]) => `GEO:${a};${i}.${f}`)),
    form('latitude with 3 integer digits', fc.tuple(digits(3, 3), digits(6, 6), lon).map(([i, f, o]) => `GEO:${i}.${f};${o}`)),
    form('comma as decimal separator', fc.tuple(lat, lon).map(([a, o]) => `GEO:${a.replace('.', ',')};${o.replace('.', ',')}`)),
    form('five decimals', fc.tuple(lat, lon).map(([a, o]) => `GEO:${a.slice(0, -1)};${o}`)),
    form('no GEO: prefix', fc.tuple(lat, lon).map(([a, o]) => `${a};${o}`)),
    form('comma between the coordinates', fc.tuple(lat, lon).map(([a, o]) => `GEO:${a},${o}`)),
    form('lower-case prefix', fc.tuple(lat, lon).map(([a, o]) => `geo:${a};${o}`)),
  ),
};

export const PSU_DEVICE_ID: HeaderDomain = { name: 'PSU-Device-ID', valid: UUID_VALID, invalid: UUID_INVALID };

export const X_REQUEST_ID: HeaderDomain = { name: 'X-Request-ID', valid: UUID_VALID, invalid: UUID_INVALID };

/** PSU-ID and PSU-Corporate-ID: free strings; the reference bank (like adorsys) caps them at 50 characters. */
function identifier(name: string, valid: FormedArbitrary): HeaderDomain {
  return {
    name,
    valid,
    odd: forms(form('oversized', oversized()), form('non-ASCII', nonAscii(1, 20)), form('51 to 70 characters', printable(51, 70))),
  };
}

export const PSU_ID = (psuId: string): HeaderDomain => identifier('PSU-ID', form('the profile\u2019s PSU', fc.constant(psuId)));
export const PSU_CORPORATE_ID = identifier('PSU-Corporate-ID', form('identifier', printable(1, 35)));
export const PSU_ID_TYPE: HeaderDomain = { name: 'PSU-ID-Type', valid: form('type', fc.constantFrom('private', 'retail', 'corporate', 'user')), odd: forms(form('free text', printable(1, 30)), form('oversized', oversized())) };

const BOOLEAN_VALID = forms(form('true', fc.constant('true')), form('false', fc.constant('false')));
const BOOLEAN_INVALID = forms(
  form('yes / no', fc.constantFrom('yes', 'no')),
  form('1 / 0', fc.constantFrom('1', '0')),
  form('free text', printable(1, 10).filter((s) => !['true', 'false'].includes(s.toLowerCase()))),
);
/** Upper-case spellings: not the standard's values, though lenient banks (adorsys) take them. */
const BOOLEAN_ODD = form('upper-case', fc.constantFrom('TRUE', 'FALSE', 'True', 'False'));

export function booleanHeader(name: string, valid: FormedArbitrary = BOOLEAN_VALID): HeaderDomain {
  return { name, valid, invalid: BOOLEAN_INVALID, odd: BOOLEAN_ODD };
}

const URI_VALID = form('https URL', fc.webUrl({ validSchemes: ['https'], withQueryParameters: true }).filter((u) => u.length <= 500));
const URI_INVALID = forms(
  form('relative path', fc.webPath().map((p) => `/${p.replace(/^\/+/, '')}`)),
  form('text with spaces', fc.tuple(printable(1, 10), printable(1, 10)).map(([a, b]) => `${a.replace(/:/g, '')} ${b}`)),
  form('no scheme', fc.domain().map((d) => `${d}/sca/ok`)),
);
const URI_ODD = forms(form('javascript: scheme', fc.constant('javascript:alert(1)')), form('oversized', fc.integer({ min: 501, max: 3000 }).map((n) => `https://tpp.example/${'a'.repeat(n)}`)));

export const TPP_REDIRECT_URI: HeaderDomain = { name: 'TPP-Redirect-URI', valid: URI_VALID, invalid: URI_INVALID, odd: URI_ODD };
export const TPP_NOK_REDIRECT_URI: HeaderDomain = { name: 'TPP-Nok-Redirect-URI', valid: URI_VALID, invalid: URI_INVALID, odd: URI_ODD };

export const PSU_USER_AGENT: HeaderDomain = { name: 'PSU-User-Agent', valid: form('user agent', printable(1, 60)), odd: forms(form('oversized', oversized()), form('non-ASCII', nonAscii(1, 20))) };
