/**
 * Redirect with confirmation (DOMAIN §4.4, NextGenPSD2 1.3.8+). When the bank mandates it for a
 * redirect authorisation, the answer that starts it links `confirmation` (beside scaRedirect and
 * scaStatus); the PSU's approval on the SCA page leaves it `unconfirmed`, the redirect back to the
 * TPP carries `?confirmationCode=…`, and the TPP finishes it with PUT {confirmationCode} on that
 * link (`confirm` in authorisations.ts): finalised, or failed with 400 SCA_INVALID for a wrong code.
 *
 * The bank mandates it
 * - for every redirect authorisation when it runs with SandboxOptions.confirmationCode;
 * - otherwise for high-value payments: the authorisation of a payment (not of its cancellation)
 *   whose amount reaches HIGH_VALUE_CONFIRMATION_CENTS (10 000.00) in the payment's currency,
 *   unconverted. A bulk counts the sum of its payments per currency, a standing order one
 *   instalment. So one bank serves both redirect flows side by side: everyday payments finalise
 *   when the PSU approves, large ones wait for the TPP's confirmation.
 */
import type { SandboxEnv } from './context.js';
import type { AuthorisableRecord, AuthorisationRecord } from './store.js';

/** The amount (minor units of the payment's currency) from which a payment's redirect authorisation needs the TPP's confirmation. */
export const HIGH_VALUE_CONFIRMATION_CENTS = 1_000_000;

interface Amount {
  amount?: unknown;
  currency?: unknown;
}

function cents(a: Amount | undefined): { currency: string; cents: number } | undefined {
  if (typeof a?.amount !== 'string' || typeof a.currency !== 'string') return undefined;
  const value = Math.round(Number(a.amount) * 100);
  return Number.isFinite(value) ? { currency: a.currency, cents: value } : undefined;
}

/** The largest amount the payment moves in one currency: its instructed amount, or a bulk's sum per currency. */
export function paymentValueCents(data: unknown): number {
  const d = (data ?? {}) as { instructedAmount?: Amount; payments?: Array<{ instructedAmount?: Amount }> };
  const parts = Array.isArray(d.payments) ? d.payments.map((p) => cents(p?.instructedAmount)) : [cents(d.instructedAmount)];
  const sums = new Map<string, number>();
  for (const p of parts) if (p) sums.set(p.currency, (sums.get(p.currency) ?? 0) + p.cents);
  return Math.max(0, ...sums.values());
}

/** True when the bank asks the TPP to confirm this redirect authorisation with the code the PSU brings back. */
export function confirmationMandated(env: SandboxEnv, parent: AuthorisableRecord, auth: AuthorisationRecord): boolean {
  if (auth.approach !== 'REDIRECT') return false;
  if (env.confirmationMandated) return true;
  return parent.kind === 'payment' && auth.purpose === 'authorisation' && paymentValueCents(parent.data) >= HIGH_VALUE_CONFIRMATION_CENTS;
}
