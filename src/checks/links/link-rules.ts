/**
 * Which hyperlinks a response must carry, by operation and by the SCA approach the bank chose
 * (ASPSP-SCA-Approach). Data, not code: each rule is "at least one of these names".
 * Sources: NextGenPSD2 IG §5.3 (payment initiation response), §6.3 (consent), §7 (authorisation
 * sub-resources); DOMAIN §4.2 and §4.4.
 */
export interface LinkRule {
  anyOf: string[];
  why: string;
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
const CREATES = new Set(['initiatePayment', 'createConsent', 'createSigningBasket']);
/** Operations that create an authorisation sub-resource. */
const STARTS_AUTHORISATION = new Set([
  'startPaymentAuthorisation',
  'startPaymentInitiationCancellationAuthorisation',
  'startConsentAuthorisation',
  'startSigningBasketAuthorisation',
]);
/** Final statuses of a just-created resource that need no further links. */
const REJECTED = new Set(['RJCT', 'rejected']);

function creationRules(approach: string, body: Record<string, unknown>): LinkRule[] {
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

function authorisationRules(approach: string, body: Record<string, unknown>): LinkRule[] {
  const rules: LinkRule[] = [{ anyOf: ['scaStatus'], why: 'the link to the authorisation status' }];
  if (approach === 'REDIRECT' && body['scaStatus'] !== 'exempted') {
    rules.push({ anyOf: ['scaRedirect', 'scaOAuth'], why: 'redirect SCA needs the link the PSU is sent to' });
  }
  return rules;
}

/** The rules for an operation, or undefined when the operation has none. */
export function requiredLinks(operationId: string, approach: string, body: Record<string, unknown>): LinkRule[] | undefined {
  if (CREATES.has(operationId)) return creationRules(approach, body);
  if (STARTS_AUTHORISATION.has(operationId)) return authorisationRules(approach, body);
  return undefined;
}
