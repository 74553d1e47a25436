import { defineCheck, verdict, type Verdict } from '../check.js';
import { ACCOUNT_REFERENCES, type AccountReference, CONSENT_ACCESS } from '../observations.js';
import { accountPathOf, consentIdOf, describeReference, isDedicated, isObject, referenceOf, sameAccount } from './consent-facts.js';

type Service = 'accounts' | 'balances' | 'transactions';

/** Per AIS read: where its account is in the body, and which access it needs. */
const READS: Record<string, { account?: string; list?: string; needs: Service }> = {
  getAccountList: { list: 'accounts', needs: 'accounts' },
  getCardAccountList: { list: 'cardAccounts', needs: 'accounts' },
  readAccountDetails: { account: 'account', needs: 'accounts' },
  readCardAccountDetails: { account: 'cardAccount', needs: 'accounts' },
  getBalances: { account: 'account', needs: 'balances' },
  getCardAccountBalances: { account: 'cardAccount', needs: 'balances' },
  getTransactionList: { account: 'account', needs: 'transactions' },
  getCardAccountTransactionList: { account: 'cardAccount', needs: 'transactions' },
  getTransactionDetails: { needs: 'transactions' },
};

/**
 * Under a consent for dedicated accounts, the bank shows only those accounts, and balances and
 * transactions only of the accounts the consent grants them for. What the consent grants is known
 * from earlier exchanges (the createConsent request, GET consent); which account an account-id is,
 * from the body itself or from an earlier account list.
 */
export default defineCheck({
  id: 'ais.consented-accounts-only',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §6 (account information consent: access to the accounts, balances and transactions it names, and no others)',
  description: 'Accounts, balances and transactions returned under a dedicated consent belong to the accounts it grants them for.',
  appliesTo(ex, ctx) {
    if (!ex.response || ex.response.status < 200 || ex.response.status >= 300 || !isObject(ctx.responseJson)) return false;
    const op = ctx.match?.operation.operationId;
    const id = consentIdOf(ex);
    return op !== undefined && op in READS && id !== undefined && isDedicated(ctx.observations.get(CONSENT_ACCESS, id));
  },
  judge(ex, ctx) {
    const id = consentIdOf(ex)!;
    const access = ctx.observations.get(CONSENT_ACCESS, id)!;
    const read = READS[ctx.match!.operation.operationId]!;
    const body = ctx.responseJson as Record<string, unknown>;
    const lists: Record<Service, AccountReference[]> = {
      accounts: [...(access.accounts ?? []), ...(access.balances ?? []), ...(access.transactions ?? [])],
      balances: access.balances ?? [],
      transactions: access.transactions ?? [],
    };
    const out: Verdict[] = [];
    const judgeAccount = (ref: AccountReference, service: Service): void => {
      if (lists[service].some((granted) => sameAccount(ref, granted))) return;
      const what = service === 'accounts' ? 'access' : service;
      const grantedTo = lists[service].length ? `only for ${lists[service].map(describeReference).join(', ')}` : 'for no account';
      out.push(
        verdict(`${service === 'accounts' ? 'account' : `${service} of`} ${describeReference(ref)} returned, but consent ${id} grants ${what} ${grantedTo}`, {
          consentId: id,
          account: ref,
          granted: lists[service],
        }),
      );
    };
    const judgeDetails = (item: unknown, service: Service): void => {
      const ref = referenceOf(item);
      if (!ref) return;
      judgeAccount(ref, service);
      if (isObject(item) && item['balances'] !== undefined) judgeAccount(ref, 'balances');
    };
    if (read.list) {
      const items = body[read.list];
      if (Array.isArray(items)) for (const item of items) judgeDetails(item, 'accounts');
      return out;
    }
    if (read.needs === 'accounts') {
      judgeDetails(body[read.account!], 'accounts');
      return out;
    }
    const path = accountPathOf(ex.request.url);
    const ref = (read.account ? referenceOf(body[read.account]) : undefined) ?? (path ? ctx.observations.get(ACCOUNT_REFERENCES, path) : undefined);
    if (!ref) return out; // which account this is cannot be told: not judged
    judgeAccount(ref, read.needs);
    if (read.needs === 'transactions' && body['balances'] !== undefined) judgeAccount(ref, 'balances');
    return out;
  },
});
