/** Which PSD2 role (ETSI TS 119 495) an API path needs: AIS PSP_AI, PIS PSP_PI, PIIS PSP_IC; a signing basket PSP_PI or PSP_AI. */
import type { Psd2Role } from '../../certs/psd2.js';

export function rolesFor(path: string): Psd2Role[] | undefined {
  if (/^\/v\d+\/(payments|bulk-payments|periodic-payments)(\/|$)/.test(path)) return ['PSP_PI'];
  if (/^\/v\d+\/(funds-confirmations|consents\/confirmation-of-funds)(\/|$)/.test(path)) return ['PSP_IC'];
  if (/^\/v\d+\/(consents|accounts|card-accounts|trusted-beneficiaries)(\/|$)/.test(path)) return ['PSP_AI'];
  if (/^\/v\d+\/signing-baskets(\/|$)/.test(path)) return ['PSP_PI', 'PSP_AI'];
  return undefined;
}
