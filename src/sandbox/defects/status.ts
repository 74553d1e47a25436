/** Defects of the family: status codes. */
import type { DefectDescription } from '../types.js';

export const STATUS = {
  'status-200-on-initiation': {
    description: 'Payment initiation answers 200 instead of the declared 201.',
    caughtBy: ['response.status-declared'],
  },
} as const satisfies Record<string, DefectDescription>;
