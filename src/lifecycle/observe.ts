import { headerOf, type Exchange } from '../http/exchange.js';
import type { OperationMatch } from '../spec/types.js';
import { isObpPath, observeObp } from './observe-obp.js';

/** A status the bank reported for one resource, as one exchange revealed it. */
export interface Observation {
  machine: string;
  /** Resource key, e.g. payment:1234, consent:c1, authorisation:a1, basket:b1. */
  resource: string;
  status: string;
  /** The operation that revealed it; `implied` when it follows from the answer (204 on cancel). */
  source: string;
  /** Creating operations: the first status of a new resource. */
  creates: boolean;
  /** For authorisations: the resource they authorise, and whether they cancel it. */
  parent?: string;
  cancellation?: boolean;
}

/** Something that happened to a resource besides a status: it was deleted, or used for access. */
export interface ResourceEvent {
  /** deleted: DELETE succeeded; used: account data asked for under a consent; authorises: an authorisation of `parent` exists. */
  kind: 'deleted' | 'used' | 'authorises';
  resource: string;
  /** For `used`: the bank served data (2xx). */
  served?: boolean;
  /** For `authorises`: the resource authorised, and whether the authorisation cancels it. */
  parent?: string;
  cancellation?: boolean;
}

export interface Observed {
  observations: Observation[];
  events: ResourceEvent[];
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The resource a path names, from the path's parameters (payment, consent or basket). */
function parentOf(match: OperationMatch): string | undefined {
  const p = match.pathParams;
  if (p['paymentId']) return `payment:${p['paymentId']}`;
  if (p['basketId']) return `basket:${p['basketId']}`;
  if (p['consentId']) return `consent:${p['consentId']}`;
  return undefined;
}

const machineOfParent = (parent: string): string =>
  parent.startsWith('payment:') ? 'transactionStatus' : parent.startsWith('basket:') ? 'basketStatus' : 'consentStatus';

const CREATES = new Set(['initiatePayment', 'createConsent', 'createSigningBasket']);
const isAis = (template: string) => /^\/v1\/(accounts|card-accounts)(\/|$)/.test(template);
const isCancellation = (template: string) => template.includes('/cancellation-authorisations');

/** The authorisation a creation answer started implicitly, from its scaStatus link (and its status, when given). */
function implicitAuthorisation(body: Json, parent: string, out: Observed): void {
  const href = str(obj(obj(body['_links'])['scaStatus'])['href']);
  const id = href?.match(/\/authorisations\/([^/?#]+)/)?.[1];
  if (!id) return;
  const resource = `authorisation:${decodeURIComponent(id)}`;
  out.events.push({ kind: 'authorises', resource, parent });
  const status = str(body['scaStatus']);
  if (status) out.observations.push({ machine: 'scaStatus', resource, status, source: 'implicit', creates: true, parent });
}

/**
 * What an exchange tells about the statuses of resources. Driven by the path template (payment,
 * consent, basket, authorisation sub-resources) and the body fields the standard names, so it
 * works across the official versions' operationIds.
 */
export function observe(ex: Exchange, match: OperationMatch | undefined, body: unknown): Observed {
  const out: Observed = { observations: [], events: [] };
  const res = ex.response;
  if (!res || !match) return out;
  const { operationId, pathTemplate } = match.operation;
  const ok = res.status >= 200 && res.status < 300;
  if (isObpPath(pathTemplate)) return observeObp(ex, match, body, out);
  if (isAis(pathTemplate)) {
    const consentId = headerOf(ex.request.headers, 'consent-id');
    if (consentId) out.events.push({ kind: 'used', resource: `consent:${consentId}`, served: ok });
    return out;
  }
  if (!ok) return out;
  const json = obj(body);
  const authorisationId = match.pathParams['authorisationId'] ?? match.pathParams['cancellationId'];
  const parent = parentOf(match);

  if (/\/(authorisations|cancellation-authorisations)(\/\{[^}]+\})?$/.test(pathTemplate)) {
    const cancellation = isCancellation(pathTemplate);
    const listed = Array.isArray(json['authorisationIds']) ? json['authorisationIds'] : Array.isArray(json['cancellationIds']) ? json['cancellationIds'] : [];
    if (parent) for (const a of listed) if (str(a)) out.events.push({ kind: 'authorises', resource: `authorisation:${a}`, parent, cancellation });
    const status = str(json['scaStatus']);
    const id = authorisationId ?? str(json['authorisationId']);
    if (id && parent) out.events.push({ kind: 'authorises', resource: `authorisation:${id}`, parent, cancellation });
    if (status && id && parent) {
      out.observations.push({
        machine: 'scaStatus',
        resource: `authorisation:${id}`,
        status,
        source: operationId,
        creates: ex.request.method === 'POST',
        parent,
        cancellation,
      });
    }
    return out;
  }

  const created = CREATES.has(operationId) && res.status === 201;
  const id = created ? str(json['paymentId']) ?? str(json['consentId']) ?? str(json['basketId']) : undefined;
  const resource = created && id ? `${operationId === 'initiatePayment' ? 'payment' : operationId === 'createConsent' ? 'consent' : 'basket'}:${id}` : parent;
  if (!resource) return out;
  if (ex.request.method === 'DELETE') {
    out.events.push({ kind: 'deleted', resource });
    if (resource.startsWith('payment:') && res.status === 204) {
      out.observations.push({ machine: 'transactionStatus', resource, status: 'CANC', source: 'implied', creates: false });
    }
  }
  const status = str(json['transactionStatus']) ?? str(json['consentStatus']);
  if (status) out.observations.push({ machine: machineOfParent(resource), resource, status, source: operationId, creates: created });
  if (created) implicitAuthorisation(json, resource, out);
  return out;
}
