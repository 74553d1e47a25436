/** What the OAuth checks read from an exchange: form bodies, token requests, authorisation responses. */
import { headerOf, mediaTypeOf, type Exchange } from '../../http/exchange.js';
import { topic } from '../observations.js';

/** The request's form fields (application/x-www-form-urlencoded), or undefined. */
export function requestForm(ex: Exchange): URLSearchParams | undefined {
  if (ex.request.body === undefined) return undefined;
  if (mediaTypeOf(headerOf(ex.request.headers, 'content-type')) !== 'application/x-www-form-urlencoded') return undefined;
  return new URLSearchParams(ex.request.body);
}

/** A token request: a POST of a form with grant_type (RFC 6749 §4.1.3, §4.4.2, §6). */
export function grantTypeOf(ex: Exchange): string | undefined {
  if (ex.request.method.toUpperCase() !== 'POST') return undefined;
  return requestForm(ex)?.get('grant_type') ?? undefined;
}

/** The redirect back to the client (RFC 6749 §4.1.2): a 3xx whose Location carries code or error. */
export function authorizationResponse(ex: Exchange): URL | undefined {
  const res = ex.response;
  if (!res || res.status < 300 || res.status > 399) return undefined;
  const location = headerOf(res.headers, 'location');
  if (!location) return undefined;
  try {
    const url = new URL(location, ex.request.url);
    return url.searchParams.has('code') || url.searchParams.has('error') ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Authorisation codes the bank already exchanged for tokens, by code. */
export const REDEEMED_CODES = topic<true>('oauth-redeemed-codes');
