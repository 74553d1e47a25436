import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMachines, MachineError } from '../../src/lifecycle/machine.js';

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'machine-')), 'm.yaml');
  writeFileSync(path, text);
  return path;
}

describe('state machines as data', () => {
  it('bundles transactionStatus, scaStatus, consentStatus, basketStatus and the OBP consent states', () => {
    const machines = loadMachines();
    expect([...machines.keys()].sort()).toEqual(['basketStatus', 'consentStatus', 'obpConsentStatus', 'scaStatus', 'transactionStatus']);
    const tx = machines.get('transactionStatus')!;
    expect(Object.keys(tx.states)).toHaveLength(14);
    expect(['ACSC', 'ACCC', 'RJCT', 'CANC'].every((s) => tx.isFinal(s))).toBe(true);
    expect(tx.canFollow('RCVD', 'ACSC')).toBe(true);
    expect(tx.canFollow('ACSC', 'RCVD')).toBe(false);
    expect(tx.causeOf('RCVD', 'PATC')).toContain('first of several');
    const obp = machines.get('obpConsentStatus')!;
    expect(Object.keys(obp.states).sort()).toEqual(['ACCEPTED', 'AUTHORISED', 'AWAITINGAUTHORISATION', 'EXPIRED', 'INITIATED', 'RECEIVED', 'REJECTED', 'REVOKED', 'REVOKEDBYPSU', 'TERMINATEDBYTPP', 'VALID']);
    expect(obp.canFollow('INITIATED', 'REVOKED')).toBe(true);
    expect(obp.canFollow('REJECTED', 'ACCEPTED')).toBe(false);
    for (const m of machines.values()) expect(Object.values(m.states).every((s) => s.meaning.length > 0)).toBe(true);
  });

  it('lets a profile tighten a machine and add its own', () => {
    const tighter = file('id: transactionStatus\nextends: transactionStatus\nforbid:\n  - { from: [RCVD], to: [PDNG] }\n');
    const own = file('id: mandateStatus\nstates:\n  NEW: { meaning: created, initial: true }\n  ACTIVE: { meaning: usable }\n  ENDED: { meaning: over, final: true }\ntransitions:\n  - { from: [NEW], to: [ACTIVE], cause: signed }\n  - { from: [ACTIVE], to: [ENDED], cause: cancelled }\n');
    const machines = loadMachines([tighter, own]);
    expect(machines.get('transactionStatus')!.causeOf('RCVD', 'PDNG')).toBeUndefined();
    expect(machines.get('transactionStatus')!.causeOf('RCVD', 'ACTC')).toBeDefined();
    expect(machines.get('mandateStatus')!.canFollow('NEW', 'ENDED')).toBe(true);
  });

  it('names the file and field of a machine that is inconsistent', () => {
    const bad = file('id: m\nstates:\n  A: { meaning: a, initial: true }\n  Z: { meaning: z, final: true }\ntransitions:\n  - { from: [A], to: [B], cause: x }\n  - { from: [Z], to: [A], cause: y }\n');
    expect(() => loadMachines([bad])).toThrow(MachineError);
    try {
      loadMachines([bad]);
    } catch (e) {
      expect((e as Error).message).toContain("transitions.0: unknown state 'B'");
      expect((e as Error).message).toContain("transitions.1: 'Z' is final and cannot be left");
    }
    expect(() => loadMachines([file('id: m\nextends: nothing\n')])).toThrow(/no machine 'nothing' to extend/);
  });
});
