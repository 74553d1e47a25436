import type { Profile, ServiceOffer } from '../profile/types.js';
import type { Cell, Scenario } from './types.js';

export const PAYMENT_SERVICES = ['payments', 'bulk-payments', 'periodic-payments'] as const;

export interface PlannedCell {
  cell: Cell;
  /** False when the profile does not offer this service, product or approach. */
  applicable: boolean;
  reason?: string;
}

function isPaymentService(service: string): service is (typeof PAYMENT_SERVICES)[number] {
  return (PAYMENT_SERVICES as readonly string[]).includes(service);
}

function serviceCells(service: string, products: string[] | undefined, offer: ServiceOffer): PlannedCell[] {
  if (!isPaymentService(service)) {
    const offered = offer[service as keyof ServiceOffer] === true;
    return [{ cell: { service }, applicable: offered, ...(offered ? {} : { reason: `the profile does not offer ${service}` }) }];
  }
  const offeredProducts = offer[service] ?? [];
  const wanted = products ?? (offeredProducts.length ? offeredProducts : [undefined]);
  return wanted.map((product) => {
    const applicable = product !== undefined && offeredProducts.includes(product);
    return {
      cell: { service, ...(product ? { product } : {}) },
      applicable,
      ...(applicable ? {} : { reason: `the profile does not offer ${service}${product ? ` / ${product}` : ''}` }),
    };
  });
}

/** The cells of the service × product × approach matrix a scenario runs in, for one profile. */
export function planCells(scenario: Scenario, profile: Profile): PlannedCell[] {
  const applies = scenario.applies ?? {};
  const byService: PlannedCell[] = applies.service
    ? applies.service.flatMap((s) => serviceCells(s, applies.product, profile.services))
    : [{ cell: {}, applicable: true }];
  const approaches = applies.approach ?? [undefined];
  return byService.flatMap((planned) =>
    approaches.map((approach) => {
      if (!approach) return planned;
      const offered = (profile.scaApproaches as string[]).includes(approach);
      const applicable = planned.applicable && offered;
      return {
        cell: { ...planned.cell, approach },
        applicable,
        ...(applicable ? {} : { reason: planned.reason ?? `the profile does not offer the ${approach} approach` }),
      };
    }),
  );
}
