/**
 * A small HTTP client for hammering the reference bank from the reliability tests: one undici
 * Agent with a bounded pool (500 concurrent flows share it), raw bytes in and out, and the two
 * flows every test needs (a payment, a consent), each through the redirect SCA pages.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import { parseScaForm } from '../sandbox/client.js';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: any;
}

export interface Call {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export const TPP_OK = 'https://tpp.example/sca/ok';
export const TPP_NOK = 'https://tpp.example/sca/nok';
export const REDIRECT_HEADERS = { 'PSU-IP-Address': '192.0.2.10', 'TPP-Redirect-Preferred': 'true', 'TPP-Redirect-URI': TPP_OK, 'TPP-Nok-Redirect-URI': TPP_NOK };
export const PSU_PASSWORDS: Record<string, string> = { 'psu-alice': 'sandbox-alice-1', 'psu-bob': 'sandbox-bob-2' };

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export class BankClient {
  readonly #agent: Agent;

  constructor(
    readonly base: string,
    connections = 64,
  ) {
    this.#agent = new Agent({ connections, headersTimeout: 10_000, bodyTimeout: 10_000, keepAliveTimeout: 5_000 });
  }

  async call({ method, path, headers = {}, body }: Call): Promise<Answer> {
    const res = await request(`${this.base}${path}`, { method: method as 'GET', headers, ...(body !== undefined ? { body } : {}), dispatcher: this.#agent });
    const text = await res.body.text();
    const flat: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
    return { status: res.statusCode, headers: flat, text, json: parsed(text) };
  }

  /** An XS2A call with a fresh X-Request-ID and, for a body, JSON. */
  api(method: string, path: string, options: { headers?: Record<string, string>; json?: unknown } = {}): Promise<Answer> {
    return this.call({
      method,
      path,
      headers: { 'X-Request-ID': randomUUID(), ...(options.json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...options.headers },
      ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
    });
  }

  /** The PSU at the bank's SCA page: log in and approve or reject; answers where the bank sent the PSU. */
  async sca(scaRedirect: string, psuId: string, decision: 'approve' | 'reject'): Promise<string | undefined> {
    const path = new URL(scaRedirect).pathname;
    const page = await this.call({ method: 'GET', path });
    if (page.status !== 200) throw new Error(`SCA page ${path} answered ${page.status}`);
    const { action, token } = parseScaForm(page.text);
    const form = new URLSearchParams({ token, psuId, password: PSU_PASSWORDS[psuId] ?? '', decision }).toString();
    const done = await this.call({ method: 'POST', path: new URL(action, scaRedirect).pathname, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form });
    return done.headers['location'];
  }

  close(): Promise<void> {
    return this.#agent.close();
  }
}

export function paymentBody(debtorIban: string, amount: string, e2e: string): Record<string, unknown> {
  return {
    endToEndIdentification: e2e,
    debtorAccount: { iban: debtorIban },
    instructedAmount: { currency: 'EUR', amount },
    creditorAccount: { iban: 'DE89370400440532013000' },
    creditorName: 'Merchant Example GmbH',
    remittanceInformationUnstructured: `Invoice ${e2e}`,
  };
}

export function consentBody(access: unknown, validDays = 30): Record<string, unknown> {
  const validUntil = new Date(Date.now() + validDays * 86_400_000).toISOString().slice(0, 10);
  return { access, recurringIndicator: true, validUntil, frequencyPerDay: 4, combinedServiceIndicator: false };
}

/** A consent for all PSD2 accounts, authorised by `psuId`; answers its id. */
export async function authorisedConsent(bank: BankClient, psuId: string): Promise<string> {
  const created = await bank.api('POST', '/v1/consents', { headers: REDIRECT_HEADERS, json: consentBody({ allPsd2: 'allAccounts' }) });
  if (created.status !== 201) throw new Error(`createConsent answered ${created.status}: ${created.text}`);
  const back = await bank.sca(created.json._links.scaRedirect.href, psuId, 'approve');
  if (!back?.startsWith(TPP_OK)) throw new Error(`the consent's SCA ended at ${back}`);
  return created.json.consentId as string;
}
