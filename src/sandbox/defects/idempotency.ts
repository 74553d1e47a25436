/** Defects of the family: idempotency and concurrency. */
import type { DefectDescription } from '../types.js';

export const IDEMPOTENCY = {
  'second-consent-deletion-500': {
    description: 'A second DELETE of an already deleted consent answers 500 instead of 204 (or a 4xx).',
    caughtBy: ['response.server-error'],
  },
} as const satisfies Record<string, DefectDescription>;
