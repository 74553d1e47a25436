/** IBAN check digits (ISO 13616, mod 97-10). */

const IBAN_SHAPE = /^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$/;

function mod97(digits: string): number {
  let rest = 0;
  for (const ch of digits) rest = (rest * 10 + Number(ch)) % 97;
  return rest;
}

function toDigits(text: string): string {
  return [...text].map((ch) => (/[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch)).join('');
}

/** Builds an IBAN with correct check digits from a country code and a BBAN. */
export function makeIban(country: string, bban: string): string {
  const normalized = bban.toUpperCase();
  const check = 98 - mod97(toDigits(`${normalized}${country.toUpperCase()}00`));
  return `${country.toUpperCase()}${String(check).padStart(2, '0')}${normalized}`;
}

/** True when the IBAN has the right shape and its check digits verify. */
export function isValidIban(iban: string): boolean {
  if (!IBAN_SHAPE.test(iban)) return false;
  return mod97(toDigits(iban.slice(4) + iban.slice(0, 4))) === 1;
}
