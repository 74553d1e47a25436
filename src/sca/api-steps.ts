/**
 * What the embedded and decoupled drivers share: the PSU whose credentials they use, a call on a
 * link the bank gave (never a path the driver builds), and reading the answer's links and status.
 */
import { randomUUID } from 'node:crypto';
import { headerOf, type Exchange } from '../http/exchange.js';
import type { Profile, PsuCredentials } from '../profile/types.js';
import { resolveHref } from '../scenario/href.js';
import type { ScaDriveRequest } from './driver.js';

export const FINAL_SCA_STATUSES = ['finalised', 'failed', 'exempted'];

/** The PSU of the flow: the PSU-ID the started step sent, else the profile's PSU; with the profile's credentials for it. */
export function psuOf(request: ScaDriveRequest): PsuCredentials {
  const profile: Profile = request.session.profile;
  const id = headerOf(request.startedRequest?.headers, 'psu-id') ?? profile.psu.id;
  if (id === profile.psu.id) return { id, ...(profile.psu.password ? { password: profile.psu.password } : {}), ...(profile.psu.otp ? { otp: profile.psu.otp } : {}) };
  return profile.multilevel?.psus.find((p) => p.id === id) ?? { id };
}

export type Json = Record<string, unknown>;

export const asObject = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});

/** The href of a link in an answer's _links. */
export function hrefOf(body: unknown, name: string): string | undefined {
  const href = asObject(asObject(asObject(body)['_links'])[name])['href'];
  return typeof href === 'string' && href !== '' ? href : undefined;
}

export function scaStatusOf(body: unknown): string | undefined {
  const s = asObject(body)['scaStatus'];
  return typeof s === 'string' ? s : undefined;
}

/** The authorisationId of an answer, or the last path segment of its scaStatus link. */
export function authorisationIdOf(body: unknown): string | undefined {
  const id = asObject(body)['authorisationId'];
  if (typeof id === 'string' && id !== '') return id;
  const href = hrefOf(body, 'scaStatus');
  const m = href ? /\/(?:authorisations|cancellation-authorisations)\/([^/?#]+)/.exec(href) : null;
  return m ? decodeURIComponent(m[1]!) : undefined;
}

export interface Answer {
  exchange: Exchange;
  status: number;
  body: unknown;
}

/** One call on a link the bank gave, as the PSU's TPP: PSU-ID and PSU-IP-Address, a JSON body. */
export async function callLink(request: ScaDriveRequest, method: 'GET' | 'POST' | 'PUT', href: string, psuId: string, body?: unknown): Promise<Answer | string> {
  const { session } = request;
  const { exchange } = await session.send({
    method,
    url: resolveHref(session.baseUrl, href).toString(),
    headers: {
      'x-request-id': randomUUID(),
      'psu-id': psuId,
      'psu-ip-address': session.profile.psu.ipAddress,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    origin: request.origin,
  });
  if (!exchange.response) return `${method} ${href} got no answer: ${exchange.error?.message}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(exchange.response.body);
  } catch {
    parsed = undefined;
  }
  return { exchange, status: exchange.response.status, body: parsed };
}

/** The method to choose among the offered ones: the wanted one when offered, else the first. */
export function chooseMethod(body: unknown, wanted: string | undefined): string | undefined {
  const methods = asObject(body)['scaMethods'];
  const ids = (Array.isArray(methods) ? methods : []).map((m) => asObject(m)['authenticationMethodId']).filter((id): id is string => typeof id === 'string');
  return wanted && ids.includes(wanted) ? wanted : ids[0];
}

export const describeAnswer = (a: Answer): string => `${a.status} ${a.exchange.response?.body.slice(0, 200) ?? ''}`;
