/** Defects of the family: status machines. */
import type { DefectDescription } from '../types.js';

export const LIFECYCLE = {
  'undefined-transaction-status': {
    description: 'The payment status endpoint reports ACTC as "ACPT", a code ISO 20022 does not define.',
    caughtBy: ['lifecycle.status-known', 'response.schema'],
  },
  'consent-created-valid': {
    description: 'The 201 of consent creation says consentStatus valid, before any SCA (the consent itself is received).',
    caughtBy: ['lifecycle.initial-status'],
  },
  'consent-valid-before-sca': {
    description: 'The consent status endpoint reports valid while the consent still waits for its SCA (received).',
    caughtBy: ['lifecycle.authorised-without-sca'],
  },
  'settled-payment-regresses': {
    description: 'A payment falls back from ACSC to ACSP after a read reported it settled.',
    caughtBy: ['lifecycle.final-left'],
  },
  'status-goes-backwards': {
    description: 'After SCA a payment reports ACSP before ACTC (the two steps of its progression swapped).',
    caughtBy: ['lifecycle.transition-allowed'],
  },
  'status-endpoint-disagrees': {
    description: 'GET of a payment keeps reporting transactionStatus RCVD while its status endpoint moves on.',
    caughtBy: ['lifecycle.status-consistent'],
  },
  'deleted-consent-still-readable': {
    description: 'A consent the TPP deleted (terminatedByTpp) still opens the account information endpoints.',
    caughtBy: ['lifecycle.dead-resource-used'],
  },
  'sca-without-effect': {
    description: 'A finalised SCA leaves the payment in RCVD.',
    caughtBy: ['lifecycle.sca-without-effect'],
  },
  'consent-status-outside-set': {
    description: 'The consent status endpoint reports a valid consent as "active", which is not a consentStatus.',
    caughtBy: ['lifecycle.status-known', 'response.schema'],
  },
  'revoked-consent-reports-valid': {
    description: 'GET consent status of a consent the PSU revoked reports valid again on its second read.',
    caughtBy: ['lifecycle.final-left'],
  },
} as const satisfies Record<string, DefectDescription>;
