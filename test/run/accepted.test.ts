import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/checks/check.js';
import { applyAccepted, isFailure } from '../../src/run/accepted.js';

const finding: Finding = { check: 'response.schema', level: 'MUST', rule: 'r', message: 'amount is a number', operation: 'getBalances' };

describe('accepted deviations', () => {
  it('turns an accepted MUST into a tracked, non-failing finding until its date', () => {
    const [f] = applyAccepted([finding], [{ check: 'response.schema', operation: 'getBalances', until: '2027-03-31', reason: 'fixed in 4.2' }], '2026-11-21');
    expect(f!.accepted).toEqual({ reason: 'fixed in 4.2', until: '2027-03-31' });
    expect(isFailure(f!)).toBe(false);
  });
  it('fails again after the date, saying the acceptance expired', () => {
    const [f] = applyAccepted([finding], [{ check: 'response.schema', until: '2026-01-31', reason: 'fixed in 4.2' }], '2026-11-21');
    expect(f!.accepted).toBeUndefined();
    expect(isFailure(f!)).toBe(true);
    expect(f!.message).toContain('expired on 2026-01-31');
  });
  it('does not accept another operation or another check', () => {
    const out = applyAccepted([finding], [{ check: 'response.schema', operation: 'getAccountList', reason: 'x' }, { check: 'links.required', reason: 'y' }]);
    expect(isFailure(out[0]!)).toBe(true);
  });
});
