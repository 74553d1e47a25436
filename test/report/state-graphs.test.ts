import { describe, expect, it } from 'vitest';
import { stateGraphsOf } from '../../src/report/state-graphs.js';

describe('state graphs of a run', () => {
  it('adds up the transitions every test observed, per machine, keeping illegal edges marked', () => {
    const graphs = stateGraphsOf([
      [
        { machine: 'consentStatus', from: '(new)', to: 'received', count: 1, illegal: false },
        { machine: 'transactionStatus', from: '(new)', to: 'RCVD', count: 1, illegal: false },
        { machine: 'transactionStatus', from: 'RCVD', to: 'ACTC', count: 1, illegal: false },
      ],
      [
        { machine: 'transactionStatus', from: '(new)', to: 'RCVD', count: 2, illegal: false },
        { machine: 'transactionStatus', from: 'ACSC', to: 'RCVD', count: 1, illegal: true },
      ],
    ]);
    expect(graphs.map((g) => g.machine)).toEqual(['transactionStatus', 'consentStatus']);
    expect(graphs[0]).toEqual({
      machine: 'transactionStatus',
      nodes: ['(new)', 'RCVD', 'ACTC', 'ACSC'],
      edges: [
        { from: '(new)', to: 'RCVD', count: 3, illegal: false },
        { from: 'RCVD', to: 'ACTC', count: 1, illegal: false },
        { from: 'ACSC', to: 'RCVD', count: 1, illegal: true },
      ],
    });
  });
});
