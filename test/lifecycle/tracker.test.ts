import { beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/http/exchange.js';
import { loadMachines } from '../../src/lifecycle/machine.js';
import { LifecycleTracker } from '../../src/lifecycle/tracker.js';
import { bundled } from '../../src/paths.js';
import { loadSpec } from '../../src/spec/index.js';
import type { Spec } from '../../src/spec/types.js';

const BASE = 'https://bank.example';
const PAY = '/v1/payments/sepa-credit-transfers/p1';
let spec: Spec;
let n = 0;

function ex(method: string, path: string, status: number, body?: unknown, headers: Record<string, string> = {}): Exchange {
  return {
    id: `e${++n}`,
    startedAt: '',
    durationMs: 0,
    request: { method, url: `${BASE}${path}`, headers },
    response: { status, headers: { 'content-type': 'application/json' }, body: body === undefined ? '' : JSON.stringify(body) },
  };
}

function run(...exchanges: Exchange[]) {
  const tracker = new LifecycleTracker(loadMachines());
  const findings = exchanges.flatMap((e) => tracker.observe(e, spec.match(e.request.method, e.request.url), e.response!.body ? JSON.parse(e.response!.body) : undefined));
  findings.push(...tracker.finish());
  return { tracker, findings, ids: findings.map((f) => f.check) };
}

const initiated = (status = 'RCVD') =>
  ex('POST', '/v1/payments/sepa-credit-transfers', 201, {
    transactionStatus: status,
    paymentId: 'p1',
    _links: { scaStatus: { href: `${PAY}/authorisations/a1` } },
  });
const paymentStatus = (s: string) => ex('GET', `${PAY}/status`, 200, { transactionStatus: s });
const payment = (s: string) => ex('GET', PAY, 200, { transactionStatus: s, creditorName: 'x' });
const sca = (s: string) => ex('GET', `${PAY}/authorisations/a1`, 200, { scaStatus: s });
const consentCreated = (s = 'received') => ex('POST', '/v1/consents', 201, { consentStatus: s, consentId: 'c1', _links: { scaStatus: { href: '/v1/consents/c1/authorisations/ca1' } } });
const consentStatus = (s: string) => ex('GET', '/v1/consents/c1/status', 200, { consentStatus: s });
const consentSca = (s: string) => ex('GET', '/v1/consents/c1/authorisations/ca1', 200, { scaStatus: s });
const accounts = (status = 200) => ex('GET', '/v1/accounts', status, status === 200 ? { accounts: [] } : { tppMessages: [] }, { 'consent-id': 'c1' });

beforeAll(async () => {
  spec = await loadSpec(bundled.spec());
});

describe('the lifecycle tracker', () => {
  it('follows a clean payment and consent without a finding, and keeps the observed graph', () => {
    const { ids, tracker } = run(
      initiated(), sca('started'), sca('finalised'), paymentStatus('ACTC'), payment('ACSP'), paymentStatus('ACSC'),
      consentCreated(), consentSca('finalised'), consentStatus('valid'), accounts(),
      ex('DELETE', '/v1/consents/c1', 204), consentStatus('terminatedByTpp'), accounts(401),
    );
    expect(ids).toEqual([]);
    const edges = tracker.edges().map((e) => `${e.machine}:${e.from}->${e.to}${e.illegal ? '!' : ''}`);
    expect(edges).toEqual(expect.arrayContaining([
      'transactionStatus:(new)->RCVD', 'transactionStatus:RCVD->ACTC', 'transactionStatus:ACTC->ACSP', 'transactionStatus:ACSP->ACSC',
      'scaStatus:started->finalised', 'consentStatus:(new)->received', 'consentStatus:received->valid', 'consentStatus:valid->terminatedByTpp',
    ]));
  });

  it('accepts a status skipped between two reads (RCVD straight to ACSC)', () => {
    expect(run(initiated(), sca('finalised'), paymentStatus('ACSC')).ids).toEqual([]);
  });

  it('lifecycle.status-known: a status that is not a state of its machine', () => {
    const { findings } = run(initiated(), paymentStatus('ACPT'));
    expect(findings.map((f) => f.check)).toEqual(['lifecycle.status-known']);
    expect(findings[0]).toMatchObject({ level: 'MUST', operation: 'getPaymentInitiationStatus', exchangeId: expect.any(String) });
  });

  it('lifecycle.final-left: a settled payment goes back', () => {
    const { findings } = run(initiated(), sca('finalised'), paymentStatus('ACSC'), paymentStatus('RCVD'));
    expect(findings.map((f) => f.check)).toEqual(['lifecycle.final-left']);
    expect(findings[0]!.message).toContain('went from ACSC to RCVD, but ACSC is final');
  });

  it('lifecycle.final-left: a payment the bank cancelled with 204 reports another status', () => {
    expect(run(initiated(), ex('DELETE', PAY, 204), paymentStatus('RCVD')).ids).toEqual(['lifecycle.final-left']);
  });

  it('lifecycle.transition-allowed: a status that cannot follow the previous one', () => {
    expect(run(initiated(), sca('finalised'), paymentStatus('ACSP'), paymentStatus('ACTC')).ids).toEqual(['lifecycle.transition-allowed']);
  });

  it('lifecycle.status-consistent: the status endpoint and the resource contradict each other', () => {
    const { findings } = run(initiated(), sca('finalised'), paymentStatus('ACTC'), payment('RCVD'));
    expect(findings.map((f) => f.check)).toEqual(['lifecycle.status-consistent']);
    expect(findings[0]!.message).toContain('getPaymentInitiationStatus said ACTC, then getPaymentInformation said RCVD');
  });

  it('lifecycle.initial-status: a consent created valid', () => {
    expect(run(consentCreated('valid')).ids).toContain('lifecycle.initial-status');
  });

  it('lifecycle.authorised-without-sca: a consent valid while its authorisation is still running', () => {
    const { findings } = run(consentCreated(), consentStatus('valid'), consentSca('started'));
    expect(findings.map((f) => f.check)).toEqual(['lifecycle.authorised-without-sca']);
    expect(findings[0]!.message).toBe('consent:c1 was already valid while its authorisation ca1 is still started');
    // read the other way round, SCA may have finished between the reads: no evidence
    expect(run(consentCreated(), consentSca('started'), consentStatus('valid')).ids).toEqual([]);
    expect(run(consentCreated(), consentSca('finalised'), consentStatus('valid'), consentSca('finalised')).ids).toEqual([]);
    expect(run(consentCreated(), consentSca('started'), consentStatus('valid'), consentSca('started')).ids).toEqual(['lifecycle.authorised-without-sca']);
  });

  it('lifecycle.dead-resource-used: data served under a deleted consent, and a deleted consent still valid', () => {
    const base = [consentCreated(), consentSca('finalised'), consentStatus('valid'), ex('DELETE', '/v1/consents/c1', 204)];
    expect(run(...base, accounts()).ids).toEqual(['lifecycle.dead-resource-used']);
    expect(run(...base, consentStatus('valid')).ids).toEqual(['lifecycle.dead-resource-used']);
    expect(run(consentCreated(), consentSca('failed'), consentStatus('rejected'), accounts()).ids).toEqual(['lifecycle.dead-resource-used']);
  });

  it('lifecycle.sca-without-effect: the payment stays RCVD after its authorisation is finalised', () => {
    const { findings } = run(initiated(), sca('finalised'), paymentStatus('RCVD'), paymentStatus('RCVD'));
    expect(findings.map((f) => f.check)).toEqual(['lifecycle.sca-without-effect']);
    expect(run(initiated(), sca('finalised'), paymentStatus('RCVD'), paymentStatus('ACTC')).ids).toEqual([]);
  });

  it('lifecycle.sca-without-effect is not claimed when the resource was seen moved on before the finalisation was read', () => {
    // ACTC, then the finalised authorisation, then a contradicting RCVD: the SCA had its effect;
    // the contradiction is the status endpoint's against the resource's, and only that is found.
    const { findings } = run(initiated(), paymentStatus('ACTC'), sca('finalised'), payment('RCVD'));
    expect(findings.map((f) => f.check)).toEqual(['lifecycle.status-consistent']);
    // but a payment never seen moved on, and RCVD after the finalisation, is stuck
    expect(run(initiated(), paymentStatus('RCVD'), sca('finalised'), payment('RCVD')).ids).toEqual(['lifecycle.sca-without-effect']);
  });

  it('marks illegal edges in the observed graph', () => {
    const { tracker } = run(initiated(), sca('finalised'), paymentStatus('ACSC'), paymentStatus('RCVD'));
    expect(tracker.edges().find((e) => e.from === 'ACSC')).toMatchObject({ to: 'RCVD', illegal: true, count: 1 });
  });
});

describe('sca.status-final: an authorisation a driver carried through ends final', () => {
  function judged(statuses: string[]): string[] {
    const tracker = new LifecycleTracker(loadMachines());
    const exchanges = [initiated(), ...statuses.map(sca)];
    for (const e of exchanges) tracker.observe(e, spec.match(e.request.method, e.request.url), JSON.parse(e.response!.body));
    tracker.expectFinal('authorisation:a1', exchanges.at(-1)!.id);
    return tracker.finish().map((f) => f.check);
  }
  it('finds an authorisation still started after the PSU approved', () => {
    expect(judged(['psuIdentified', 'started', 'started'])).toContain('sca.status-final');
  });
  it('accepts finalised, failed and exempted; judges nothing when no status was observed', () => {
    for (const s of ['finalised', 'failed', 'exempted']) expect(judged(['started', s])).not.toContain('sca.status-final');
    const tracker = new LifecycleTracker(loadMachines());
    tracker.expectFinal('authorisation:unseen', 'e0');
    expect(tracker.finish()).toEqual([]);
  });
});
