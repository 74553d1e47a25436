/** Amounts are kept as integer minor units (cents) and sent as BG amount strings ("-12.30"). */

export function formatAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** BG amount pattern, anchored: up to 14 integer digits and up to 3 decimals. */
export const AMOUNT_PATTERN = /^-?[0-9]{1,14}(\.[0-9]{1,3})?$/;
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** ISO 4217 minor units where they differ from 2. */
const MINOR_UNITS: Record<string, number> = { JPY: 0, KRW: 0, ISK: 0, HUF: 2, BHD: 3, KWD: 3, OMR: 3, TND: 3, JOD: 3 };

/** True when the amount has no more decimals than the currency allows ("1.234" EUR does not). */
export function fitsCurrency(amount: string, currency: string): boolean {
  const decimals = amount.split('.')[1]?.length ?? 0;
  return decimals <= (MINOR_UNITS[currency] ?? 2);
}
