/** Multi-step helpers for sandbox tests: the PSU's walk through the redirect SCA page. */
import { expect } from 'vitest';
import { ACCOUNTS } from '../../src/sandbox/data.js';
import { type CallResult, type Client, PSU_HEADERS, TPP_NOK, TPP_OK, paymentBody, parseScaForm } from './client.js';

export const aliceEur = ACCOUNTS.find((a) => a.resourceId === 'acc-alice-eur')!;
export const aliceUsd = ACCOUNTS.find((a) => a.resourceId === 'acc-alice-usd')!;
export const aliceGbp = ACCOUNTS.find((a) => a.resourceId === 'acc-alice-gbp')!;
export const bobEur = ACCOUNTS.find((a) => a.resourceId === 'acc-bob-eur')!;

export const REDIRECT_HEADERS = {
  ...PSU_HEADERS,
  'TPP-Redirect-Preferred': 'true',
  'TPP-Redirect-URI': TPP_OK,
  'TPP-Nok-Redirect-URI': TPP_NOK,
};

/** Expects the response to conform to the official spec. */
export function conforms(res: CallResult): CallResult {
  expect(res.problems, `${res.method} ${res.url} → ${res.status}: ${res.text.slice(0, 300)}`).toEqual([]);
  return res;
}

export async function initiate(client: Client, extraHeaders: Record<string, string> = {}, body?: unknown): Promise<CallResult> {
  return client.post('/v1/payments/sepa-credit-transfers', {
    headers: { ...REDIRECT_HEADERS, ...extraHeaders },
    json: body ?? paymentBody(aliceEur.iban),
  });
}

/** Opens the SCA page and submits the form; returns the POST response. */
export async function submitScaPage(
  client: Client,
  scaRedirect: string,
  fields: { psuId?: string; password?: string; decision: 'approve' | 'reject' },
): Promise<CallResult> {
  const page = await client.get(scaRedirect, { noRequestId: true });
  expect(page.status).toBe(200);
  const { action, token } = parseScaForm(page.text);
  return client.post(action, {
    noRequestId: true,
    form: { token, psuId: fields.psuId ?? '', password: fields.password ?? '', decision: fields.decision },
  });
}

export async function approveAs(client: Client, scaRedirect: string, psuId: string, password: string): Promise<CallResult> {
  return submitScaPage(client, scaRedirect, { psuId, password, decision: 'approve' });
}

export async function createConsent(client: Client, body: unknown, extraHeaders: Record<string, string> = {}): Promise<CallResult> {
  return client.post('/v1/consents', { headers: { ...REDIRECT_HEADERS, ...extraHeaders }, json: body });
}

export function consentBody(access: unknown, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  return { access, recurringIndicator: true, validUntil: until, frequencyPerDay: 4, combinedServiceIndicator: false, ...overrides };
}

/** A consent approved by the given PSU; returns its id. */
export async function validConsent(client: Client, access: unknown, psu: [string, string] = ['psu-alice', 'sandbox-alice-1']): Promise<string> {
  const created = conforms(await createConsent(client, consentBody(access)));
  expect(created.status).toBe(201);
  const done = await approveAs(client, created.json._links.scaRedirect.href, psu[0], psu[1]);
  expect(done.status).toBe(302);
  return created.json.consentId as string;
}
