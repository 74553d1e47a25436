/**
 * Reading a payment initiation body in the format its product takes: JSON, a pain.001 document
 * (application/xml), or for periodic pain.001 payments a multipart/form-data body with the
 * pain.001 part (xml_sct) and the JSON standing-order part (json_standingorderType).
 */
import { readJsonBody, requestMediaType } from './body.js';
import type { RequestContext } from './context.js';
import { ApiError, formatError, message } from './errors.js';
import { parseMultipart } from './multipart.js';
import { type Pain001Content, readPain001 } from './pain001.js';
import type { ProductRules } from './payment-rules.js';
import { type ValidatedPayment, standingOrderFields, validateBulkPayment, validatePeriodicPayment, validateSinglePayment } from './payment-validation.js';
import type { ProductDefinition, PaymentService } from './products.js';
import type { OriginalBody } from './store.js';
import { Issues, type Json, isObject } from './validation.js';

export interface ReadPayment extends ValidatedPayment {
  original?: OriginalBody;
}

const XML_TYPES = ['application/xml', 'text/xml'];

function unsupported(type: string | undefined, wanted: string): ApiError {
  return new ApiError(415, [message('FORMAT_ERROR', `Content-Type ${type ?? '(none)'} is not supported for this product; send ${wanted}`)]);
}

function readJson(ctx: RequestContext, service: PaymentService, rules: ProductRules): ValidatedPayment {
  const body = readJsonBody(ctx, true);
  const day = ctx.env.clock.today();
  if (service === 'bulk-payments') return validateBulkPayment(body, rules, day);
  if (service === 'periodic-payments') return validatePeriodicPayment(body, rules, day);
  return validateSinglePayment(body, rules, day);
}

function single(content: Pain001Content, what: string): Json {
  if (content.transfers.length !== 1) {
    throw formatError(`${what} carries exactly one CdtTrfTxInf, this document has ${content.transfers.length}; use bulk-payments for several`, 'Document.CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf');
  }
  return content.transfers[0]!;
}

function debtorData(content: Pain001Content): Json {
  return { debtorAccount: content.debtorAccount, ...(content.debtorName ? { debtorName: content.debtorName } : {}) };
}

function readPainXml(ctx: RequestContext, service: PaymentService, rules: ProductRules): ReadPayment {
  const type = requestMediaType(ctx);
  if (type === undefined || !XML_TYPES.includes(type)) throw unsupported(type, 'application/xml (pain.001)');
  const text = ctx.rawBody.toString('utf8');
  if (text.trim() === '') throw formatError('The request body is missing', 'body');
  const content = readPain001(text, rules, ctx.env.clock.today());
  const schedule = { instant: rules.instant, periodic: false, ...(content.futureDate ? { futureDate: content.futureDate } : {}) };
  const dated = content.requestedExecutionDate ? { requestedExecutionDate: content.requestedExecutionDate } : {};
  const data: Json =
    service === 'bulk-payments'
      ? { ...(content.batchBookingPreferred !== undefined ? { batchBookingPreferred: content.batchBookingPreferred } : {}), ...debtorData(content), ...dated, payments: content.transfers }
      : { ...debtorData(content), ...single(content, 'A single payment'), ...dated };
  return { data, debtorIban: content.debtorIban!, schedule, original: { contentType: 'application/xml', text } };
}

function readPainMultipart(ctx: RequestContext, rules: ProductRules): ReadPayment {
  const type = requestMediaType(ctx);
  if (type !== 'multipart/form-data') throw unsupported(type, 'multipart/form-data with the parts xml_sct and json_standingorderType');
  const raw = ctx.rawBody.toString('utf8');
  const parts = parseMultipart(raw, ctx.header('Content-Type'));
  const xml = parts.find((p) => p.name === 'xml_sct');
  const json = parts.find((p) => p.name === 'json_standingorderType');
  if (!xml) throw formatError('The multipart body lacks the pain.001 part xml_sct', 'xml_sct');
  if (!json) throw formatError('The multipart body lacks the standing-order part json_standingorderType', 'json_standingorderType');
  const content = readPain001(xml.body, rules, ctx.env.clock.today());
  let order: unknown;
  try {
    order = JSON.parse(json.body);
  } catch {
    throw formatError('The part json_standingorderType is not valid JSON', 'json_standingorderType');
  }
  if (!isObject(order)) throw formatError('The part json_standingorderType must be a JSON object', 'json_standingorderType');
  const issues = new Issues();
  const standing: Json = {};
  const futureDate = standingOrderFields(
    order,
    'json_standingorderType',
    issues,
    rules,
    (k, v) => {
      if (v !== undefined) standing[k] = v;
    },
    ctx.env.clock.today(),
  );
  issues.throwIfAny();
  const data = { ...debtorData(content), ...single(content, 'A periodic payment'), ...standing };
  return {
    data,
    debtorIban: content.debtorIban!,
    schedule: { instant: rules.instant, periodic: true, ...(futureDate ? { futureDate } : {}) },
    original: { contentType: ctx.header('Content-Type')!, text: raw },
  };
}

/** The validated initiation of `service` for a product, read in the product's format. */
export function readPaymentInitiation(ctx: RequestContext, product: ProductDefinition, service: PaymentService): ReadPayment {
  if (product.format === 'json') return readJson(ctx, service, product.rules);
  return service === 'periodic-payments' ? readPainMultipart(ctx, product.rules) : readPainXml(ctx, service, product.rules);
}
