/** Defects of the family: status codes. */
import type { DefectDescription } from '../types.js';

export const STATUS = {
  'status-200-on-initiation': {
    description: 'Payment initiation answers 200 instead of the declared 201.',
    caughtBy: ['response.status-declared'],
  },
  'consent-creation-200': {
    description: 'Consent creation answers 200 instead of the declared 201.',
    caughtBy: ['response.status-declared'],
  },
  'consent-deletion-200': {
    description: 'Deleting a consent answers 200 with a body instead of 204.',
    caughtBy: ['response.status-declared'],
  },
  'payment-cancellation-200': {
    description: 'A payment cancelled without authorisation answers 200 instead of 204.',
    caughtBy: ['response.status-declared'],
  },
  'server-error-on-malformed-body': {
    description: 'A request body that is not valid JSON is answered 500 instead of 400 FORMAT_ERROR.',
    caughtBy: ['response.server-error'],
  },
  'unknown-payment-500': {
    description: 'Reading a payment that does not exist answers 500 instead of 404 RESOURCE_UNKNOWN.',
    caughtBy: ['response.server-error'],
  },
  'consent-unknown-404': {
    description: 'An unknown Consent-ID on account reads is answered 404 CONSENT_UNKNOWN instead of 403.',
    caughtBy: ['error.code-status'],
  },
  'funds-confirmation-201': {
    description: 'The funds confirmation answers 201 instead of the declared 200.',
    caughtBy: ['response.status-declared'],
  },
} as const satisfies Record<string, DefectDescription>;
