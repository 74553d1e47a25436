import { defineCheck, verdict, type Verdict } from '../check.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hrefOf(link: unknown): string | undefined {
  return isObject(link) && typeof link['href'] === 'string' ? link['href'] : undefined;
}

/**
 * The path of an href, decoded. Official examples break the path templates (DOMAIN §9 #21: no
 * product segment, a missing slash, no scheme), so an href is only asked to name its resource's
 * id somewhere in its path, not to follow a template.
 */
function pathOf(href: string): string {
  let path: string;
  try {
    path = new URL(href, 'http://link.invalid/').pathname;
  } catch {
    path = href;
  }
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

interface Expectation {
  /** Where the links are, for the message. */
  at: string;
  links: Record<string, unknown>;
  names: readonly string[];
  id: string;
  what: string;
}

function judgeLinks(e: Expectation): Verdict[] {
  const out: Verdict[] = [];
  for (const name of e.names) {
    const href = hrefOf(e.links[name]);
    if (href === undefined || pathOf(href).includes(e.id)) continue;
    out.push(verdict(`${e.at}._links.${name} (${href}) does not lead to ${e.what} ${e.id}`, { link: name, href, id: e.id }));
  }
  return out;
}

const CREATED_ID: Readonly<Record<string, string>> = { initiatePayment: 'paymentId', createConsent: 'consentId', createSigningBasket: 'basketId' };

export default defineCheck({
  id: 'links.target',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §5.3, §6.3 (self, status and scaStatus of the created resource), §6 (an account’s balances and transactions links; a report’s account link; an entry’s transactionDetails)',
  description:
    'Links lead to the resource they are named for: self, status and scaStatus of a new payment, consent or basket name its id; an account’s balances and transactions links name that account; a transaction’s details link names that transaction.',
  appliesTo: (ex, ctx) => ex.response !== undefined && ex.response.status >= 200 && ex.response.status < 300 && ctx.match !== undefined && isObject(ctx.responseJson),
  judge(_ex, ctx) {
    const body = ctx.responseJson as Record<string, unknown>;
    const op = ctx.match!.operation.operationId;
    const out: Verdict[] = [];
    const createdKey = CREATED_ID[op];
    const created = createdKey ? body[createdKey] : undefined;
    if (typeof created === 'string' && created !== '' && isObject(body['_links'])) {
      out.push(...judgeLinks({ at: 'body', links: body['_links'], names: ['self', 'status', 'scaStatus'], id: created, what: `the new resource` }));
    }
    const accounts = op === 'getAccountList' && Array.isArray(body['accounts']) ? body['accounts'] : op === 'readAccountDetails' ? [body['account']] : [];
    accounts.forEach((a, i) => {
      if (!isObject(a) || typeof a['resourceId'] !== 'string' || !isObject(a['_links'])) return;
      const at = op === 'getAccountList' ? `accounts[${i}]` : 'account';
      out.push(...judgeLinks({ at, links: a['_links'], names: ['balances', 'transactions'], id: a['resourceId'], what: 'account' }));
    });
    const accountId = ctx.match!.pathParams['account-id'];
    if (op === 'getTransactionList' && accountId && isObject(body['transactions'])) {
      const report = body['transactions'];
      if (isObject(report['_links'])) out.push(...judgeLinks({ at: 'transactions', links: report['_links'], names: ['account'], id: accountId, what: 'account' }));
      for (const list of ['booked', 'pending'] as const) {
        const entries = Array.isArray(report[list]) ? report[list] : [];
        entries.forEach((t, i) => {
          if (!isObject(t) || typeof t['transactionId'] !== 'string' || !isObject(t['_links'])) return;
          out.push(...judgeLinks({ at: `transactions.${list}[${i}]`, links: t['_links'], names: ['transactionDetails'], id: t['transactionId'], what: 'transaction' }));
        });
      }
    }
    return out;
  },
});
