/** Defects of the family: hyperlinks. */
import type { DefectDescription } from '../types.js';

export const LINKS = {
  'no-sca-redirect-link': {
    description: 'Redirect initiation, consent and start-authorisation responses omit _links.scaRedirect.',
    caughtBy: ['links.required'],
  },
  'cancellation-without-start-link': {
    description: 'A payment cancellation that needs an authorisation answers 202 without the startAuthorisation link.',
    caughtBy: ['links.required'],
  },
  'paging-next-on-last-page': {
    description: 'The last page of a paged transaction list still carries a next link (to a page beyond the last).',
    caughtBy: ['links.paging'],
  },
} as const satisfies Record<string, DefectDescription>;
