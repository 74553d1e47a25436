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
import { ApiError, apiError, message } from './errors.js';
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
  const validated = validateConsentRequest(readJsonBody(ctx, true), day, ctx.env.mode.minFrequencyPerDay);
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
  const { defects } = ctx.env;
  // The defects: Location and the status link name another consent.
  const other = `/v1/consents/${store.newId()}`;
  const answerHeaders = defects.has('location-of-another-consent') ? { ...headers, Location: href(ctx, other).href } : headers;
  const answerLinks = defects.has('consent-status-link-of-another-consent') ? { ...links, status: href(ctx, `${other}/status`) } : links;
  sendJson(ctx, defects.has('consent-creation-200') ? 200 : 201, { consentStatus, consentId: consent.id, ...extra, _links: answerLinks, ...ctx.env.mode.creationFields(answerLinks) }, answerHeaders);
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
    validUntil: ctx.env.defects.has('valid-until-as-datetime') ? `${c.validUntil}T23:59:59Z` : c.validUntil,
    frequencyPerDay: ctx.env.defects.has('frequency-per-day-as-string') ? String(c.frequencyPerDay) : c.frequencyPerDay,
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

/** How often the status of each revoked consent was read (for the revoked-consent-reports-valid defect). */
const revokedReads = new WeakMap<ConsentRecord, number>();

/** GET /v1/consents/{consentId}/status */
export function getConsentStatus(ctx: RequestContext): void {
  const consent = findConsent(ctx);
  const { consentStatus } = consent;
  const { defects } = ctx.env;
  // The defect: the status endpoint calls the consent valid while its SCA is still pending.
  let reported: string = consentStatus === 'received' && defects.has('consent-valid-before-sca') ? 'valid' : consentStatus;
  if (reported === 'valid' && defects.has('consent-status-outside-set')) reported = 'active';
  // The defect: a revoked consent is reported revoked once, and valid again afterwards.
  if (consentStatus === 'revokedByPsu' && defects.has('revoked-consent-reports-valid')) {
    const reads = (revokedReads.get(consent) ?? 0) + 1;
    revokedReads.set(consent, reads);
    if (reads > 1) reported = 'valid';
  }
  sendJson(ctx, 200, { consentStatus: reported });
}

/** DELETE /v1/consents/{consentId}: received → rejected, valid → terminatedByTpp; final stays final. */
export function deleteConsent(ctx: RequestContext): void {
  const c = findConsent(ctx);
  // The defect: deleting a consent that is already final fails inside the bank.
  if (ctx.env.defects.has('second-consent-deletion-500') && c.consentStatus === 'terminatedByTpp') throw new ApiError(500, [message('INTERNAL_ERROR', 'consent already deleted')]);
  if (c.consentStatus === 'received') c.consentStatus = 'rejected';
  else if (c.consentStatus === 'valid' || c.consentStatus === 'partiallyAuthorised') c.consentStatus = 'terminatedByTpp';
  c.lastActionDate = consentToday(ctx.env.clock, c);
  failOpenAuthorisations(ctx.env.store, c);
  if (ctx.env.defects.has('consent-deletion-200')) return sendJson(ctx, 200, { consentStatus: c.consentStatus });
  sendEmpty(ctx, 204);
}

export const startConsentAuthorisation = (ctx: RequestContext): void => startAuthorisation(ctx, findConsent(ctx));
export const listConsentAuthorisations = (ctx: RequestContext): void => listAuthorisations(ctx, findConsent(ctx));
export const getConsentScaStatus = (ctx: RequestContext): void => getScaStatus(ctx, findConsent(ctx));
export const updateConsentPsuData = (ctx: RequestContext): void => updatePsuData(ctx, findConsent(ctx));
