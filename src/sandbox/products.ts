/**
 * The payment product table: which payment services each product is offered for, its body format
 * and the rules its credit transfers follow. Add a product or a service by adding an entry here.
 */
import { apiError } from './errors.js';
import type { ProductRules } from './payment-rules.js';

/** The payment services of the 1.3.12 path enum. */
export const PAYMENT_SERVICES = ['payments', 'bulk-payments', 'periodic-payments'] as const;
export type PaymentService = (typeof PAYMENT_SERVICES)[number];

/** JSON bodies, or ISO 20022 pain.001 XML (multipart with a JSON standing order for periodic payments). */
export type BodyFormat = 'json' | 'pain.001';

export interface ProductDefinition {
  format: BodyFormat;
  rules: ProductRules;
  services: readonly PaymentService[];
}

const SEPA: ProductRules = {
  label: 'SEPA credit transfers',
  currencies: ['EUR'],
  creditorIdentifiers: ['iban'],
  creditorAgentRequired: false,
  creditorAddressRequired: false,
  instant: false,
  serviceLevel: 'SEPA',
};

const SEPA_INSTANT: ProductRules = {
  ...SEPA,
  label: 'Instant SEPA credit transfers',
  maxAmountCents: 10_000_000,
  instant: true,
  localInstrument: 'INST',
};

const TARGET2: ProductRules = {
  label: 'TARGET2 payments',
  currencies: ['EUR'],
  creditorIdentifiers: ['iban'],
  creditorAgentRequired: true,
  creditorAddressRequired: false,
  instant: false,
  serviceLevel: 'URGP',
};

const CROSS_BORDER: ProductRules = {
  label: 'Cross-border credit transfers',
  creditorIdentifiers: ['iban', 'bban'],
  creditorAgentRequired: true,
  creditorAddressRequired: true,
  instant: false,
};

const ALL: readonly PaymentService[] = PAYMENT_SERVICES;
const SINGLE: readonly PaymentService[] = ['payments'];

export const PAYMENT_PRODUCTS: Readonly<Record<string, ProductDefinition>> = {
  'sepa-credit-transfers': { format: 'json', rules: SEPA, services: ALL },
  'instant-sepa-credit-transfers': { format: 'json', rules: SEPA_INSTANT, services: ALL },
  'target-2-payments': { format: 'json', rules: TARGET2, services: ALL },
  'cross-border-credit-transfers': { format: 'json', rules: CROSS_BORDER, services: ALL },
  'pain.001-sepa-credit-transfers': { format: 'pain.001', rules: SEPA, services: ALL },
  'pain.001-instant-sepa-credit-transfers': { format: 'pain.001', rules: SEPA_INSTANT, services: SINGLE },
  'pain.001-target-2-payments': { format: 'pain.001', rules: TARGET2, services: SINGLE },
  'pain.001-cross-border-credit-transfers': { format: 'pain.001', rules: CROSS_BORDER, services: SINGLE },
};

export function isPaymentService(value: string): value is PaymentService {
  return (PAYMENT_SERVICES as readonly string[]).includes(value);
}

/** The product for service × product, or the right error: 404 PRODUCT_UNKNOWN / 400 PARAMETER_NOT_SUPPORTED. */
export function resolveProduct(service: string, product: string, offered: Readonly<Record<string, ProductDefinition>> = PAYMENT_PRODUCTS): ProductDefinition & { service: PaymentService } {
  const def = Object.prototype.hasOwnProperty.call(offered, product) ? offered[product] : undefined;
  if (!def) {
    throw apiError(404, 'PRODUCT_UNKNOWN', `Payment product ${product} is not offered by this bank`, 'payment-product');
  }
  if (!isPaymentService(service) || !def.services.includes(service)) {
    throw apiError(
      400,
      'PARAMETER_NOT_SUPPORTED',
      `Payment service ${service} is not supported for product ${product}; it is offered for ${def.services.join(', ')}`,
      'payment-service',
    );
  }
  return { ...def, service };
}
