/**
 * Facts about authorisations learned from exchanges, for the SCA checks that span exchanges: the
 * SCA methods offered to each authorisation, whether it was already reported final, and where the
 * TPP asked the PSU to be sent back after the redirect SCA page.
 */
import { headerOf, type Exchange } from '../../http/exchange.js';
import type { CheckContext } from '../check.js';
import { topic, type Observations } from '../observations.js';

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The authenticationMethodIds offered to an authorisation, by authorisationId. */
export const SCA_METHODS_OFFERED = topic<string[]>('sca-methods-offered');
/** The final scaStatus an authorisation was reported in, by authorisationId. */
export const SCA_FINAL = topic<string>('sca-final');
/** TPP-Redirect-URI and TPP-Nok-Redirect-URI for an SCA page, by the page's origin and path. */
export interface RedirectTarget {
  redirectUri: string;
  nokRedirectUri?: string;
}
export const SCA_REDIRECT_TARGETS = topic<RedirectTarget>('sca-redirect-targets');

export const FINAL_SCA_STATUSES = ['finalised', 'failed', 'exempted'];

/** The href of a named link of a JSON body. */
export function linkHref(body: unknown, name: string): string | undefined {
  const links = isObject(body) ? body['_links'] : undefined;
  const link = isObject(links) ? links[name] : undefined;
  const href = isObject(link) ? link['href'] : undefined;
  return typeof href === 'string' && href !== '' ? href : undefined;
}

/** The authorisation an exchange is about: its path's authorisationId, else the answer's authorisationId or scaStatus link. */
export function authorisationIdOf(ctx: CheckContext): string | undefined {
  const fromPath = authorisationIdInPath(ctx);
  if (fromPath) return fromPath;
  const body = ctx.responseJson;
  const id = isObject(body) ? body['authorisationId'] : undefined;
  if (typeof id === 'string' && id !== '') return id;
  const href = linkHref(body, 'scaStatus');
  return href ? authorisationIdInHref(href) : undefined;
}

/** The authorisationId (or cancellation's) of the operation's path, when it names one. */
export function authorisationIdInPath(ctx: CheckContext): string | undefined {
  return ctx.match?.pathParams['authorisationId'] ?? ctx.match?.pathParams['cancellationId'];
}

/** The authorisationId in the path of an authorisation link. */
export function authorisationIdInHref(href: string): string | undefined {
  const m = /\/(?:authorisations|cancellation-authorisations)\/([^/?#]+)/.exec(href);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

/** An SCA page's key: origin and path of its URL (the query left out). */
export function pageKey(url: string, base?: string): string | undefined {
  try {
    const u = new URL(url, base);
    return `${u.origin}${u.pathname}`;
  } catch {
    return undefined;
  }
}

export function methodIds(value: unknown): string[] {
  return (Array.isArray(value) ? value : []).map((m) => (isObject(m) ? m['authenticationMethodId'] : undefined)).filter((id): id is string => typeof id === 'string');
}

function learnAuthorisation(ex: Exchange, ctx: CheckContext, store: Observations): void {
  const body = ctx.responseJson;
  const status = ex.response!.status;
  if (!isObject(body) || status < 200 || status > 299) return;
  const id = authorisationIdOf(ctx);
  if (!id) return;
  const offered = methodIds(body['scaMethods']);
  if (offered.length) store.set(SCA_METHODS_OFFERED, id, offered);
  const scaStatus = body['scaStatus'];
  if (typeof scaStatus === 'string' && FINAL_SCA_STATUSES.includes(scaStatus) && ctx.match?.pathParams['authorisationId']) store.set(SCA_FINAL, id, scaStatus);
}

function learnRedirectTarget(ex: Exchange, ctx: CheckContext, store: Observations): void {
  const page = linkHref(ctx.responseJson, 'scaRedirect');
  const redirectUri = headerOf(ex.request.headers, 'tpp-redirect-uri');
  if (!page || !redirectUri) return;
  const key = pageKey(page, ex.request.url);
  const nokRedirectUri = headerOf(ex.request.headers, 'tpp-nok-redirect-uri');
  if (key) store.set(SCA_REDIRECT_TARGETS, key, { redirectUri, ...(nokRedirectUri ? { nokRedirectUri } : {}) });
}

export const scaLearners = [learnAuthorisation, learnRedirectTarget];
