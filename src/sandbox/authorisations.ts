/**
 * The authorisation sub-resource, shared by payments (and their cancellations), consents,
 * confirmation-of-funds consents and signing baskets: start, list, status, update.
 */
import { readJsonBody } from './body.js';
import type { RequestContext } from './context.js';
import { apiError, resourceUnknown } from './errors.js';
import { readTppRedirect } from './headers.js';
import { awaitingSca, createAuthorisation, hasFinalisedAuthorisation } from './lifecycle.js';
import { type Href, absolute, authorisationPath, authorisationsPath, href, resourcePath, scaRedirectUrl } from './links.js';
import { sendJson } from './response.js';
import { resolveScaApproach } from './sca-approach.js';
import { oauthScaLinks } from './oauth/bearer.js';
import type { AuthorisableRecord, AuthorisationPurpose, AuthorisationRecord, Store } from './store.js';

/** Links that let the TPP run a redirect authorisation: scaRedirect (unless defective) and scaStatus. */
export function redirectLinks(ctx: RequestContext, parent: AuthorisableRecord, auth: AuthorisationRecord): Record<string, Href> {
  const oauth = oauthScaLinks(ctx, parent, auth);
  if (oauth) return oauth;
  const links: Record<string, Href> = {};
  if (!ctx.env.defects.has('no-sca-redirect-link')) links.scaRedirect = { href: scaRedirectUrl(ctx, auth.id) };
  links.scaStatus = href(ctx, authorisationPath(parent, auth.id, auth.purpose));
  return links;
}

/**
 * The links and headers of a 201 that creates an authorisable resource: implicit start creates
 * the authorisation at once and links its SCA page; explicit start links the authorisations
 * endpoint instead.
 */
export function creationAnswer(ctx: RequestContext, resource: AuthorisableRecord, explicit: boolean): { links: Record<string, Href>; headers: Record<string, string> } {
  const approach = resolveScaApproach(ctx);
  const self = resourcePath(resource);
  const sca = explicit ? undefined : redirectLinks(ctx, resource, createAuthorisation(ctx.env.store, resource, approach, {}));
  const links: Record<string, Href> = {
    ...(sca?.scaRedirect ? { scaRedirect: sca.scaRedirect } : {}),
    ...(sca?.scaOAuth ? { scaOAuth: sca.scaOAuth } : {}),
    ...(explicit ? { startAuthorisation: href(ctx, authorisationsPath(resource)) } : {}),
    self: href(ctx, self),
    status: href(ctx, `${self}/status`),
    ...(sca?.scaStatus ? { scaStatus: sca.scaStatus } : {}),
  };
  const headers: Record<string, string> = { 'ASPSP-SCA-Approach': approach };
  if (!ctx.env.defects.has('no-location-on-201')) headers.Location = absolute(ctx, self);
  return { links, headers };
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

/** POST …/authorisations (or …/cancellation-authorisations): explicit start; 409 once nothing awaits an SCA. */
export function startAuthorisation(ctx: RequestContext, parent: AuthorisableRecord, purpose: AuthorisationPurpose = 'authorisation'): void {
  const redirect = readTppRedirect(ctx);
  readJsonBody(ctx, false); // the redirect approach needs no PSU data; the body must still be JSON if sent
  const { store } = ctx.env;
  if (purpose === 'authorisation' && heldByBasket(store, parent)) {
    throw apiError(400, 'RESOURCE_BLOCKED', `The ${parent.kind} is held by signing basket ${(parent as { basketId?: string }).basketId}; authorise the basket instead`);
  }
  if (!awaitingSca(parent, purpose) || hasFinalisedAuthorisation(store, parent, purpose)) {
    const what = purpose === 'cancellation' ? `cancellation of the ${parent.kind}` : parent.kind === 'basket' ? 'signing basket' : parent.kind;
    throw apiError(409, 'STATUS_INVALID', `The ${what} is not awaiting an authorisation`);
  }
  const approach = resolveScaApproach(ctx);
  const auth = createAuthorisation(store, parent, approach, redirect, purpose);
  sendJson(ctx, 201, { scaStatus: auth.scaStatus, authorisationId: auth.id, _links: redirectLinks(ctx, parent, auth) }, { 'ASPSP-SCA-Approach': approach });
}

export function listAuthorisations(ctx: RequestContext, parent: AuthorisableRecord, purpose: AuthorisationPurpose = 'authorisation'): void {
  sendJson(ctx, 200, { authorisationIds: ctx.env.store.authorisationsOf(parent, purpose).map((a) => a.id) });
}

export function getScaStatus(ctx: RequestContext, parent: AuthorisableRecord, purpose: AuthorisationPurpose = 'authorisation'): void {
  sendJson(ctx, 200, { scaStatus: findAuthorisation(ctx, parent, purpose).scaStatus });
}

/** PUT on a redirect authorisation: the PSU authenticates at the bank, not through the TPP. */
export function updatePsuData(ctx: RequestContext, parent: AuthorisableRecord, purpose: AuthorisationPurpose = 'authorisation'): void {
  const auth = findAuthorisation(ctx, parent, purpose);
  readJsonBody(ctx, false);
  throw apiError(
    403,
    'SERVICE_BLOCKED',
    `Authorisation ${auth.id} uses the ${auth.approach} approach; PSU data cannot be sent through the API. ` +
      `Send the PSU to ${scaRedirectUrl(ctx, auth.id)}`,
  );
}
