/**
 * POST /v1/funds-confirmations: is the amount available on the account now? With a Consent-ID the
 * confirmation-of-funds consent must be valid and name the account; without one, the PSU must
 * have enabled confirmation of funds on the account at the bank.
 */
import { readJsonBody } from './body.js';
import type { RequestContext } from './context.js';
import { accountByIban, availableCents } from './data.js';
import { today } from './dates.js';
import { apiError, formatError } from './errors.js';
import { findFundsConsent } from './funds-consents.js';
import { sendJson } from './response.js';
import { Issues, accountReferenceField, amountField, isObject, stringField } from './validation.js';

function cents(amount: string): number {
  const [whole, fraction = ''] = amount.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

export function checkAvailabilityOfFunds(ctx: RequestContext): void {
  const body = readJsonBody(ctx, true);
  if (!isObject(body)) throw formatError('The funds confirmation body must be a JSON object', 'body');
  const issues = new Issues();
  const ref = accountReferenceField(body, 'account', '', issues, true, ['iban']);
  const amount = amountField(body, 'instructedAmount', '', issues, true);
  stringField(body, 'cardNumber', '', issues, false, { maxLength: 35 });
  stringField(body, 'payee', '', issues, false, { maxLength: 70 });
  if (amount && amount.amount.startsWith('-')) issues.add('instructedAmount.amount', 'instructedAmount.amount must not be negative');
  issues.throwIfAny();
  const iban = ref!.iban as string;
  const account = accountByIban(iban);
  if (!account) throw apiError(400, 'RESOURCE_UNKNOWN', `Account ${iban} is not kept at this bank`, 'account.iban');
  const consentId = ctx.header('Consent-ID')?.trim();
  if (consentId) {
    const consent = findFundsConsent(ctx, consentId, 'Consent-ID');
    if (consent.consentStatus === 'received') throw apiError(401, 'CONSENT_INVALID', 'The confirmation-of-funds consent is not authorised yet', 'Consent-ID');
    if (consent.consentStatus !== 'valid') throw apiError(401, 'CONSENT_EXPIRED', `The confirmation-of-funds consent is ${consent.consentStatus}`, 'Consent-ID');
    if (consent.account.iban !== iban) throw apiError(401, 'CONSENT_INVALID', `The consent is for account ${consent.account.iban}, not ${iban}`, 'account.iban');
  } else if (!account.piisEnabled) {
    throw apiError(400, 'NO_PIIS_ACTIVATION', `Confirmation of funds is not enabled on account ${iban}`, 'account');
  }
  if (amount!.currency !== account.currency) {
    throw formatError(`Account ${iban} is kept in ${account.currency}; ask in ${account.currency}`, 'instructedAmount.currency');
  }
  const fundsAvailable = availableCents(account, today()) >= cents(amount!.amount);
  sendJson(ctx, ctx.env.defects.has('funds-confirmation-201') ? 201 : 200, { fundsAvailable: ctx.env.defects.has('funds-available-as-string') ? String(fundsAvailable) : fundsAvailable });
}
