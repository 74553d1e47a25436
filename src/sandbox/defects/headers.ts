/** Defects of the family: response headers. */
import type { DefectDescription } from '../types.js';

export const HEADERS = {
  'json-as-text-plain': {
    description: 'Successful JSON responses carry Content-Type text/plain.',
    caughtBy: ['response.content-type'],
  },
  'no-x-request-id-echo': {
    description: 'Responses carry no X-Request-ID header.',
    caughtBy: ['header.x-request-id-echo'],
  },
  'no-location-on-201': {
    description: 'The 201 responses of payment initiation and consent creation lack the Location header.',
    caughtBy: ['header.location-on-201'],
  },
} as const satisfies Record<string, DefectDescription>;
