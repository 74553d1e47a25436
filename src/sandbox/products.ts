/**
 * The payment product table: which payment services each product supports and how its
 * initiation body is validated. Add a product or a service by adding an entry here.
 */
import { apiError } from './errors.js';
import { type ValidatedPayment, validateSinglePayment } from './payment-validation.js';

/** The payment services of the 1.3.12 path enum. */
export const PAYMENT_SERVICES = ['payments', 'bulk-payments', 'periodic-payments'] as const;
export type PaymentService = (typeof PAYMENT_SERVICES)[number];

export interface ServiceSupport {
  /** Validates an initiation body, throwing an ApiError with the offending paths. */
  validate(body: unknown): ValidatedPayment;
}

export interface ProductDefinition {
  description: string;
  services: Partial<Record<PaymentService, ServiceSupport>>;
}

export const PAYMENT_PRODUCTS: Readonly<Record<string, ProductDefinition>> = {
  'sepa-credit-transfers': {
    description: 'SEPA Credit Transfer (EUR, IBAN only)',
    services: {
      payments: { validate: (body) => validateSinglePayment(body, { currencies: ['EUR'], requireIban: true }) },
    },
  },
};

export function isPaymentService(value: string): value is PaymentService {
  return (PAYMENT_SERVICES as readonly string[]).includes(value);
}

/** The support for service × product, or the right error: 404 PRODUCT_UNKNOWN / 400 PARAMETER_NOT_SUPPORTED. */
export function resolveProduct(service: string, product: string): ServiceSupport {
  const def = Object.prototype.hasOwnProperty.call(PAYMENT_PRODUCTS, product) ? PAYMENT_PRODUCTS[product] : undefined;
  if (!def) {
    throw apiError(404, 'PRODUCT_UNKNOWN', `Payment product ${product} is not offered by this bank`, 'payment-product');
  }
  const support = isPaymentService(service) ? def.services[service] : undefined;
  if (!support) {
    throw apiError(
      400,
      'PARAMETER_NOT_SUPPORTED',
      `Payment service ${service} is not supported for product ${product}`,
      'payment-service',
    );
  }
  return support;
}
