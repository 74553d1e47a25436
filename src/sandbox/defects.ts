/**
 * The defect registry: named ways to make the reference bank misbehave in exactly one respect.
 * Every defect names the check ids that must catch it; the clean bank trips none of them.
 */
import type { DefectDescription } from './types.js';

const DEFINITIONS = {
  'status-200-on-initiation': {
    description: 'Payment initiation answers 200 instead of the declared 201.',
    caughtBy: ['response.status-declared'],
  },
  'amount-as-number': {
    description: 'Balance amounts (balanceAmount.amount) are JSON numbers instead of strings.',
    caughtBy: ['response.schema'],
  },
  'json-as-text-plain': {
    description: 'Successful JSON responses carry Content-Type text/plain.',
    caughtBy: ['response.content-type'],
  },
  'no-x-request-id-echo': {
    description: 'Responses carry no X-Request-ID header.',
    caughtBy: ['header.x-request-id-echo'],
  },
  'no-location-on-201': {
    description: 'The 201 responses of payment initiation and consent creation lack the Location header.',
    caughtBy: ['header.location-on-201'],
  },
  'errors-without-tpp-messages': {
    description: 'Error (4xx) bodies are {"error": "<text>"} instead of carrying tppMessages.',
    caughtBy: ['error.tpp-messages'],
  },
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
  'balances-of-unconsented-account': {
    description: "Balances are returned for any of the PSU's accounts, also one the consent does not grant balances for.",
    caughtBy: ['ais.consented-accounts-only'],
  },
  'camt-without-namespace': {
    description: 'camt.053 statements (Accept: application/xml) have a Document root without the ISO 20022 namespace.',
    caughtBy: ['response.xml-wellformed'],
  },
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
  'reset-on-transaction-list': {
    description: 'GET /v1/accounts/{account-id}/transactions is answered by destroying the connection.',
    caughtBy: ['transport.answered'],
  },
  'latin1-bodies': {
    description: 'JSON bodies are encoded in ISO-8859-1 while declared application/json (UTF-8): non-ASCII names arrive as invalid UTF-8.',
    caughtBy: ['response.utf8'],
  },
} as const satisfies Record<string, DefectDescription>;

export type DefectName = keyof typeof DEFINITIONS;

/** All defects the reference bank knows, by name. */
export const DEFECTS: Readonly<Record<string, DefectDescription>> = DEFINITIONS;

export function isDefectName(name: string): name is DefectName {
  return Object.prototype.hasOwnProperty.call(DEFINITIONS, name);
}

/** The defects switched on for one running sandbox; handlers ask `defects.has(name)`. */
export class DefectSet {
  private readonly active: ReadonlySet<DefectName>;

  constructor(names: readonly string[] = []) {
    const unknown = names.filter((n) => !isDefectName(n));
    if (unknown.length > 0) {
      throw new Error(
        `Unknown sandbox defect${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. ` +
          `Known defects: ${Object.keys(DEFINITIONS).join(', ')}`,
      );
    }
    this.active = new Set(names as DefectName[]);
  }

  has(name: DefectName): boolean {
    return this.active.has(name);
  }

  list(): DefectName[] {
    return [...this.active];
  }
}
