/** Defects of the family: request header and parameter validation. */
import type { DefectDescription } from '../types.js';

export const REQUEST_HEADERS = {
  'malformed-request-id-accepted': {
    description: 'An X-Request-ID that is not a UUID is accepted instead of being refused with 400 FORMAT_ERROR.',
    caughtBy: ['property.invalid-rejected'],
  },
  'server-error-on-malformed-psu-ip': {
    description: 'A PSU-IP-Address that is not an IPv4 or IPv6 address makes the bank fail with 500 instead of 400 FORMAT_ERROR.',
    caughtBy: ['property.no-server-error'],
  },
  'server-error-on-geo-location-form': {
    description: 'A PSU-Geo-Location whose longitude has more than 3 integer digits makes the bank fail with 500; other malformed forms are still refused with 400.',
    caughtBy: ['property.no-server-error'],
  },
  'ipv6-psu-ip-refused': {
    description: 'A PSU-IP-Address in IPv6 form is refused with 400 FORMAT_ERROR (format ipv4 taken literally), although IPv6 is legitimate.',
    caughtBy: ['property.valid-accepted'],
  },
  'request-id-lost-on-header-errors': {
    description: 'A request refused for a malformed optional header is answered with a new X-Request-ID instead of its own.',
    caughtBy: ['property.request-id-echo', 'header.x-request-id-echo'],
  },
  'redirect-uri-not-required': {
    description: 'TPP-Redirect-Preferred true without TPP-Redirect-URI is accepted instead of being refused with 400 FORMAT_ERROR.',
    caughtBy: ['property.cross-field'],
  },
  'reversed-period-accepted': {
    description: 'A transaction list whose dateFrom lies after its dateTo is answered (empty) instead of being refused with 400 PERIOD_INVALID.',
    caughtBy: ['property.cross-field'],
  },
} as const satisfies Record<string, DefectDescription>;
