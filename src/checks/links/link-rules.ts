/**
 * Which hyperlinks a response must carry, by operation and by the SCA approach the bank chose
 * (ASPSP-SCA-Approach). Data, not code: each rule is "at least one of these names", in the _links
 * of the body or of an object inside it (an account of a list).
 * Sources: NextGenPSD2 IG §5.3 (payment initiation response), §5.8 (cancellation), §6.3 (consent),
 * §6.5 (account details), §7 (authorisation sub-resources), §8 (signing baskets); DOMAIN §4.2, §4.4.
 */
import { referenceOf, sameAccount } from '../ais/consent-facts.js';
import type { AccountReference, ConsentAccessFact } from '../observations.js';

export interface LinkRule {
  anyOf: string[];
  why: string;
  /** Dotted path of the object whose _links must hold the link (accounts.0); the body when absent. */
  at?: string;
}

/** What the rules may look at besides the operation. */
export interface LinkContext {
  /** ASPSP-SCA-Approach of the response, upper-case ('' when absent). */
  approach: string;
  body: Record<string, unknown>;
  /** What the request's consent grants, when an earlier exchange showed it. */
  consent?: ConsentAccessFact;
}

const START_AUTHORISATION = [
  'startAuthorisation',
  'startAuthorisationWithPsuIdentification',
  'startAuthorisationWithPsuAuthentication',
  'startAuthorisationWithEncryptedPsuAuthentication',
  'startAuthorisationWithAuthenticationMethodSelection',
  'startAuthorisationWithTransactionAuthorisation',
];

const EMBEDDED_NEXT = [
  ...START_AUTHORISATION,
  'updatePsuIdentification',
  'updatePsuAuthentication',
  'updateEncryptedPsuAuthentication',
  'selectAuthenticationMethod',
  'authoriseTransaction',
];

/** Operations that create a resource needing authorisation. */
export const CREATES = new Set(['initiatePayment', 'createConsent', 'createSigningBasket', 'createConsentConfirmationOfFunds']);
/** Operations that create an authorisation sub-resource. */
export const STARTS_AUTHORISATION = new Set([
  'startPaymentAuthorisation',
  'startPaymentInitiationCancellationAuthorisation',
  'startConsentAuthorisation',
  'startSigningBasketAuthorisation',
  'startConsentConfirmationOfFundsAuthorisation',
]);
/** Operations that update PSU data on an authorisation (the embedded and decoupled steps, the confirmation code). */
export const UPDATES_PSU_DATA = new Set([
  'updatePaymentPsuData',
  'updatePaymentCancellationPsuData',
  'updateConsentsPsuData',
  'updateSigningBasketPsuData',
  'updateConsentConfirmationOfFundsPsuData',
]);
/** Account reads whose accounts link to the balances and transactions the consent allows. */
const ACCOUNT_DETAILS: Readonly<Record<string, { list?: string; item?: string }>> = {
  getAccountList: { list: 'accounts' },
  getCardAccountList: { list: 'cardAccounts' },
  readAccountDetails: { item: 'account' },
  readCardAccountDetails: { item: 'cardAccount' },
};
/** Final statuses of a just-created resource that need no further links. */
const REJECTED = new Set(['RJCT', 'rejected']);

function creationRules({ approach, body }: LinkContext): LinkRule[] {
  const status = body['transactionStatus'] ?? body['consentStatus'];
  if (typeof status === 'string' && REJECTED.has(status)) return [];
  const rules: LinkRule[] = [
    { anyOf: ['self'], why: 'the link to the created resource' },
    { anyOf: ['status'], why: 'the link to read its status' },
  ];
  const links = (body['_links'] ?? {}) as Record<string, unknown>;
  switch (approach) {
    case 'REDIRECT':
      rules.push({ anyOf: ['scaRedirect', 'scaOAuth', ...START_AUTHORISATION], why: 'redirect SCA needs the redirect link or an explicit start' });
      if (links['scaRedirect'] !== undefined) rules.push({ anyOf: ['scaStatus'], why: 'an implicitly created authorisation has a status link' });
      break;
    case 'DECOUPLED':
      rules.push({ anyOf: ['scaStatus', ...START_AUTHORISATION], why: 'decoupled SCA is followed through the scaStatus link' });
      break;
    case 'EMBEDDED':
      rules.push({ anyOf: [...EMBEDDED_NEXT, 'scaStatus'], why: 'embedded SCA needs the link of the next authorisation step' });
      break;
    default:
      break;
  }
  return rules;
}

function authorisationRules(c: LinkContext): LinkRule[] {
  const { approach, body } = c;
  const rules: LinkRule[] = [{ anyOf: ['scaStatus'], why: 'the link to the authorisation status' }];
  if (approach === 'REDIRECT' && body['scaStatus'] !== 'exempted') {
    rules.push({ anyOf: ['scaRedirect', 'scaOAuth'], why: 'redirect SCA needs the link the PSU is sent to' });
  }
  return [...rules, ...nextStepRules(c)];
}

const FINAL_SCA = new Set(['finalised', 'failed', 'exempted']);

/**
 * Embedded and decoupled steps (DOMAIN §4.2, §4.4): the answer links the step the TPP takes next.
 * Offered methods need selectAuthenticationMethod; an identified embedded PSU needs
 * updatePsuAuthentication; a chosen embedded method needs authoriseTransaction.
 */
function nextStepRules({ approach, body }: LinkContext): LinkRule[] {
  const status = body['scaStatus'];
  if (typeof status !== 'string' || FINAL_SCA.has(status) || (approach !== 'EMBEDDED' && approach !== 'DECOUPLED')) return [];
  const rules: LinkRule[] = [];
  const methods = body['scaMethods'];
  if (Array.isArray(methods) && methods.length > 1) {
    rules.push({ anyOf: ['selectAuthenticationMethod'], why: 'the PSU has several SCA methods: the TPP selects one' });
  }
  if (approach === 'EMBEDDED' && status === 'psuIdentified') {
    rules.push({ anyOf: ['updatePsuAuthentication', 'updateEncryptedPsuAuthentication'], why: 'an identified PSU authenticates next (embedded)' });
  }
  if (approach === 'EMBEDDED' && status === 'scaMethodSelected') {
    rules.push({ anyOf: ['authoriseTransaction'], why: 'the chosen method\'s challenge is answered next (embedded)' });
  }
  return rules;
}

/** A 202 to DELETE: the cancellation must be authorised, so the TPP needs the link to start that. */
function cancellationRules(): LinkRule[] {
  return [{ anyOf: START_AUTHORISATION, why: 'the cancellation needs an authorisation; the 202 names where to start it' }];
}

function granted(list: AccountReference[] | undefined, account: AccountReference): boolean {
  return (list ?? []).some((g) => sameAccount(account, g));
}

/** Each account links to its balances and transactions where the consent allows reading them. */
function accountRules({ body, consent }: LinkContext, where: { list?: string; item?: string }): LinkRule[] {
  if (!consent || (consent.global !== undefined && consent.global !== 'allPsd2')) return [];
  const items: Array<[string, unknown]> = where.list
    ? (Array.isArray(body[where.list]) ? (body[where.list] as unknown[]) : []).map((a, i) => [`${where.list}.${i}`, a])
    : [[where.item!, body[where.item!]]];
  const rules: LinkRule[] = [];
  for (const [at, item] of items) {
    const ref = referenceOf(item);
    if (!ref) continue;
    const all = consent.global === 'allPsd2';
    if (all || granted(consent.balances, ref)) rules.push({ at, anyOf: ['balances'], why: 'the consent grants reading its balances' });
    if (all || granted(consent.transactions, ref)) rules.push({ at, anyOf: ['transactions'], why: 'the consent grants reading its transactions' });
  }
  return rules;
}

/** True when the operation has link rules at all. */
export function hasLinkRules(operationId: string): boolean {
  return CREATES.has(operationId) || STARTS_AUTHORISATION.has(operationId) || UPDATES_PSU_DATA.has(operationId) || operationId === 'cancelPayment' || operationId in ACCOUNT_DETAILS;
}

/** The rules for an operation's response, or undefined when the operation has none. */
export function requiredLinks(operationId: string, c: LinkContext): LinkRule[] | undefined {
  if (CREATES.has(operationId)) return creationRules(c);
  if (STARTS_AUTHORISATION.has(operationId)) return authorisationRules(c);
  if (UPDATES_PSU_DATA.has(operationId)) return nextStepRules(c);
  if (operationId === 'cancelPayment') return cancellationRules();
  const details = ACCOUNT_DETAILS[operationId];
  if (details) return accountRules(c, details);
  return undefined;
}
