/** Defects of the family: consents and access. */
import type { DefectDescription } from '../types.js';

export const ACCESS = {
  'balances-of-unconsented-account': {
    description: "Balances are returned for any of the PSU's accounts, also one the consent does not grant balances for.",
    caughtBy: ['ais.consented-accounts-only'],
  },
} as const satisfies Record<string, DefectDescription>;
