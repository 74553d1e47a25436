/** Defects of the family: the error model. */
import type { DefectDescription } from '../types.js';

export const ERROR_MODEL = {
  'errors-without-tpp-messages': {
    description: 'Error (4xx) bodies are {"error": "<text>"} instead of carrying tppMessages.',
    caughtBy: ['error.tpp-messages'],
  },
} as const satisfies Record<string, DefectDescription>;
