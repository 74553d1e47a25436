/** Payment initiation service (PIS): initiation, reads, cancellation and the authorisation routes. */
import { approachFor, creationAnswer, getScaStatus, startLinkName, heldByBasket, listAuthorisations, startAuthorisation, updatePsuData } from './authorisations.js';
import type { RequestContext } from './context.js';
import { ApiError, apiError, message, resourceUnknown } from './errors.js';
import { explicitAuthorisationPreferred, psuIdHeader, readTppRedirect, requirePsuIpAddress } from './headers.js';
import { awaitingSca, cancel, cancellableAfterSca, observeTransactionStatus } from './lifecycle.js';
import { authorisationsPath, href } from './links.js';
import { readPaymentInitiation } from './payment-body.js';
import { resolveProduct } from './products.js';
import { sendEmpty, sendJson, sendText } from './response.js';
import type { PaymentRecord } from './store.js';

/** POST /v1/{payment-service}/{payment-product} */
export function initiatePayment(ctx: RequestContext): void {
  const { service = '', product = '' } = ctx.params;
  const resolved = resolveProduct(service, product, ctx.env.mode.products);
  requirePsuIpAddress(ctx);
  const redirect = readTppRedirect(ctx);
  const explicit = explicitAuthorisationPreferred(ctx);
  const read = readPaymentInitiation(ctx, resolved, resolved.service);
  const { store } = ctx.env;
  const psuIdHint = psuIdHeader(ctx);
  const payment: PaymentRecord = {
    kind: 'payment',
    id: store.newId(),
    service,
    product,
    data: read.data,
    ...(read.original ? { original: read.original } : {}),
    ...(read.debtorIban ? { debtorIban: read.debtorIban } : {}),
    schedule: read.schedule,
    transactionStatus: 'RCVD',
    progression: [],
    cancellationRequested: false,
    cancellationIds: [],
    ...(psuIdHint ? { psuIdHint } : {}),
    redirect,
    authorisationIds: [],
    explicitStart: explicit,
    createdAt: ctx.env.clock.now().toISOString(),
  };
  store.payments.set(payment.id, payment);

  const { links, headers, extra } = creationAnswer(ctx, payment, explicit);
  const status = ctx.env.defects.has('status-200-on-initiation') ? 200 : 201;
  sendJson(ctx, status, { transactionStatus: payment.transactionStatus, paymentId: payment.id, ...extra, _links: links, ...ctx.env.mode.creationFields(links) }, headers);
}

function findPayment(ctx: RequestContext): PaymentRecord {
  const { service = '', product = '', paymentId = '' } = ctx.params;
  resolveProduct(service, product, ctx.env.mode.products);
  const payment = ctx.env.store.payments.get(paymentId);
  if (!payment || payment.service !== service || payment.product !== product) {
    // The defect: a read of an unknown payment fails inside the bank.
    if (ctx.req.method === 'GET' && ctx.env.defects.has('unknown-payment-500')) throw new ApiError(500, [message('INTERNAL_ERROR', `no payment ${paymentId}`)]);
    throw resourceUnknown(`Payment ${paymentId} does not exist`, 'paymentId');
  }
  return payment;
}

/** GET /v1/{payment-service}/{payment-product}/{paymentId}: as initiated, in the product's format. */
export function getPayment(ctx: RequestContext): void {
  const payment = findPayment(ctx);
  const original = payment.original;
  if (original) return sendText(ctx, 200, original.contentType, original.text);
  // The defect: the resource keeps the status it was initiated with, whatever the status endpoint says.
  const transactionStatus = ctx.env.defects.has('status-endpoint-disagrees') ? 'RCVD' : observeTransactionStatus(payment, ctx.env.defects);
  sendJson(ctx, 200, { ...payment.data, transactionStatus });
}

/** GET …/{paymentId}/status */
export function getPaymentStatus(ctx: RequestContext): void {
  const payment = findPayment(ctx);
  const status = observeTransactionStatus(payment, ctx.env.defects);
  // The defect: ACTC is reported under a code ISO 20022 does not have.
  const transactionStatus = status === 'ACTC' && ctx.env.defects.has('undefined-transaction-status') ? 'ACPT' : status;
  sendJson(ctx, 200, ctx.env.defects.has('payment-status-without-transaction-status') ? { status: transactionStatus } : { transactionStatus });
}

/**
 * DELETE …/{paymentId}: before SCA it is cancelled at once (204). A standing order or a payment
 * waiting for its execution date needs the cancellation authorised (202 with the link to start it);
 * anything else cannot be cancelled any more (405 CANCELLATION_INVALID).
 */
export function cancelPayment(ctx: RequestContext): void {
  const payment = findPayment(ctx);
  const { store } = ctx.env;
  if (payment.transactionStatus === 'CANC') return sendEmpty(ctx, 204);
  if (heldByBasket(store, payment)) {
    throw apiError(400, 'RESOURCE_BLOCKED', `The payment is held by signing basket ${payment.basketId}; delete the basket first`);
  }
  if (awaitingSca(payment)) {
    cancel(store, payment);
    if (ctx.env.defects.has('payment-cancellation-200')) return sendJson(ctx, 200, { transactionStatus: payment.transactionStatus });
    return sendEmpty(ctx, 204);
  }
  if (!cancellableAfterSca(payment)) {
    const why = payment.schedule.instant ? 'an instant payment is executed at once' : 'it is already executed or being executed';
    throw apiError(405, 'CANCELLATION_INVALID', `A payment in status ${payment.transactionStatus} cannot be cancelled: ${why}`);
  }
  payment.redirect = { ...payment.redirect, ...readTppRedirect(ctx) };
  payment.cancellationRequested = true;
  payment.cancellationApproach = approachFor(ctx, payment.scaApproach);
  const start = startLinkName(payment.cancellationApproach, psuIdHeader(ctx) !== undefined);
  const links = ctx.env.defects.has('cancellation-without-start-link') ? {} : { [start]: href(ctx, authorisationsPath(payment, 'cancellation')) };
  sendJson(ctx, 202, { transactionStatus: payment.transactionStatus, _links: links });
}

export const startPaymentAuthorisation = (ctx: RequestContext): void => startAuthorisation(ctx, findPayment(ctx));
export const listPaymentAuthorisations = (ctx: RequestContext): void => listAuthorisations(ctx, findPayment(ctx));
export const getPaymentScaStatus = (ctx: RequestContext): void => getScaStatus(ctx, findPayment(ctx));
export const updatePaymentPsuData = (ctx: RequestContext): void => updatePsuData(ctx, findPayment(ctx));

export const startCancellationAuthorisation = (ctx: RequestContext): void => startAuthorisation(ctx, findPayment(ctx), 'cancellation');
export const listCancellationAuthorisations = (ctx: RequestContext): void => listAuthorisations(ctx, findPayment(ctx), 'cancellation');
export const getCancellationScaStatus = (ctx: RequestContext): void => getScaStatus(ctx, findPayment(ctx), 'cancellation');
export const updateCancellationPsuData = (ctx: RequestContext): void => updatePsuData(ctx, findPayment(ctx), 'cancellation');
