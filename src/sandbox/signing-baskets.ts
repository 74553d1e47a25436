/**
 * Signing baskets (SBS, DOMAIN §4.4): one SCA for several payments or several consents, each
 * created with TPP-Explicit-Authorisation-Preferred: true and not yet under authorisation.
 * The bank takes baskets of payments or of consents, not mixed ones (REFERENCE_MIX_INVALID).
 */
import { creationAnswer, getScaStatus, heldByBasket, listAuthorisations, startAuthorisation, updatePsuData } from './authorisations.js';
import { readJsonBody } from './body.js';
import type { RequestContext } from './context.js';
import { apiError, formatError, resourceUnknown } from './errors.js';
import { psuIdHeader, readTppRedirect, requirePsuIpAddress } from './headers.js';
import { awaitingSca } from './lifecycle.js';
import { href, resourcePath } from './links.js';
import { sendEmpty, sendJson } from './response.js';
import type { BasketRecord, ConsentRecord, PaymentRecord, Store } from './store.js';
import { isObject } from './validation.js';

/** Most entries a basket takes. */
export const MAX_BASKET_ENTRIES = 10;

function idList(body: Record<string, unknown>, key: string): string[] {
  const v = body[key];
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((id) => typeof id === 'string' && id !== '')) throw formatError(`${key} must be a list of resource ids`, key);
  if (new Set(v).size !== v.length) throw formatError(`${key} names the same resource twice`, key);
  return v as string[];
}

/** A member must exist, be free, be waiting for its SCA and have no authorisation yet. */
function member<T extends PaymentRecord | ConsentRecord>(store: Store, record: T | undefined, id: string, path: string): T {
  if (!record) throw apiError(400, 'RESOURCE_UNKNOWN', `${path} names ${id}, which does not exist`, path);
  if (heldByBasket(store, record)) throw apiError(400, 'RESOURCE_BLOCKED', `${id} is already held by signing basket ${record.basketId}`, path);
  if (!awaitingSca(record) || record.authorisationIds.length > 0) {
    throw apiError(409, 'REFERENCE_STATUS_INVALID', `${id} is already authorised, final, or under an authorisation of its own; create it with TPP-Explicit-Authorisation-Preferred: true`, path);
  }
  return record;
}

/** POST /v1/signing-baskets */
export function createSigningBasket(ctx: RequestContext): void {
  requirePsuIpAddress(ctx);
  const redirect = readTppRedirect(ctx);
  const body = readJsonBody(ctx, true);
  if (!isObject(body)) throw formatError('The signing basket body must be a JSON object', 'body');
  const paymentIds = idList(body, 'paymentIds');
  const consentIds = idList(body, 'consentIds');
  if (paymentIds.length + consentIds.length === 0) throw formatError('A signing basket needs at least one of paymentIds, consentIds', 'body');
  if (paymentIds.length > 0 && consentIds.length > 0) {
    throw apiError(400, 'REFERENCE_MIX_INVALID', 'This bank takes signing baskets of payments or of consents, not both');
  }
  if (paymentIds.length + consentIds.length > MAX_BASKET_ENTRIES) throw formatError(`A signing basket holds at most ${MAX_BASKET_ENTRIES} entries`, 'body');
  const { store } = ctx.env;
  const members = [
    ...paymentIds.map((id, i) => member(store, store.payments.get(id), id, `paymentIds[${i}]`)),
    ...consentIds.map((id, i) => member(store, store.consents.get(id), id, `consentIds[${i}]`)),
  ];
  const psuIdHint = psuIdHeader(ctx);
  const basket: BasketRecord = {
    kind: 'basket',
    id: store.newId(),
    paymentIds,
    consentIds,
    transactionStatus: 'RCVD',
    ...(psuIdHint ? { psuIdHint } : {}),
    redirect,
    authorisationIds: [],
    explicitStart: true,
  };
  store.baskets.set(basket.id, basket);
  for (const m of members) m.basketId = basket.id;
  // the start of a basket's authorisation is always explicit
  const { links, headers, extra } = creationAnswer(ctx, basket, true);
  sendJson(ctx, 201, { transactionStatus: basket.transactionStatus, basketId: basket.id, ...extra, _links: links }, headers);
}

function findBasket(ctx: RequestContext): BasketRecord {
  const id = ctx.params.basketId ?? '';
  const basket = ctx.env.store.baskets.get(id);
  if (!basket) throw resourceUnknown(`Signing basket ${id} does not exist`, 'basketId');
  return basket;
}

/** GET /v1/signing-baskets/{basketId} */
export function getSigningBasket(ctx: RequestContext): void {
  const b = findBasket(ctx);
  sendJson(ctx, 200, {
    ...(b.paymentIds.length ? { payments: b.paymentIds } : {}),
    ...(b.consentIds.length ? { consents: b.consentIds } : {}),
    transactionStatus: b.transactionStatus,
    _links: { self: href(ctx, resourcePath(b)), status: href(ctx, `${resourcePath(b)}/status`) },
  });
}

/** GET /v1/signing-baskets/{basketId}/status */
export function getSigningBasketStatus(ctx: RequestContext): void {
  const { transactionStatus } = findBasket(ctx);
  sendJson(ctx, 200, { transactionStatus: ctx.env.defects.has('basket-status-outside-set') ? transactionStatus.toLowerCase() : transactionStatus });
}

/** DELETE /v1/signing-baskets/{basketId}: only before any authorisation; the members are free again. */
export function deleteSigningBasket(ctx: RequestContext): void {
  const b = findBasket(ctx);
  if (b.transactionStatus === 'CANC') return sendEmpty(ctx, 204);
  if (b.transactionStatus !== 'RCVD' || b.authorisationIds.length > 0) {
    throw apiError(409, 'STATUS_INVALID', `The signing basket is ${b.transactionStatus}${b.authorisationIds.length ? ' and under authorisation' : ''}; it can no longer be deleted`);
  }
  b.transactionStatus = 'CANC';
  for (const m of ctx.env.store.membersOf(b)) delete m.basketId;
  sendEmpty(ctx, 204);
}

export const startSigningBasketAuthorisation = (ctx: RequestContext): void => startAuthorisation(ctx, findBasket(ctx));
export const listSigningBasketAuthorisations = (ctx: RequestContext): void => listAuthorisations(ctx, findBasket(ctx));
export const getSigningBasketScaStatus = (ctx: RequestContext): void => getScaStatus(ctx, findBasket(ctx));
export const updateSigningBasketPsuData = (ctx: RequestContext): void => updatePsuData(ctx, findBasket(ctx));
