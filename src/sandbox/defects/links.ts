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
  'account-links-missing': {
    description: 'Accounts in the account list and details carry no balances or transactions links, though the consent covers them.',
    caughtBy: ['links.required'],
  },
  'balances-link-of-another-account': {
    description: "An account's balances link leads to the balances of another account.",
    caughtBy: ['links.target'],
  },
  'transaction-details-link-wrong': {
    description: "Each transaction's transactionDetails link leads to the first transaction of the account.",
    caughtBy: ['links.target'],
  },
  'consent-status-link-of-another-consent': {
    description: 'The status link of a new consent leads to the status of another consent.',
    caughtBy: ['links.target'],
  },
  'report-without-account-link': {
    description: 'Transaction reports carry no _links.account (required in the account report).',
    caughtBy: ['response.schema'],
  },
} as const satisfies Record<string, DefectDescription>;
