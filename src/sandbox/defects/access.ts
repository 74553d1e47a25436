/** Defects of the family: consents and access. */
import type { DefectDescription } from '../types.js';

export const ACCESS = {
  'balances-of-unconsented-account': {
    description: "Balances are returned for any of the PSU's accounts, also one the consent does not grant balances for.",
    caughtBy: ['ais.consented-accounts-only'],
  },
  'accounts-outside-consent': {
    description: 'The account list under a dedicated consent lists every account of the PSU, also those the consent does not name.',
    caughtBy: ['ais.consented-accounts-only'],
  },
  'transactions-outside-period': {
    description: 'Transaction reports also hold booked entries from before dateFrom.',
    caughtBy: ['ais.transactions-in-period'],
  },
  'expired-consent-still-readable': {
    description: 'A consent past its validUntil (expired) still opens the account information endpoints.',
    caughtBy: ['lifecycle.dead-resource-used'],
  },
  'revoked-consent-still-readable': {
    description: 'A consent the PSU revoked (revokedByPsu) still opens the account information endpoints.',
    caughtBy: ['lifecycle.dead-resource-used'],
  },
} as const satisfies Record<string, DefectDescription>;
