import { describe, expect, it } from 'vitest';
import type { Profile } from '../../src/profile/types.js';
import { JSON_PRODUCTS, PAIN001_PRODUCTS, planCells } from '../../src/scenario/matrix.js';
import type { Scenario } from '../../src/scenario/types.js';

const profile = {
  services: { payments: ['sepa-credit-transfers', 'instant-sepa-credit-transfers', 'pain.001-sepa-credit-transfers', 'domestic'], consents: true },
  scaApproaches: ['redirect', 'embedded'],
} as unknown as Profile;
const scenario = (applies: Scenario['applies']): Scenario => ({ id: 's', title: 'S', steps: [], source: 's.yaml', ...(applies ? { applies } : {}) });
const cellsOf = (applies: Scenario['applies']) => planCells(scenario(applies), profile);

describe('the scenario matrix', () => {
  it('expands a payment scenario over every standard product and the profile’s own, offered ones applicable', () => {
    const cells = cellsOf({ service: ['payments'] });
    expect(cells.map((c) => c.cell.product)).toEqual([...JSON_PRODUCTS, 'domestic', ...PAIN001_PRODUCTS]);
    expect(cells.filter((c) => c.applicable).map((c) => c.cell.product)).toEqual([
      'sepa-credit-transfers',
      'instant-sepa-credit-transfers',
      'domestic',
      'pain.001-sepa-credit-transfers',
    ]);
    expect(cells.find((c) => c.cell.product === 'target-2-payments')).toMatchObject({ applicable: false, reason: 'the profile does not offer payments / target-2-payments' });
  });

  it('takes product groups (json, pain.001) and single products', () => {
    expect(cellsOf({ service: ['payments'], product: ['pain.001'] }).map((c) => [c.cell.product, c.applicable])).toEqual(
      PAIN001_PRODUCTS.map((p) => [p, p === 'pain.001-sepa-credit-transfers']),
    );
    expect(cellsOf({ service: ['payments'], product: ['json'] }).map((c) => c.cell.product)).toEqual([...JSON_PRODUCTS, 'domestic']);
    expect(cellsOf({ service: ['payments'], product: ['instant-sepa-credit-transfers'] })).toEqual([
      { cell: { service: 'payments', product: 'instant-sepa-credit-transfers' }, applicable: true },
    ]);
  });

  it('crosses products with the asked approaches; an approach the profile lacks is not applicable', () => {
    const cells = cellsOf({ service: ['payments'], product: ['sepa-credit-transfers'], approach: ['redirect', 'decoupled'] });
    expect(cells.map((c) => [c.cell.product, c.cell.approach, c.applicable])).toEqual([
      ['sepa-credit-transfers', 'redirect', true],
      ['sepa-credit-transfers', 'decoupled', false],
    ]);
    expect(cells[1]!.reason).toContain('decoupled');
  });

  it('marks services and products the profile does not offer as not applicable', () => {
    const cells = cellsOf({ service: ['bulk-payments', 'consents', 'signing-baskets'], product: ['target-2-payments'] });
    expect(cells.map((c) => [c.cell.service, c.applicable])).toEqual([
      ['bulk-payments', false],
      ['consents', true],
      ['signing-baskets', false],
    ]);
  });

  it('runs a scenario without applies once', () => {
    expect(planCells(scenario(undefined), profile)).toEqual([{ cell: {}, applicable: true }]);
  });
});
