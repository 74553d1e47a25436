/** Absolute hrefs for the resources of this bank. */
import type { RequestContext } from './context.js';
import type { AuthorisableRecord, AuthorisationPurpose, PaymentRecord } from './store.js';

export interface Href {
  href: string;
}

const seg = encodeURIComponent;

export function paymentPath(p: PaymentRecord): string {
  return `/v1/${seg(p.service)}/${seg(p.product)}/${seg(p.id)}`;
}

/** Where a resource lives: payment, AIS consent, confirmation-of-funds consent (v2) or signing basket. */
export function resourcePath(r: AuthorisableRecord): string {
  switch (r.kind) {
    case 'payment':
      return paymentPath(r);
    case 'consent':
      return `/v1/consents/${seg(r.id)}`;
    case 'fundsConsent':
      return `/v2/consents/confirmation-of-funds/${seg(r.id)}`;
    case 'basket':
      return `/v1/signing-baskets/${seg(r.id)}`;
  }
}

/** The collection of a resource's authorisations, or of a payment's cancellation authorisations. */
export function authorisationsPath(r: AuthorisableRecord, purpose: AuthorisationPurpose = 'authorisation'): string {
  return `${resourcePath(r)}/${purpose === 'cancellation' ? 'cancellation-authorisations' : 'authorisations'}`;
}

export function authorisationPath(r: AuthorisableRecord, authorisationId: string, purpose: AuthorisationPurpose = 'authorisation'): string {
  return `${authorisationsPath(r, purpose)}/${seg(authorisationId)}`;
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
