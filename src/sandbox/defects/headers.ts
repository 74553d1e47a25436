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
  'errors-without-content-type': {
    description: 'Error responses carry a JSON body but no Content-Type header.',
    caughtBy: ['response.content-type'],
  },
  'location-of-another-consent': {
    description: 'The Location of a new consent points to another consent.',
    caughtBy: ['header.location-on-201'],
  },
  'request-id-regenerated-on-errors': {
    description: "Error responses carry a freshly generated X-Request-ID instead of the request's.",
    caughtBy: ['header.x-request-id-echo'],
  },
} as const satisfies Record<string, DefectDescription>;
