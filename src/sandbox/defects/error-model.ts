/** Defects of the family: the error model. */
import type { DefectDescription } from '../types.js';

export const ERROR_MODEL = {
  'errors-without-tpp-messages': {
    description: 'Error (4xx) bodies are {"error": "<text>"} instead of carrying tppMessages.',
    caughtBy: ['error.tpp-messages'],
  },
  'tpp-message-without-category': {
    description: 'tppMessages carry code and text but no category.',
    caughtBy: ['error.tpp-messages'],
  },
  'problem-json-as-application-json': {
    description: 'Errors are RFC 7807 bodies (type, title, code) sent with Content-Type application/json, where a tppMessages body is expected.',
    caughtBy: ['error.tpp-messages'],
  },
  'tpp-messages-as-problem-json': {
    description: 'tppMessages bodies are sent with Content-Type application/problem+json, which announces an RFC 7807 body.',
    caughtBy: ['error.tpp-messages'],
  },
  'error-text-over-500': {
    description: 'tppMessages text runs over the 500 characters the standard allows.',
    caughtBy: ['response.schema'],
  },
  'consent-unknown-as-resource-unknown': {
    description: 'An unknown Consent-ID on the account list is answered 403 RESOURCE_UNKNOWN instead of CONSENT_UNKNOWN.',
    caughtBy: ['error.code-status'],
  },
} as const satisfies Record<string, DefectDescription>;
