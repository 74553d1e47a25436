/**
 * The authorisation sub-resource, shared by payments (and their cancellations), consents,
 * confirmation-of-funds consents and signing baskets: start, list, status, update; for the
 * redirect, embedded and decoupled approaches (DOMAIN §4).
 */
import { readJsonBody } from './body.js';
import { confirmationMandated } from './confirmation.js';
import type { RequestContext } from './context.js';
import { findPsu } from './data.js';
import { identifyForDecoupled, decoupledStep } from './decoupled.js';
import { embeddedStep } from './embedded.js';
import { apiError, resourceUnknown } from './errors.js';
import { booleanHeader, psuIdHeader, readTppRedirect } from './headers.js';
import { approve, awaitingSca, createAuthorisation, hasFinalisedAuthorisation, isFinalSca, refusalFor, reject } from './lifecycle.js';
import { type Href, absolute, authorisationPath, authorisationsPath, href, resourcePath, scaRedirectUrl } from './links.js';
import { authorisersOf } from './multilevel.js';
import { sendJson } from './response.js';
import { resolveScaApproach } from './sca-approach.js';
import { oauthScaLinks } from './oauth/bearer.js';
import { type StepAnswer, identifiedPsu, stepBody, stepInput } from './sca-steps.js';
import type { AuthorisableRecord, AuthorisationPurpose, AuthorisationRecord, ScaApproach, Store } from './store.js';

/** Links that let the TPP run a redirect authorisation: scaRedirect (unless defective), scaStatus, and confirmation where the bank mandates it (confirmation.ts). */
export function redirectLinks(ctx: RequestContext, parent: AuthorisableRecord, auth: AuthorisationRecord): Record<string, Href> {
  const oauth = oauthScaLinks(ctx, parent, auth);
  if (oauth) return oauth;
  const links: Record<string, Href> = {};
  if (!ctx.env.defects.has('no-sca-redirect-link')) links.scaRedirect = { href: scaRedirectUrl(ctx, auth.id) };
  if (confirmationMandated(ctx.env, parent, auth)) links.confirmation = href(ctx, authorisationPath(parent, auth.id, auth.purpose));
  links.scaStatus = href(ctx, authorisationPath(parent, auth.id, auth.purpose));
  return links;
}

/** ASPSP-SCA-Approach as the bank reports it (a defect may misreport embedded). */
export function approachHeader(ctx: RequestContext, approach: ScaApproach): Record<string, string> {
  const reported = approach === 'EMBEDDED' && ctx.env.defects.has('embedded-reported-as-redirect') ? 'REDIRECT' : approach;
  return { 'ASPSP-SCA-Approach': reported };
}

/** The approach of a step: the TPP's preference when the request states one, else the one already fixed. */
export function approachFor(ctx: RequestContext, fixed: ScaApproach | undefined): ScaApproach {
  const stated = booleanHeader(ctx, 'TPP-Redirect-Preferred') !== undefined || booleanHeader(ctx, 'TPP-Decoupled-Preferred') !== undefined;
  return stated || !fixed ? resolveScaApproach(ctx) : fixed;
}

/** The link that starts an authorisation explicitly, by approach and whether the PSU is known. */
export function startLinkName(approach: ScaApproach, psuKnown: boolean): string {
  if (approach === 'EMBEDDED') return psuKnown ? 'startAuthorisationWithPsuAuthentication' : 'startAuthorisationWithPsuIdentification';
  if (approach === 'DECOUPLED') return 'startAuthorisationWithPsuIdentification';
  return 'startAuthorisation';
}

/** The PSU-ID of the request when it names a PSU who may authorise the resource. */
function knownPsu(ctx: RequestContext, parent: AuthorisableRecord): string | undefined {
  const id = psuIdHeader(ctx);
  const psu = id ? findPsu(id) : undefined;
  return psu && !refusalFor(ctx.env.store, parent, psu) ? psu.id : undefined;
}

/** An implicitly started embedded or decoupled authorisation: the PSU is identified when PSU-ID names one. */
function implicitStep(ctx: RequestContext, resource: AuthorisableRecord, auth: AuthorisationRecord, approach: ScaApproach): StepAnswer {
  const psuId = knownPsu(ctx, resource);
  if (!psuId) return { scaStatus: auth.scaStatus, next: ['updatePsuIdentification'] };
  auth.psuId = psuId;
  if (approach === 'DECOUPLED') return identifyForDecoupled(ctx, auth, findPsu(psuId)!, false);
  auth.scaStatus = 'psuIdentified';
  return { scaStatus: auth.scaStatus, next: ['updatePsuAuthentication'] };
}

/**
 * The links, headers and extra body fields of a 201 that creates an authorisable resource:
 * implicit start creates the authorisation at once (redirect: its SCA page; embedded and
 * decoupled: its next step); explicit start (asked for, or needed by multilevel SCA) links the
 * authorisations endpoint instead.
 */
export function creationAnswer(
  ctx: RequestContext,
  resource: AuthorisableRecord,
  explicit: boolean,
): { links: Record<string, Href>; headers: Record<string, string>; extra: Record<string, unknown> } {
  const approach = resolveScaApproach(ctx);
  resource.scaApproach = approach;
  const self = resourcePath(resource);
  const explicitStart = explicit || authorisersOf(ctx.env.store, resource) !== undefined;
  const links: Record<string, Href> = {};
  let extra: Record<string, unknown> = {};
  if (explicitStart) {
    links[startLinkName(approach, psuIdHeader(ctx) !== undefined)] = href(ctx, authorisationsPath(resource));
  } else {
    const auth = createAuthorisation(ctx.env.store, resource, approach, {});
    if (approach === 'REDIRECT') Object.assign(links, redirectLinks(ctx, resource, auth));
    else {
      const { next, ...fields } = implicitStep(ctx, resource, auth, approach);
      Object.assign(links, stepLinksOf(ctx, resource, auth, next));
      const { scaStatus: _status, ...rest } = fields;
      extra = rest;
    }
  }
  const ordered: Record<string, Href> = {
    ...(links.scaRedirect ? { scaRedirect: links.scaRedirect } : {}),
    ...Object.fromEntries(Object.entries(links).filter(([k]) => k !== 'scaRedirect' && k !== 'scaStatus')),
    self: href(ctx, self),
    status: href(ctx, `${self}/status`),
    ...(links.scaStatus ? { scaStatus: links.scaStatus } : {}),
  };
  const headers: Record<string, string> = approachHeader(ctx, approach);
  if (!ctx.env.defects.has('no-location-on-201')) headers.Location = absolute(ctx, self);
  return { links: ordered, headers, extra };
}

function stepLinksOf(ctx: RequestContext, parent: AuthorisableRecord, auth: AuthorisationRecord, next: string[]): Record<string, Href> {
  return (stepBody(ctx, parent, auth, { scaStatus: auth.scaStatus, next }, false)._links ?? {}) as Record<string, Href>;
}

/** True while the resource is held by a signing basket that is still open. */
export function heldByBasket(store: Store, parent: AuthorisableRecord): boolean {
  if (parent.kind !== 'payment' && parent.kind !== 'consent') return false;
  const basket = parent.basketId ? store.baskets.get(parent.basketId) : undefined;
  return basket !== undefined && basket.transactionStatus !== 'CANC';
}

function findAuthorisation(ctx: RequestContext, parent: AuthorisableRecord, purpose: AuthorisationPurpose): AuthorisationRecord {
  const id = ctx.params.authorisationId ?? '';
  const auth = ctx.env.store.authorisationsOf(parent, purpose).find((a) => a.id === id);
  if (!auth) {
    throw resourceUnknown(`${purpose === 'cancellation' ? 'Cancellation authorisation' : 'Authorisation'} ${id} does not exist for this ${parent.kind}`, 'authorisationId');
  }
  return auth;
}

/**
 * POST …/authorisations (or …/cancellation-authorisations): explicit start, with the first step's
 * data in the body when the TPP sends it (PSU-ID, password, method); 409 once nothing awaits an
 * SCA; 401 for a PSU who may not authorise the resource (multilevel: not one of its authorisers).
 */
export function startAuthorisation(ctx: RequestContext, parent: AuthorisableRecord, purpose: AuthorisationPurpose = 'authorisation'): void {
  const redirect = readTppRedirect(ctx);
  const body = readJsonBody(ctx, false);
  const { store } = ctx.env;
  if (purpose === 'authorisation' && heldByBasket(store, parent)) {
    throw apiError(400, 'RESOURCE_BLOCKED', `The ${parent.kind} is held by signing basket ${(parent as { basketId?: string }).basketId}; authorise the basket instead`);
  }
  if (!awaitingSca(parent, purpose) || hasFinalisedAuthorisation(store, parent, purpose)) {
    const what = purpose === 'cancellation' ? `cancellation of the ${parent.kind}` : parent.kind === 'basket' ? 'signing basket' : parent.kind;
    throw apiError(409, 'STATUS_INVALID', `The ${what} is not awaiting an authorisation`);
  }
  const fixed = purpose === 'cancellation' && parent.kind === 'payment' ? parent.cancellationApproach : parent.scaApproach;
  const approach = approachFor(ctx, fixed);
  const input = approach === 'REDIRECT' ? undefined : stepInput(body);
  const draft: AuthorisationRecord = { id: '', parent: { kind: parent.kind, id: parent.id }, purpose, scaStatus: 'received', approach, formToken: '', redirect: {}, failedLogins: 0 };
  // The PSU named by PSU-ID must be allowed before anything is created (401 otherwise).
  const psu = identifiedPsu(ctx, parent, draft);
  const auth = createAuthorisation(store, parent, approach, redirect, purpose);
  let answer: StepAnswer;
  if (approach === 'REDIRECT') {
    return sendJson(ctx, 201, { scaStatus: auth.scaStatus, authorisationId: auth.id, _links: redirectLinks(ctx, parent, auth) }, approachHeader(ctx, approach));
  } else if (!psu) {
    answer = { scaStatus: auth.scaStatus, next: ['updatePsuIdentification'] };
  } else if (approach === 'DECOUPLED') {
    answer = identifyForDecoupled(ctx, auth, psu);
  } else {
    answer = embeddedStep(ctx, parent, auth, input!);
  }
  sendJson(ctx, 201, stepBody(ctx, parent, auth, answer, true), approachHeader(ctx, approach));
}

export function listAuthorisations(ctx: RequestContext, parent: AuthorisableRecord, purpose: AuthorisationPurpose = 'authorisation'): void {
  sendJson(ctx, 200, { authorisationIds: ctx.env.store.authorisationsOf(parent, purpose).map((a) => a.id) });
}

export function getScaStatus(ctx: RequestContext, parent: AuthorisableRecord, purpose: AuthorisationPurpose = 'authorisation'): void {
  sendJson(ctx, 200, { scaStatus: findAuthorisation(ctx, parent, purpose).scaStatus });
}

/** PUT {confirmationCode} on an unconfirmed redirect authorisation: finalised, or failed (400 SCA_INVALID). */
function confirm(ctx: RequestContext, parent: AuthorisableRecord, auth: AuthorisationRecord, code: string): void {
  if (auth.scaStatus !== 'unconfirmed') throw apiError(409, 'STATUS_INVALID', `Authorisation ${auth.id} is ${auth.scaStatus}, not awaiting a confirmation code`);
  if (code !== auth.confirmationCode) {
    reject(ctx.env, auth);
    throw apiError(400, 'SCA_INVALID', 'The confirmation code does not match; the authorisation has failed');
  }
  approve(ctx.env, auth, findPsu(auth.psuId!)!);
  sendJson(ctx, 200, { scaStatus: auth.scaStatus, _links: { scaStatus: href(ctx, authorisationPath(parent, auth.id, auth.purpose)) } }, approachHeader(ctx, auth.approach));
}

/**
 * PUT on an authorisation: the next embedded or decoupled step, or the confirmation code of a
 * redirect authorisation; a final authorisation takes nothing more (409), an OTP not twice.
 */
export function updatePsuData(ctx: RequestContext, parent: AuthorisableRecord, purpose: AuthorisationPurpose = 'authorisation'): void {
  const auth = findAuthorisation(ctx, parent, purpose);
  const input = stepInput(readJsonBody(ctx, false));
  if (isFinalSca(auth)) {
    // The defect: the OTP of a finalised authorisation is accepted again.
    if (input.kind === 'otp' && auth.otpUsed && ctx.env.defects.has('otp-accepted-twice')) {
      return sendJson(ctx, 200, stepBody(ctx, parent, auth, { scaStatus: auth.scaStatus, next: [] }, false), approachHeader(ctx, auth.approach));
    }
    throw apiError(409, 'STATUS_INVALID', `Authorisation ${auth.id} is already ${auth.scaStatus}`);
  }
  if (!awaitingSca(parent, purpose)) throw apiError(409, 'STATUS_INVALID', `The ${parent.kind} no longer awaits this authorisation`);
  if (input.kind === 'confirmation') return confirm(ctx, parent, auth, input.code);
  if (auth.approach === 'REDIRECT') {
    throw apiError(
      403,
      'SERVICE_BLOCKED',
      `Authorisation ${auth.id} uses the ${auth.approach} approach; PSU data cannot be sent through the API. ` + `Send the PSU to ${scaRedirectUrl(ctx, auth.id)}`,
    );
  }
  const answer = auth.approach === 'DECOUPLED' ? decoupledStep(ctx, parent, auth, input) : embeddedStep(ctx, parent, auth, input);
  sendJson(ctx, 200, stepBody(ctx, parent, auth, answer, false), approachHeader(ctx, auth.approach));
}
