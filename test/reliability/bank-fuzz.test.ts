import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.js';
import { contextOf, judgeExchange } from '../../src/checks/judge.js';
import type { Exchange } from '../../src/http/exchange.js';
import { bundled } from '../../src/paths.js';
import { ACCOUNTS, CARD_ACCOUNTS, startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { loadSpec } from '../../src/spec/index.js';
import type { Operation, Spec } from '../../src/spec/types.js';
import { authorisedConsent, BankClient, paymentBody, REDIRECT_HEADERS, type Answer, type Call } from './bank-client.js';
import { apiRequest, pageRequest, rawRequest, type KnownIds } from './bank-requests.js';

/**
 * Fuzzing the reference bank: 2,000 requests in all, seeded (XS2A_FUZZ_SEED to replay or vary).
 * Whatever comes, the bank never answers 5xx, never crashes (an uncaught error would fail this
 * worker), every answer of the XS2A API carries an X-Request-ID, and every 4xx of the API carries
 * the Berlin Group error body (tppMessages with category and code), except where the standard
 * declares the status without a body (408, 415) or HTTP forbids one (HEAD). Every answer of an
 * operation also passes the project's own per-exchange checks against the bundled description
 * (status declared, content type, schema, X-Request-ID echo, error model).
 */
const SEED = Number(process.env['XS2A_FUZZ_SEED'] ?? 20_261_122);
const RUNS = { api: 1_600, pages: 200, raw: 200 };

let bank: RunningSandbox;
let client: BankClient;
let spec: Spec;
let operations: Operation[];
/** The checks that judge one answer on its own (the others need a flow's history). */
const STATELESS = new Set(['response.status-declared', 'response.content-type', 'response.schema', 'response.utf8', 'header.x-request-id-echo', 'error.tpp-messages']);
const checks = CHECKS.filter((c) => STATELESS.has(c.id));
let ids: KnownIds;
const statuses = new Map<number, number>();

beforeAll(async () => {
  bank = await startSandbox();
  client = new BankClient(bank.url, 16);
  spec = await loadSpec(bundled.spec());
  operations = spec.operations;
  const alice = ACCOUNTS.find((a) => a.resourceId === 'acc-alice-eur')!;
  const consentId = await authorisedConsent(client, 'psu-alice');
  const payment = await client.api('POST', '/v1/payments/sepa-credit-transfers', { headers: REDIRECT_HEADERS, json: paymentBody(alice.iban, '5.00', 'E2E-SEED-1') });
  const explicit = await client.api('POST', '/v1/payments/sepa-credit-transfers', { headers: { ...REDIRECT_HEADERS, 'TPP-Explicit-Authorisation-Preferred': 'true' }, json: paymentBody(alice.iban, '6.00', 'E2E-SEED-2') });
  const basket = await client.api('POST', '/v1/signing-baskets', { headers: REDIRECT_HEADERS, json: { paymentIds: [explicit.json.paymentId] } });
  const funds = await client.api('POST', '/v2/consents/confirmation-of-funds', { headers: REDIRECT_HEADERS, json: { account: { iban: alice.iban } } });
  const transactions = await client.api('GET', `/v1/accounts/${alice.resourceId}/transactions?bookingStatus=booked&dateFrom=2000-01-01`, { headers: { 'Consent-ID': consentId, 'PSU-IP-Address': '192.0.2.10' } });
  for (const [what, answer] of Object.entries({ payment, explicit, basket, funds, transactions })) expect(answer.status, `${what}: ${answer.text}`).toBeLessThan(300);
  const scaIds = [payment, funds].map((a) => /\/sca\/([^/?#]+)/.exec(a.json?._links?.scaRedirect?.href ?? '')?.[1]).filter((x): x is string => !!x);
  ids = {
    paymentIds: [payment.json.paymentId, explicit.json.paymentId],
    consentIds: [consentId],
    fundsConsentIds: [funds.json.consentId],
    basketIds: [basket.json.basketId],
    authorisationIds: scaIds,
    accountIds: ACCOUNTS.map((a) => a.resourceId),
    cardAccountIds: CARD_ACCOUNTS.map((a) => a.resourceId),
    transactionIds: (transactions.json.transactions.booked as Array<{ transactionId: string }>).slice(0, 3).map((t) => t.transactionId),
    iban: alice.iban,
  };
  console.log(`bank fuzz: seed ${SEED} (set XS2A_FUZZ_SEED to replay another), ${RUNS.api + RUNS.pages + RUNS.raw} requests`);
});

afterAll(async () => {
  console.log(`bank fuzz: statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
  await client?.close();
  await bank?.close();
});

function describeCall(call: Call): string {
  const body = call.body === undefined ? '' : typeof call.body === 'string' ? ` body ${JSON.stringify(call.body.slice(0, 300))}` : ` body of ${call.body.length} bytes`;
  return `${call.method} ${call.path.slice(0, 200)} ${JSON.stringify(call.headers ?? {})}${body}`;
}

/** What is wrong with an answer, if anything. */
function problemOf(call: Call, answer: Answer): string | undefined {
  statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (!/^\/v[12]\//.test(call.path)) return undefined;
  if (!answer.headers['x-request-id']) return 'no X-Request-ID in the answer';
  if (answer.status < 400 || [408, 415].includes(answer.status) || call.method === 'HEAD') return undefined;
  const messages = answer.json?.tppMessages;
  if (!/^application\/json\b/.test(answer.headers['content-type'] ?? '')) return `a ${answer.status} without a JSON body (${answer.headers['content-type']})`;
  if (!Array.isArray(messages) || messages.length === 0) return `a ${answer.status} without tppMessages: ${answer.text.slice(0, 200)}`;
  const bad = messages.find((m: { category?: unknown; code?: unknown }) => !['ERROR', 'WARNING'].includes(m?.category as string) || typeof m?.code !== 'string' || m.code === '');
  return bad ? `a tppMessage without category or code: ${JSON.stringify(bad)}` : undefined;
}

/** The MUST findings of the per-exchange checks on an answer to an XS2A path. */
function findingsOf(call: Call, answer: Answer): string[] {
  if (!/^\/v[12]\//.test(call.path)) return [];
  const exchange: Exchange = {
    id: randomUUID(),
    startedAt: new Date().toISOString(),
    durationMs: 0,
    request: { method: call.method, url: `${bank.url}${call.path}`, headers: call.headers ?? {}, ...(typeof call.body === 'string' ? { body: call.body } : {}) },
    response: { status: answer.status, headers: answer.headers, body: answer.text },
  };
  return judgeExchange(exchange, checks, contextOf(exchange, spec))
    .filter((f) => f.level === 'MUST')
    .map((f) => `${f.check}: ${f.message}`);
}

async function answers(call: Call): Promise<void> {
  const answer = await client.call(call);
  const problems = [problemOf(call, answer), ...findingsOf(call, answer)].filter((p): p is string => p !== undefined);
  if (problems.length) throw new Error(`${problems.join('\n')}\n  for ${describeCall(call)}`);
}

/** Writes raw bytes on a fresh connection and reads what comes back until the bank closes it. */
function raw(bytes: Uint8Array): Promise<string> {
  const { port } = new URL(bank.url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let out = '';
    const timer = setTimeout(() => socket.destroy(), 2_000);
    socket.on('data', (d: Buffer) => (out += d.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => (clearTimeout(timer), resolve(out)));
    socket.end(Buffer.from(bytes));
  });
}

describe('the reference bank under fuzzing', () => {
  it(`answers ${RUNS.api} fuzzed XS2A requests to every operation without a 5xx, as the standard says (errors in its error body)`, async () => {
    await fc.assert(fc.asyncProperty(apiRequest(operations, ids), answers), { seed: SEED, numRuns: RUNS.api });
    // Every operation was hit with its own method.
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(RUNS.api);
  });

  it(`answers ${RUNS.pages} fuzzed requests to the SCA pages and sandbox hooks without a 5xx`, async () => {
    await fc.assert(fc.asyncProperty(pageRequest(ids), answers), { seed: SEED, numRuns: RUNS.pages });
  });

  it(`survives ${RUNS.raw} malformed HTTP messages on raw sockets, and still serves a good request`, async () => {
    await fc.assert(
      fc.asyncProperty(rawRequest, async (bytes) => {
        const out = await raw(bytes);
        expect(out, `for ${JSON.stringify(Buffer.from(bytes).toString('latin1').slice(0, 200))}`).not.toMatch(/^HTTP\/1\.[01] 5\d\d/m);
      }),
      { seed: SEED, numRuns: RUNS.raw },
    );
    const consent = await client.api('GET', `/v1/consents/${ids.consentIds[0]}/status`);
    expect(consent.status).toBe(200);
  });
});
