/**
 * Facts about AIS consents and accounts learned from exchanges: what each consent grants (from the
 * createConsent request, refreshed by GET consent, which shows what a bank-offered consent became)
 * and which account each account-id path is (from account lists and details).
 */
import { headerOf, type Exchange } from '../../http/exchange.js';
import type { CheckContext } from '../check.js';
import {
  ACCOUNT_REFERENCES,
  type AccountReference,
  CONSENT_ACCESS,
  type ConsentAccessFact,
  type Observations,
} from '../observations.js';

const IDENTIFIERS = ['iban', 'bban', 'pan', 'maskedPan', 'msisdn'] as const;
const GLOBAL_ACCESS = ['allPsd2', 'availableAccounts', 'availableAccountsWithBalance'] as const;

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The identifier and currency of an account reference or account details object. */
export function referenceOf(value: unknown): AccountReference | undefined {
  if (!isObject(value)) return undefined;
  const out: AccountReference = {};
  for (const id of IDENTIFIERS) if (typeof value[id] === 'string') out[id] = value[id] as string;
  if (Object.keys(out).length === 0) return undefined;
  if (typeof value['currency'] === 'string') out.currency = value['currency'];
  return out;
}

/** True when an account (reference) is the one a consent's reference names: same identifier, and the currency if the consent names one. */
export function sameAccount(account: AccountReference, granted: AccountReference): boolean {
  const id = IDENTIFIERS.find((k) => granted[k] !== undefined && account[k] !== undefined);
  if (!id || account[id] !== granted[id]) return false;
  return granted.currency === undefined || account.currency === undefined || granted.currency === account.currency;
}

export function describeReference(ref: AccountReference): string {
  const id = IDENTIFIERS.find((k) => ref[k] !== undefined);
  return id ? `${ref[id]}${ref.currency ? ` (${ref.currency})` : ''}` : JSON.stringify(ref);
}

function accessFact(access: unknown): ConsentAccessFact | undefined {
  if (!isObject(access)) return undefined;
  const global = GLOBAL_ACCESS.find((k) => typeof access[k] === 'string');
  if (global) return { global };
  const list = (key: string): AccountReference[] | undefined =>
    Array.isArray(access[key]) ? (access[key] as unknown[]).map(referenceOf).filter((r): r is AccountReference => r !== undefined) : undefined;
  const fact: ConsentAccessFact = {};
  for (const key of ['accounts', 'balances', 'transactions'] as const) {
    const refs = list(key);
    if (refs) fact[key] = refs;
  }
  return fact;
}

/** A consent whose access names accounts (dedicated), as opposed to global or still bank-offered. */
export function isDedicated(fact: ConsentAccessFact | undefined): fact is ConsentAccessFact {
  return fact !== undefined && fact.global === undefined && [fact.accounts, fact.balances, fact.transactions].some((l) => (l?.length ?? 0) > 0);
}

/** The account a read is about, as a key: /v1/accounts/{id} or /v1/card-accounts/{id} (id decoded). */
export function accountPathOf(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url, 'http://base.invalid').pathname;
  } catch {
    return undefined;
  }
  const m = /(\/v1\/(?:card-)?accounts)\/([^/]+)/.exec(path);
  if (!m) return undefined;
  try {
    return `${m[1]}/${decodeURIComponent(m[2]!)}`;
  } catch {
    return undefined;
  }
}

function learnConsentAccess(ex: Exchange, ctx: CheckContext, store: Observations): void {
  const op = ctx.match?.operation.operationId;
  const status = ex.response?.status ?? 0;
  if (status < 200 || status >= 300) return;
  if (op === 'createConsent' && isObject(ctx.requestJson) && isObject(ctx.responseJson)) {
    const id = ctx.responseJson['consentId'];
    const fact = accessFact(ctx.requestJson['access']);
    if (typeof id === 'string' && fact) store.set(CONSENT_ACCESS, id, fact);
  }
  if (op === 'getConsentInformation' && isObject(ctx.responseJson)) {
    const id = ctx.match!.pathParams['consentId'];
    const fact = accessFact(ctx.responseJson['access']);
    if (id && fact) store.set(CONSENT_ACCESS, id, fact);
  }
}

function learnAccountReferences(ex: Exchange, ctx: CheckContext, store: Observations): void {
  const op = ctx.match?.operation.operationId;
  if (ex.response?.status !== 200 || !isObject(ctx.responseJson)) return;
  const body = ctx.responseJson;
  const items: Array<[string, unknown]> =
    op === 'getAccountList' && Array.isArray(body['accounts'])
      ? (body['accounts'] as unknown[]).map((a) => ['/v1/accounts', a])
      : op === 'getCardAccountList' && Array.isArray(body['cardAccounts'])
        ? (body['cardAccounts'] as unknown[]).map((a) => ['/v1/card-accounts', a])
        : op === 'readAccountDetails'
          ? [['/v1/accounts', body['account']]]
          : op === 'readCardAccountDetails'
            ? [['/v1/card-accounts', body['cardAccount']]]
            : [];
  for (const [collection, item] of items) {
    const ref = referenceOf(item);
    if (ref && isObject(item) && typeof item['resourceId'] === 'string') store.set(ACCOUNT_REFERENCES, `${collection}/${item['resourceId']}`, ref);
  }
}

/** The consentId a request names in its Consent-ID header. */
export function consentIdOf(ex: Exchange): string | undefined {
  return headerOf(ex.request.headers, 'consent-id')?.trim() || undefined;
}

export const consentLearners = [learnConsentAccess, learnAccountReferences];
