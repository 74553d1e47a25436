/** Payment initiation service (PIS): initiation, reads, cancellation and authorisation routes. */
import {
  getScaStatus,
  listAuthorisations,
  creationAnswer,
  startAuthorisation,
  updatePsuData,
} from './authorisations.js';
import { readJsonBody } from './body.js';
import type { RequestContext } from './context.js';
import { apiError, resourceUnknown } from './errors.js';
import { explicitAuthorisationPreferred, psuIdHeader, readTppRedirect, requirePsuIpAddress } from './headers.js';
import { awaitingSca, failOpenAuthorisations, observeTransactionStatus } from './lifecycle.js';
import { resolveProduct } from './products.js';
import { sendEmpty, sendJson } from './response.js';
import type { PaymentRecord } from './store.js';

/** POST /v1/{payment-service}/{payment-product} */
export function initiatePayment(ctx: RequestContext): void {
  const { service = '', product = '' } = ctx.params;
  const support = resolveProduct(service, product);
  requirePsuIpAddress(ctx);
  const redirect = readTppRedirect(ctx);
  const explicit = explicitAuthorisationPreferred(ctx);
  const validated = support.validate(readJsonBody(ctx, true));
  const { store } = ctx.env;
  const psuIdHint = psuIdHeader(ctx);
  const payment: PaymentRecord = {
    kind: 'payment',
    id: store.newId(),
    service,
    product,
    data: validated.data,
    ...(validated.debtorIban ? { debtorIban: validated.debtorIban } : {}),
    transactionStatus: 'RCVD',
    progression: [],
    ...(psuIdHint ? { psuIdHint } : {}),
    redirect,
    authorisationIds: [],
    createdAt: new Date().toISOString(),
  };
  store.payments.set(payment.id, payment);

  const { links, headers } = creationAnswer(ctx, payment, explicit);
  const status = ctx.env.defects.has('status-200-on-initiation') ? 200 : 201;
  sendJson(ctx, status, { transactionStatus: payment.transactionStatus, paymentId: payment.id, _links: links }, headers);
}

function findPayment(ctx: RequestContext): PaymentRecord {
  const { service = '', product = '', paymentId = '' } = ctx.params;
  resolveProduct(service, product);
  const payment = ctx.env.store.payments.get(paymentId);
  if (!payment || payment.service !== service || payment.product !== product) {
    throw resourceUnknown(`Payment ${paymentId} does not exist`, 'paymentId');
  }
  return payment;
}

/** GET /v1/{payment-service}/{payment-product}/{paymentId} */
export function getPayment(ctx: RequestContext): void {
  const payment = findPayment(ctx);
  sendJson(ctx, 200, { ...payment.data, transactionStatus: observeTransactionStatus(payment) });
}

/** GET …/{paymentId}/status */
export function getPaymentStatus(ctx: RequestContext): void {
  const payment = findPayment(ctx);
  sendJson(ctx, 200, { transactionStatus: observeTransactionStatus(payment) });
}

/** DELETE …/{paymentId}: before SCA it is cancelled at once (204); afterwards it cannot be. */
export function cancelPayment(ctx: RequestContext): void {
  const payment = findPayment(ctx);
  if (payment.transactionStatus === 'CANC') return sendEmpty(ctx, 204);
  if (!awaitingSca(payment)) {
    throw apiError(405, 'CANCELLATION_INVALID', `A payment in status ${payment.transactionStatus} cannot be cancelled`);
  }
  payment.transactionStatus = 'CANC';
  failOpenAuthorisations(ctx.env.store, payment);
  sendEmpty(ctx, 204);
}

export const startPaymentAuthorisation = (ctx: RequestContext): void => startAuthorisation(ctx, findPayment(ctx));
export const listPaymentAuthorisations = (ctx: RequestContext): void => listAuthorisations(ctx, findPayment(ctx));
export const getPaymentScaStatus = (ctx: RequestContext): void => getScaStatus(ctx, findPayment(ctx));
export const updatePaymentPsuData = (ctx: RequestContext): void => updatePsuData(ctx, findPayment(ctx));
