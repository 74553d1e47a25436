/** The authorisation sub-resource, shared by payments and consents (start, list, status, update). */
import { readJsonBody } from './body.js';
import type { RequestContext } from './context.js';
import { apiError, resourceUnknown } from './errors.js';
import { readTppRedirect } from './headers.js';
import { awaitingSca, createAuthorisation, hasFinalisedAuthorisation } from './lifecycle.js';
import { type Href, absolute, authorisationPath, href, resourcePath, scaRedirectUrl } from './links.js';
import { sendJson } from './response.js';
import { resolveScaApproach } from './sca-approach.js';
import type { AuthorisableRecord, AuthorisationRecord } from './store.js';

/** Links that let the TPP run a redirect authorisation: scaRedirect (unless defective) and scaStatus. */
export function redirectLinks(ctx: RequestContext, parent: AuthorisableRecord, auth: AuthorisationRecord): Record<string, Href> {
  const links: Record<string, Href> = {};
  if (!ctx.env.defects.has('no-sca-redirect-link')) links.scaRedirect = { href: scaRedirectUrl(ctx, auth.id) };
  links.scaStatus = href(ctx, authorisationPath(parent, auth.id));
  return links;
}

/**
 * The links and headers of a 201 that creates an authorisable resource (payment or consent):
 * implicit start creates the authorisation at once and links its SCA page; explicit start
 * links the authorisations endpoint instead.
 */
export function creationAnswer(ctx: RequestContext, resource: AuthorisableRecord, explicit: boolean): { links: Record<string, Href>; headers: Record<string, string> } {
  const approach = resolveScaApproach(ctx);
  const self = resourcePath(resource);
  const sca = explicit ? undefined : redirectLinks(ctx, resource, createAuthorisation(ctx.env.store, resource, approach, {}));
  const links: Record<string, Href> = {
    ...(sca?.scaRedirect ? { scaRedirect: sca.scaRedirect } : {}),
    ...(explicit ? { startAuthorisation: href(ctx, `${self}/authorisations`) } : {}),
    self: href(ctx, self),
    status: href(ctx, `${self}/status`),
    ...(sca?.scaStatus ? { scaStatus: sca.scaStatus } : {}),
  };
  const headers: Record<string, string> = { 'ASPSP-SCA-Approach': approach };
  if (!ctx.env.defects.has('no-location-on-201')) headers.Location = absolute(ctx, self);
  return { links, headers };
}

function findAuthorisation(ctx: RequestContext, parent: AuthorisableRecord): AuthorisationRecord {
  const id = ctx.params.authorisationId ?? '';
  const auth = parent.authorisationIds.includes(id) ? ctx.env.store.authorisations.get(id) : undefined;
  if (!auth) throw resourceUnknown(`Authorisation ${id} does not exist for this ${parent.kind}`, 'authorisationId');
  return auth;
}

/** POST …/authorisations: explicit start; 409 once the resource no longer awaits SCA. */
export function startAuthorisation(ctx: RequestContext, parent: AuthorisableRecord): void {
  const redirect = readTppRedirect(ctx);
  readJsonBody(ctx, false); // the redirect approach needs no PSU data; the body must still be JSON if sent
  if (!awaitingSca(parent) || hasFinalisedAuthorisation(ctx.env.store, parent)) {
    throw apiError(409, 'STATUS_INVALID', `The ${parent.kind} is not awaiting an authorisation`);
  }
  const approach = resolveScaApproach(ctx);
  const auth = createAuthorisation(ctx.env.store, parent, approach, redirect);
  sendJson(
    ctx,
    201,
    { scaStatus: auth.scaStatus, authorisationId: auth.id, _links: redirectLinks(ctx, parent, auth) },
    { 'ASPSP-SCA-Approach': approach },
  );
}

export function listAuthorisations(ctx: RequestContext, parent: AuthorisableRecord): void {
  sendJson(ctx, 200, { authorisationIds: [...parent.authorisationIds] });
}

export function getScaStatus(ctx: RequestContext, parent: AuthorisableRecord): void {
  const auth = findAuthorisation(ctx, parent);
  sendJson(ctx, 200, { scaStatus: auth.scaStatus });
}

/** PUT on a redirect authorisation: the PSU authenticates at the bank, not through the TPP. */
export function updatePsuData(ctx: RequestContext, parent: AuthorisableRecord): void {
  const auth = findAuthorisation(ctx, parent);
  readJsonBody(ctx, false);
  throw apiError(
    403,
    'SERVICE_BLOCKED',
    `Authorisation ${auth.id} uses the ${auth.approach} approach; PSU data cannot be sent through the API. ` +
      `Send the PSU to ${absolute(ctx, `/sca/${auth.id}`)}`,
  );
}
