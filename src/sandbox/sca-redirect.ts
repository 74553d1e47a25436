/** The redirect SCA pages: GET shows the form, POST approves or rejects (DOMAIN §4.4). */
import { randomInt } from 'node:crypto';
import { readFormBody } from './body.js';
import { confirmationMandated } from './confirmation.js';
import type { RequestContext } from './context.js';
import { findPsu } from './data.js';
import { approve, awaitingSca, isFinalSca, markStarted, refusalFor, reject } from './lifecycle.js';
import { scaRedirectUrl } from './links.js';
import { loginPage, messagePage } from './redirect-pages.js';
import { sendHtml, sendRedirect } from './response.js';
import type { AccountRef, AuthorisableRecord, AuthorisationRecord, ConsentRecord, PaymentRecord, Store } from './store.js';

/** Wrong logins allowed before the authorisation fails. */
export const MAX_FAILED_LOGINS = 3;

interface Target {
  auth: AuthorisationRecord;
  parent: AuthorisableRecord;
}

/** The authorisation of the page, or undefined after an error page was sent. */
function target(ctx: RequestContext): Target | undefined {
  const id = ctx.params.authorisationId ?? '';
  const auth = ctx.env.store.authorisations.get(id);
  const parent = auth ? ctx.env.store.parentOf(auth) : undefined;
  if (!auth || !parent) {
    sendHtml(ctx, 404, messagePage('Unknown authorisation', 'This authorisation link is not known to the bank.'));
    return undefined;
  }
  if (auth.approach !== 'REDIRECT') {
    sendHtml(ctx, 409, messagePage('Not a redirect authorisation', `This authorisation uses the ${auth.approach.toLowerCase()} approach; it is not completed on this page.`));
    return undefined;
  }
  if (isFinalSca(auth) || auth.scaStatus === 'unconfirmed') {
    sendHtml(ctx, 409, messagePage('Authorisation closed', `This authorisation is already ${auth.scaStatus} and cannot be used again.`));
    return undefined;
  }
  if (!awaitingSca(parent, auth.purpose)) {
    sendHtml(ctx, 409, messagePage('Authorisation closed', `This ${describe(parent)} no longer awaits an authorisation.`));
    return undefined;
  }
  return { auth, parent };
}

function describe(parent: AuthorisableRecord): string {
  return { payment: 'payment', consent: 'consent', fundsConsent: 'confirmation-of-funds consent', basket: 'signing basket' }[parent.kind];
}

type Rows = Array<[string, string]>;

function paymentRows(parent: PaymentRecord): Rows {
  const d = parent.data as {
    instructedAmount?: { amount: string; currency: string };
    creditorName?: string;
    creditorAccount?: { iban?: string; bban?: string };
    debtorAccount?: { iban?: string };
    remittanceInformationUnstructured?: string;
    payments?: Array<{ instructedAmount?: { amount: string; currency: string } }>;
    frequency?: string;
    startDate?: string;
  };
  const rows: Rows = [[parent.service === 'payments' ? 'Payment' : parent.service === 'bulk-payments' ? 'Bulk payment' : 'Standing order', parent.product]];
  if (d.payments) {
    const total = d.payments.reduce((s, p) => s + Math.round(Number(p.instructedAmount?.amount ?? 0) * 100), 0);
    rows.push(['Payments', `${d.payments.length}, together ${(total / 100).toFixed(2)} ${d.payments[0]?.instructedAmount?.currency ?? ''}`.trim()]);
  } else {
    rows.push(['Amount', d.instructedAmount ? `${d.instructedAmount.amount} ${d.instructedAmount.currency}` : '']);
    rows.push(['To', `${d.creditorName ?? ''} ${d.creditorAccount?.iban ?? d.creditorAccount?.bban ?? ''}`.trim()]);
    rows.push(['Reference', d.remittanceInformationUnstructured ?? '']);
  }
  if (d.frequency) rows.push(['Schedule', `${d.frequency} from ${d.startDate ?? ''}`]);
  rows.push(['From account', d.debtorAccount?.iban ?? '']);
  return rows;
}

function consentRows(parent: ConsentRecord): Rows {
  const a = parent.access;
  const refs = (list?: AccountRef[]) => (list ?? []).map((r) => r.iban ?? r.maskedPan).join(', ');
  const scope = a.allPsd2
    ? `All PSD2 services on all accounts (${a.allPsd2})`
    : a.availableAccounts
      ? `List of available accounts (${a.availableAccounts})`
      : a.availableAccountsWithBalance
        ? `List of available accounts with balances (${a.availableAccountsWithBalance})`
        : parent.form === 'bankOffered'
          ? 'Accounts, balances and transactions of the accounts you choose'
          : [
              a.accounts?.length ? `accounts: ${refs(a.accounts)}` : '',
              a.balances?.length ? `balances: ${refs(a.balances)}` : '',
              a.transactions?.length ? `transactions: ${refs(a.transactions)}` : '',
            ]
              .filter(Boolean)
              .join('; ');
  return [
    ['Access', scope],
    ['Valid until', parent.validUntil],
    ['Recurring', parent.recurringIndicator ? `yes, up to ${parent.frequencyPerDay} times a day` : 'no (one-off)'],
  ];
}

function summary(store: Store, parent: AuthorisableRecord): Rows {
  switch (parent.kind) {
    case 'payment':
      return paymentRows(parent);
    case 'consent':
      return consentRows(parent);
    case 'fundsConsent':
      return [['Confirmation of funds on', parent.account.iban ?? parent.account.maskedPan ?? '']];
    case 'basket':
      return store.membersOf(parent).flatMap((m, i): Rows => [[`Item ${i + 1}`, m.kind === 'payment' ? `payment ${m.product}` : 'account access'], ...(m.kind === 'payment' ? paymentRows(m) : consentRows(m))]);
  }
}

function showForm(ctx: RequestContext, t: Target, status: number, error?: string, psuId?: string): void {
  const titles = { payment: 'Authorise payment', consent: 'Grant account access', fundsConsent: 'Allow confirmation of funds', basket: 'Authorise signing basket' };
  const title = t.auth.purpose === 'cancellation' ? 'Authorise cancellation of payment' : titles[t.parent.kind];
  sendHtml(
    ctx,
    status,
    loginPage({
      title,
      summary: summary(ctx.env.store, t.parent),
      formAction: scaRedirectUrl(ctx, t.auth.id),
      formToken: t.auth.formToken,
      ...(error ? { error } : {}),
      ...(psuId ? { psuId } : {}),
    }),
  );
}

/** Where the bank sends every PSU back to under the redirect-uri-ignored defect: the TPP's registered address, not the one it asked for. */
export const REGISTERED_TPP_URI = 'https://tpp.invalid/registered-callback';

/** The URI with a query parameter added. */
function withParam(uri: string, name: string, value: string): string {
  const url = new URL(uri);
  url.searchParams.set(name, value);
  return url.toString();
}

/** Sends the PSU back to the TPP (with the confirmation code, when one is due), or shows a closing page when the TPP gave no URI. */
function finish(ctx: RequestContext, t: Target, ok: boolean): void {
  const asked = ok ? t.auth.redirect.redirectUri : (t.auth.redirect.nokRedirectUri ?? t.auth.redirect.redirectUri);
  const uri = asked && ctx.env.defects.has('redirect-uri-ignored') ? REGISTERED_TPP_URI : asked;
  const code = ok ? t.auth.confirmationCode : undefined;
  if (uri) return sendRedirect(ctx, code ? withParam(uri, 'confirmationCode', code) : uri, 302);
  const text = ok ? 'The authorisation is complete.' : 'The authorisation was rejected.';
  sendHtml(ctx, 200, messagePage(ok ? 'Done' : 'Rejected', `${text} You may close this window and return to the application.`));
}

/** GET /sca/{authorisationId} */
export function showScaPage(ctx: RequestContext): void {
  const t = target(ctx);
  if (!t) return;
  markStarted(t.auth);
  showForm(ctx, t, 200);
}

/** POST /sca/{authorisationId} */
export function submitScaPage(ctx: RequestContext): void {
  const t = target(ctx);
  if (!t) return;
  const form = readFormBody(ctx);
  if (!form) {
    return sendHtml(ctx, 415, messagePage('Unsupported form', 'The form must be sent as application/x-www-form-urlencoded.'));
  }
  if (form.get('token') !== t.auth.formToken) {
    return sendHtml(ctx, 400, messagePage('Invalid form', 'The form does not belong to this authorisation. Open the link again.'));
  }
  markStarted(t.auth);
  const decision = form.get('decision');
  if (decision === 'reject') {
    reject(ctx.env, t.auth);
    return finish(ctx, t, false);
  }
  if (decision !== 'approve') return showForm(ctx, t, 400, 'Choose Approve or Reject.');
  const psuId = (form.get('psuId') ?? '').trim();
  const psu = findPsu(psuId);
  if (!psu || psu.password !== form.get('password')) {
    t.auth.failedLogins += 1;
    if (t.auth.failedLogins >= MAX_FAILED_LOGINS) {
      reject(ctx.env, t.auth);
      return finish(ctx, t, false);
    }
    const left = MAX_FAILED_LOGINS - t.auth.failedLogins;
    return showForm(ctx, t, 200, `Unknown user or wrong password. ${left} attempt${left === 1 ? '' : 's'} left.`, psuId);
  }
  const refusal = refusalFor(ctx.env.store, t.parent, psu);
  if (refusal) return showForm(ctx, t, 200, refusal, psuId);
  if (confirmationMandated(ctx.env, t.parent, t.auth)) {
    // Redirect with confirmation (confirmation.ts): the TPP finishes it with the code the PSU takes back.
    const code = String(randomInt(10_000_000, 100_000_000));
    if (ctx.env.defects.has('confirmation-skipped')) approve(ctx.env, t.auth, psu);
    else {
      t.auth.scaStatus = 'unconfirmed';
      t.auth.psuId = psu.id;
    }
    t.auth.confirmationCode = code;
  } else approve(ctx.env, t.auth, psu);
  finish(ctx, t, true);
}
