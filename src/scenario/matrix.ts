import type { Profile, ServiceOffer } from '../profile/types.js';
import type { Cell, Scenario } from './types.js';

export const PAYMENT_SERVICES = ['payments', 'bulk-payments', 'periodic-payments'] as const;

/** The payment products of the standard (DOMAIN §2): JSON bodies, and pain.001 XML bodies. */
export const JSON_PRODUCTS = ['sepa-credit-transfers', 'instant-sepa-credit-transfers', 'target-2-payments', 'cross-border-credit-transfers'] as const;
export const PAIN001_PRODUCTS = JSON_PRODUCTS.map((p) => `pain.001-${p}`);

/**
 * Product groups a scenario may name in `applies.product` instead of products: `json` and
 * `pain.001` are the standard products of that body format plus the profile's own products of it
 * (a name starting with pain.001- is XML). Without `applies.product`, a payment scenario runs over
 * every standard product and every product the profile offers: cells the profile does not offer
 * are reported as not applicable, so the matrix shows what a bank leaves out.
 */
export const PRODUCT_GROUPS = ['json', 'pain.001'] as const;

const isPain001 = (product: string): boolean => product.startsWith('pain.001-');

function productsFor(asked: string[] | undefined, offered: string[]): string[] {
  const expand = (name: string): string[] => {
    if (name === 'json') return [...JSON_PRODUCTS, ...offered.filter((p) => !isPain001(p))];
    if (name === 'pain.001') return [...PAIN001_PRODUCTS, ...offered.filter(isPain001)];
    return [name];
  };
  const names = asked ?? [...PRODUCT_GROUPS];
  return [...new Set(names.flatMap(expand))];
}

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
  const wanted = productsFor(products, offeredProducts);
  return wanted.map((product) => {
    const applicable = product !== undefined && offeredProducts.includes(product);
    return {
      cell: { service, ...(product ? { product } : {}) },
      applicable,
      ...(applicable ? {} : { reason: `the profile does not offer ${service}${product ? ` / ${product}` : ''}` }),
    };
  });
}

/**
 * Needs that are parts of the profile rather than test hooks: `multilevel` (an account needing
 * several PSUs' authorisations, and the second PSU's credentials).
 */
const PROFILE_NEEDS: Readonly<Record<string, { has(profile: Profile): boolean; what: string }>> = {
  multilevel: { has: (p) => p.multilevel !== undefined, what: 'no multilevel account with a second PSU (multilevel)' },
};

/** The test hooks a scenario needs that the profile does not declare. */
function missingHooks(scenario: Scenario, profile: Profile): string[] {
  return (scenario.needs ?? []).filter((name) => !(name in PROFILE_NEEDS) && !Object.hasOwn(profile.hooks ?? {}, name));
}

/** Why the profile cannot serve the scenario's needs, or undefined when it can. */
function unmetNeeds(scenario: Scenario, profile: Profile): string | undefined {
  const hooks = missingHooks(scenario, profile);
  const parts = (scenario.needs ?? []).filter((name) => PROFILE_NEEDS[name] && !PROFILE_NEEDS[name].has(profile)).map((name) => PROFILE_NEEDS[name]!.what);
  const reasons = [...parts, ...(hooks.length ? [`no ${hooks.join(', ')} hook${hooks.length > 1 ? 's' : ''}`] : [])];
  return reasons.length ? `the profile declares ${reasons.join(' and ')}` : undefined;
}

/** The cells of the service × product × approach matrix a scenario runs in, for one profile. */
export function planCells(scenario: Scenario, profile: Profile): PlannedCell[] {
  const reason = unmetNeeds(scenario, profile);
  const cells = offeredCells(scenario, profile);
  if (reason === undefined) return cells;
  return cells.map((c) => ({ cell: c.cell, applicable: false, reason: c.applicable ? reason : c.reason! }));
}

function offeredCells(scenario: Scenario, profile: Profile): PlannedCell[] {
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
