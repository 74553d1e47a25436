import { describe, expect, it } from 'vitest';
import type { Profile } from '../../src/profile/types.js';
import { planCells } from '../../src/scenario/matrix.js';
import type { Scenario } from '../../src/scenario/types.js';

const profile = {
  services: { payments: ['sepa-credit-transfers', 'instant-sepa-credit-transfers'], consents: true },
  scaApproaches: ['redirect', 'embedded'],
} as unknown as Profile;
const scenario = (applies: Scenario['applies']): Scenario => ({ id: 's', title: 'S', steps: [], source: 's.yaml', ...(applies ? { applies } : {}) });

describe('the scenario matrix', () => {
  it('expands a payment scenario over the offered products and asked approaches', () => {
    const cells = planCells(scenario({ service: ['payments'], approach: ['redirect', 'decoupled'] }), profile);
    expect(cells.map((c) => [c.cell.product, c.cell.approach, c.applicable])).toEqual([
      ['sepa-credit-transfers', 'redirect', true],
      ['sepa-credit-transfers', 'decoupled', false],
      ['instant-sepa-credit-transfers', 'redirect', true],
      ['instant-sepa-credit-transfers', 'decoupled', false],
    ]);
    expect(cells[1]!.reason).toContain('decoupled');
  });
  it('marks services and products the profile does not offer as not applicable', () => {
    const cells = planCells(scenario({ service: ['bulk-payments', 'consents', 'signing-baskets'], product: ['target-2-payments'] }), profile);
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
