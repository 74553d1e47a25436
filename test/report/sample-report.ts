import { buildReport, type FinishedTest } from '../../src/report/build.js';
import type { ConformanceReport, StateGraph } from '../../src/report/model.js';
import type { Exchange } from '../../src/http/exchange.js';

/** What a hostile bank could put in a body, a header or an error text. */
export const HOSTILE = `<script>window.pwned=1</script><img src=x onerror="window.pwned=2"><a href="https://evil.example/">x</a>"'&`;

export function sampleExchange(id: string, over: Partial<Exchange> = {}): Exchange {
  return {
    id,
    request: {
      method: 'POST',
      url: 'http://bank.test/v1/payments/sepa-credit-transfers',
      headers: { 'x-request-id': 'rid-1', 'content-type': 'application/json', authorization: 'Bearer ***' },
      body: '{"instructedAmount":{"currency":"EUR","amount":"12.00"},"password":"***"}',
    },
    response: { status: 200, headers: { 'content-type': 'text/html', 'x-evil': HOSTILE }, body: HOSTILE },
    startedAt: '2026-01-01T10:00:00.000Z',
    durationMs: 12.5,
    origin: { scenario: 'pis.redirect.implicit', cell: 'payments / sepa-credit-transfers / redirect', step: 'initiate' },
    ...over,
  };
}

export const SAMPLE_GRAPHS: StateGraph[] = [
  {
    machine: 'transactionStatus',
    nodes: ['RCVD', 'ACTC', 'ACSC', 'RJCT'],
    edges: [
      { from: 'RCVD', to: 'ACTC', count: 3, illegal: false },
      { from: 'ACTC', to: 'ACSC', count: 2, illegal: false },
      { from: 'RCVD', to: 'RJCT', count: 1, illegal: false },
      { from: 'ACSC', to: 'RCVD', count: 1, illegal: true },
      { from: 'ACTC', to: 'ACTC', count: 4, illegal: false },
    ],
  },
];

/** A report with one failed test (a MUST and a SHOULD finding on a hostile answer), one passed, one not applicable. */
export function sampleReport(stateGraphs?: StateGraph[]): ConformanceReport {
  const ex = sampleExchange('ex-1');
  const tests: FinishedTest[] = [
    {
      name: 'pis.redirect.implicit > Payment [payments / sepa-credit-transfers / redirect]',
      state: 'failed',
      durationMs: 120,
      errors: ['response.status-declared (initiate): 200 is not declared'],
      meta: {
        scenario: 'pis.redirect.implicit',
        title: 'Payment',
        source: 'scenarios/pis/redirect-implicit.yaml',
        cell: { service: 'payments', product: 'sepa-credit-transfers', approach: 'redirect' },
        steps: [{ step: 'initiate', ok: true, failures: [], exchangeIds: ['ex-1'] }],
        failures: [],
        findings: [
          { check: 'response.status-declared', level: 'MUST', rule: 'spec: declared statuses', message: `status 200 is not declared ${HOSTILE}`, operation: 'initiatePayment', exchangeId: 'ex-1', origin: ex.origin!, evidence: { status: 200, body: HOSTILE } },
          { check: 'header.example-should', level: 'SHOULD', rule: 'IG', message: 'a SHOULD finding', operation: 'initiatePayment', exchangeId: 'ex-1', origin: ex.origin! },
        ],
        exchanges: [ex, sampleExchange('ex-2', { error: { code: 'ECONNRESET', message: 'socket hang up' }, response: undefined })].map((e) => {
          if (e.response === undefined) delete (e as Partial<Exchange>).response;
          return e;
        }),
      },
    },
    {
      name: 'ais.redirect.dedicated > Consent [consents / redirect]',
      state: 'passed',
      durationMs: 80,
      errors: [],
      meta: { scenario: 'ais.redirect.dedicated', title: 'Consent', source: 'scenarios/ais/consent-dedicated.yaml', cell: { service: 'consents', approach: 'redirect' }, steps: [], failures: [], findings: [], exchanges: [] },
    },
    {
      name: 'pis.redirect.implicit > Payment [bulk-payments / redirect]',
      state: 'skipped',
      durationMs: 0,
      errors: [],
      meta: { scenario: 'pis.redirect.implicit', title: 'Payment', source: 'scenarios/pis/redirect-implicit.yaml', cell: { service: 'bulk-payments', approach: 'redirect' }, notApplicable: 'the profile does not offer bulk-payments', steps: [], failures: [], findings: [], exchanges: [] },
    },
  ];
  return buildReport(
    tests,
    {
      startedAt: '2026-01-01T10:00:00.000Z',
      finishedAt: '2026-01-01T10:00:05.000Z',
      target: 'http://bank.test',
      bundledBank: false,
      defects: [],
      profile: { name: `Bank ${HOSTILE}`, file: '/profiles/bank.yaml' },
      spec: { title: 'NextGenPSD2', version: '1.3.12', sha256: 'a'.repeat(64), file: '/specs/x.yaml' },
    },
    '0.1.0',
    [],
    stateGraphs,
  );
}
