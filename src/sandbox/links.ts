/** Absolute hrefs for the resources of this bank. */
import type { RequestContext } from './context.js';
import type { AuthorisableRecord, ConsentRecord, PaymentRecord } from './store.js';

export interface Href {
  href: string;
}

const seg = encodeURIComponent;

export function paymentPath(p: PaymentRecord): string {
  return `/v1/${seg(p.service)}/${seg(p.product)}/${seg(p.id)}`;
}

export function consentPath(c: ConsentRecord): string {
  return `/v1/consents/${seg(c.id)}`;
}

export function resourcePath(r: AuthorisableRecord): string {
  return r.kind === 'payment' ? paymentPath(r) : consentPath(r);
}

export function authorisationPath(r: AuthorisableRecord, authorisationId: string): string {
  return `${resourcePath(r)}/authorisations/${seg(authorisationId)}`;
}

export function absolute(ctx: RequestContext, path: string): string {
  return `${ctx.baseUrl}${path}`;
}

export function href(ctx: RequestContext, path: string): Href {
  return { href: absolute(ctx, path) };
}

/** The PSU-facing SCA page of an authorisation. */
export function scaRedirectUrl(ctx: RequestContext, authorisationId: string): string {
  return absolute(ctx, `/sca/${seg(authorisationId)}`);
}
