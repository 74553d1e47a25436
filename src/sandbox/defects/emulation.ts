/** Defects of the family: the emulated systems (mockbank, OBP, bank variant, myPOS). */
import type { DefectDescription } from '../types.js';

export const EMULATION = {
  'obp-error-without-code': {
    description: 'In the obp mode, OBP error bodies carry a message without its OBP-XXXXX code.',
    caughtBy: ['error.obp-code', 'response.schema'],
    profile: 'obp.yaml',
  },
} as const satisfies Record<string, DefectDescription>;
