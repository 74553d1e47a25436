/**
 * Confirmation-of-funds consents (PIIS consent 2.0, /v2/consents/confirmation-of-funds): creation,
 * reads, deletion and the authorisation routes. A valid one lets the TPP ask POST
 * /v1/funds-confirmations about its account with the Consent-ID header.
 */
import { creationAnswer, getScaStatus, listAuthorisations, startAuthorisation, updatePsuData } from './authorisations.js';
import { readJsonBody } from './body.js';
import type { RequestContext } from './context.js';
import { accountByIban } from './data.js';
import { apiError, formatError } from './errors.js';
import { explicitAuthorisationPreferred, psuIdHeader, readTppRedirect } from './headers.js';
import { failOpenAuthorisations } from './lifecycle.js';
import { sendEmpty, sendJson } from './response.js';
import type { AccountRef, FundsConsentRecord } from './store.js';
import { Issues, type Json, accountReferenceField, dateField, isObject, stringField } from './validation.js';

interface FundsConsentRequest {
  account: AccountRef;
  extra: Json;
}

function validateRequest(body: unknown): FundsConsentRequest {
  if (!isObject(body)) throw formatError('The confirmation-of-funds consent body must be a JSON object', 'body');
  const issues = new Issues();
  const account = accountReferenceField(body, 'account', '', issues, true, ['iban']);
  const extra: Json = {};
  const put = (k: string, v: unknown): void => {
    if (v !== undefined) extra[k] = v;
  };
  put('cardNumber', stringField(body, 'cardNumber', '', issues, false, { maxLength: 35 }));
  put('cardExpiryDate', dateField(body, 'cardExpiryDate', '', issues, false));
  put('cardInformation', stringField(body, 'cardInformation', '', issues, false, { maxLength: 140 }));
  put('registrationInformation', stringField(body, 'registrationInformation', '', issues, false, { maxLength: 140 }));
  issues.throwIfAny();
  const iban = account!.iban as string;
  const held = accountByIban(iban);
  if (!held) throw apiError(400, 'RESOURCE_UNKNOWN', `Account ${iban} is not kept at this bank`, 'account.iban');
  if (!held.piisEnabled) throw apiError(400, 'NO_PIIS_ACTIVATION', `Account ${iban} is not enabled for confirmation of funds`, 'account');
  return { account: { iban, ...(typeof account!.currency === 'string' ? { currency: account!.currency } : {}) }, extra };
}

/** POST /v2/consents/confirmation-of-funds */
export function createFundsConsent(ctx: RequestContext): void {
  const redirect = readTppRedirect(ctx);
  const explicit = explicitAuthorisationPreferred(ctx);
  const { account, extra } = validateRequest(readJsonBody(ctx, true));
  const { store } = ctx.env;
  const psuIdHint = psuIdHeader(ctx);
  const consent: FundsConsentRecord = {
    kind: 'fundsConsent',
    id: store.newId(),
    account,
    ...extra,
    consentStatus: 'received',
    ...(psuIdHint ? { psuIdHint } : {}),
    redirect,
    authorisationIds: [],
    explicitStart: explicit,
  };
  store.fundsConsents.set(consent.id, consent);
  const answer = creationAnswer(ctx, consent, explicit);
  sendJson(ctx, 201, { consentStatus: consent.consentStatus, consentId: consent.id, ...answer.extra, _links: answer.links }, answer.headers);
}

export function findFundsConsent(ctx: RequestContext, id: string, path: string): FundsConsentRecord {
  const consent = ctx.env.store.fundsConsents.get(id);
  if (!consent) throw apiError(403, 'CONSENT_UNKNOWN', `Confirmation-of-funds consent ${id} does not exist`, path);
  return consent;
}

const fromPath = (ctx: RequestContext): FundsConsentRecord => findFundsConsent(ctx, ctx.params.consentId ?? '', 'consentId');

/** GET /v2/consents/confirmation-of-funds/{consentId} */
export function getFundsConsent(ctx: RequestContext): void {
  const c = fromPath(ctx);
  const { account, cardNumber, cardExpiryDate, cardInformation, registrationInformation, consentStatus } = c;
  sendJson(ctx, 200, {
    account,
    ...(cardNumber ? { cardNumber } : {}),
    ...(cardExpiryDate ? { cardExpiryDate } : {}),
    ...(cardInformation ? { cardInformation } : {}),
    ...(registrationInformation ? { registrationInformation } : {}),
    consentStatus,
  });
}

/** GET /v2/consents/confirmation-of-funds/{consentId}/status */
export function getFundsConsentStatus(ctx: RequestContext): void {
  sendJson(ctx, 200, { consentStatus: fromPath(ctx).consentStatus });
}

/** DELETE /v2/consents/confirmation-of-funds/{consentId}: received → rejected, valid → terminatedByTpp. */
export function deleteFundsConsent(ctx: RequestContext): void {
  const c = fromPath(ctx);
  if (c.consentStatus === 'received') c.consentStatus = 'rejected';
  else if (c.consentStatus === 'valid') c.consentStatus = 'terminatedByTpp';
  failOpenAuthorisations(ctx.env.store, c);
  sendEmpty(ctx, 204);
}

export const startFundsConsentAuthorisation = (ctx: RequestContext): void => startAuthorisation(ctx, fromPath(ctx));
export const listFundsConsentAuthorisations = (ctx: RequestContext): void => listAuthorisations(ctx, fromPath(ctx));
export const getFundsConsentScaStatus = (ctx: RequestContext): void => getScaStatus(ctx, fromPath(ctx));
export const updateFundsConsentPsuData = (ctx: RequestContext): void => updatePsuData(ctx, fromPath(ctx));
