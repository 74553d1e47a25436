/**
 * The rules the property suite judges. They are not exchange checks (src/checks): each holds
 * over a whole family of generated requests, and a broken one is reported with the shrunk
 * counterexample, the seed and a replay command. Every exchange a property sends is still
 * judged by every exchange check as well.
 */
import type { Level } from '../checks/check.js';

export interface PropertyCheck {
  id: string;
  level: Level;
  /** Where the rule comes from (DOMAIN / Implementation Guidelines section). */
  rule: string;
  description: string;
}

function define<const T extends PropertyCheck>(c: T): T {
  return c;
}

export const VALID_ACCEPTED = define({
  id: 'property.valid-accepted',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §4 (request headers and parameters); DOMAIN §5.1, §7',
  description: 'A request whose headers and parameters all have the standard format is accepted (2xx), whatever valid value each holds.',
});

export const INVALID_REJECTED = define({
  id: 'property.invalid-rejected',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §4, error model; DOMAIN §5.1 (what a bank answers when a header is wrong), §6',
  description: 'A header or parameter of the wrong format is refused with 400 FORMAT_ERROR (or the code the standard names) and a tppMessage naming the field.',
});

export const NO_SERVER_ERROR = define({
  id: 'property.no-server-error',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §4, error model: a malformed request is the TPP\u2019s error (4xx), never the bank\u2019s (5xx); DOMAIN §6',
  description: 'No generated request, valid or malformed, is answered with a 5xx status or left unanswered.',
});

export const REQUEST_ID_ECHO = define({
  id: 'property.request-id-echo',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §4 (response headers): X-Request-ID is echoed on every response; DOMAIN §5.2',
  description: 'Every answer to a generated request, errors included, carries the X-Request-ID the request sent.',
});

export const CROSS_FIELD = define({
  id: 'property.cross-field',
  level: 'MUST',
  rule: 'DOMAIN §4.1, §5.1, §7: rules that tie one field to another',
  description: 'A request that breaks a rule between fields (each valid alone) is refused with 400 and the code the standard names.',
});

export const SIGNATURE_VERIFIED = define({
  id: 'property.signature-verified',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §4 (signing of requests, draft-cavage HTTP signatures); DOMAIN §5.1, §6 (401 SIGNATURE_MISSING / SIGNATURE_INVALID / CERTIFICATE_MISSING)',
  description: 'Where the bank requires signed requests, a missing signature, a Digest that does not match the body, or a signature that does not verify is refused with 401 and the named code.',
});

export const CERTIFICATE_ROLES = define({
  id: 'property.certificate-roles',
  level: 'MUST',
  rule: 'ETSI TS 119 495 (PSD2 QCStatement roles); NextGenPSD2 IG error model: 401 ROLE_INVALID; DOMAIN §5.1',
  description: 'A client certificate without the PSD2 role a service needs (PSP_AI for AIS, PSP_PI for PIS, PSP_IC for PIIS) is refused with 401 ROLE_INVALID.',
});

/** Every rule of the property suite, in report order. */
export const PROPERTY_CHECKS: readonly PropertyCheck[] = [
  VALID_ACCEPTED,
  INVALID_REJECTED,
  NO_SERVER_ERROR,
  REQUEST_ID_ECHO,
  CROSS_FIELD,
  SIGNATURE_VERIFIED,
  CERTIFICATE_ROLES,
];

export type PropertyCheckId = (typeof PROPERTY_CHECKS)[number]['id'];
