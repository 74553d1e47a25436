/** Defects of the family: response bodies against the schema. */
import type { DefectDescription } from '../types.js';

export const SCHEMA = {
  'amount-as-number': {
    description: 'Balance amounts (balanceAmount.amount) are JSON numbers instead of strings.',
    caughtBy: ['response.schema'],
  },
  'camt-without-namespace': {
    description: 'camt.053 statements (Accept: application/xml) have a Document root without the ISO 20022 namespace.',
    caughtBy: ['response.xml-wellformed'],
  },
} as const satisfies Record<string, DefectDescription>;
