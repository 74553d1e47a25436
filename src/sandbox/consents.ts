/** Account information consents: creation, reads, deletion and authorisation routes. */
import {
  getScaStatus,
  listAuthorisations,
  creationAnswer,
  startAuthorisation,
  updatePsuData,
} from './authorisations.js';
import { readJsonBody } from './body.js';
import { validateConsentRequest } from './consent-validation.js';
import type { RequestContext } from './context.js';
import { apiError } from './errors.js';
import { explicitAuthorisationPreferred, psuIdHeader, readTppRedirect, requirePsuIpAddress } from './headers.js';
import { consentToday, failOpenAuthorisations, refreshConsent } from './lifecycle.js';
import { type Href, href } from './links.js';
import { sendEmpty, sendJson } from './response.js';
import type { ConsentRecord } from './store.js';

/** POST /v1/consents */
export function createConsent(ctx: RequestContext): void {
  requirePsuIpAddress(ctx);
  const redirect = readTppRedirect(ctx);
  const explicit = explicitAuthorisationPreferred(ctx);
  const day = ctx.env.clock.today();
  const validated = validateConsentRequest(readJsonBody(ctx, true), day);
  const { store } = ctx.env;
  const psuIdHint = psuIdHeader(ctx);
  const consent: ConsentRecord = {
    kind: 'consent',
    id: store.newId(),
    ...validated,
    consentStatus: 'received',
    lastActionDate: day,
    unattendedAccesses: { day, count: 0 },
    reported: new Map(),
    ...(psuIdHint ? { psuIdHint } : {}),
    redirect,
    authorisationIds: [],
    explicitStart: explicit,
  };
  store.consents.set(consent.id, consent);

  const { links, headers, extra } = creationAnswer(ctx, consent, explicit);
  // The defect: the answer calls the new consent valid before any SCA.
  const consentStatus = ctx.env.defects.has('consent-created-valid') ? 'valid' : consent.consentStatus;
  sendJson(ctx, 201, { consentStatus, consentId: consent.id, ...extra, _links: links }, headers);
}

function findConsent(ctx: RequestContext): ConsentRecord {
  const id = ctx.params.consentId ?? '';
  const consent = ctx.env.store.consents.get(id);
  if (!consent) throw apiError(403, 'CONSENT_UNKNOWN', `Consent ${id} does not exist`, 'consentId');
  refreshConsent(consent, consentToday(ctx.env.clock, consent));
  return consent;
}

/** GET /v1/consents/{consentId} */
export function getConsent(ctx: RequestContext): void {
  const c = findConsent(ctx);
  sendJson(ctx, 200, {
    access: c.access,
    recurringIndicator: c.recurringIndicator,
    validUntil: c.validUntil,
    frequencyPerDay: c.frequencyPerDay,
    lastActionDate: c.lastActionDate,
    consentStatus: c.consentStatus,
    ...(c.consentStatus === 'valid' ? { _links: consentLinks(ctx, c) } : {}),
  });
}

/** Where a valid consent's data is read: the account list, and the card account list when cards are covered. */
function consentLinks(ctx: RequestContext, c: ConsentRecord): Record<string, Href> {
  const refs = [...(c.access.accounts ?? []), ...(c.access.balances ?? []), ...(c.access.transactions ?? [])];
  const global = Boolean(c.access.allPsd2 || c.access.availableAccounts || c.access.availableAccountsWithBalance);
  return {
    ...(global || refs.some((r) => r.iban) ? { account: href(ctx, '/v1/accounts') } : {}),
    ...(global || refs.some((r) => r.maskedPan) ? { 'card-account': href(ctx, '/v1/card-accounts') } : {}),
  };
}

/** GET /v1/consents/{consentId}/status */
export function getConsentStatus(ctx: RequestContext): void {
  const { consentStatus } = findConsent(ctx);
  // The defect: the status endpoint calls the consent valid while its SCA is still pending.
  const reported = consentStatus === 'received' && ctx.env.defects.has('consent-valid-before-sca') ? 'valid' : consentStatus;
  sendJson(ctx, 200, { consentStatus: reported });
}

/** DELETE /v1/consents/{consentId}: received → rejected, valid → terminatedByTpp; final stays final. */
export function deleteConsent(ctx: RequestContext): void {
  const c = findConsent(ctx);
  if (c.consentStatus === 'received') c.consentStatus = 'rejected';
  else if (c.consentStatus === 'valid' || c.consentStatus === 'partiallyAuthorised') c.consentStatus = 'terminatedByTpp';
  c.lastActionDate = consentToday(ctx.env.clock, c);
  failOpenAuthorisations(ctx.env.store, c);
  sendEmpty(ctx, 204);
}

export const startConsentAuthorisation = (ctx: RequestContext): void => startAuthorisation(ctx, findConsent(ctx));
export const listConsentAuthorisations = (ctx: RequestContext): void => listAuthorisations(ctx, findConsent(ctx));
export const getConsentScaStatus = (ctx: RequestContext): void => getScaStatus(ctx, findConsent(ctx));
export const updateConsentPsuData = (ctx: RequestContext): void => updatePsuData(ctx, findConsent(ctx));
