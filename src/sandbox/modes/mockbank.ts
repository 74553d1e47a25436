/**
 * mockbank.io (DOMAIN §10.1): the standard API under /v1, PSU-ID carrying a customer's username,
 * and consents as its guide writes them: frequencyPerDay 0 (no daily limit; the standard's minimum
 * is 1) and no combinedServiceIndicator. Bearer access to AIS reads and the admin approval of a
 * decoupled authorisation come with the OAuth and decoupled approaches.
 */
import { STANDARD } from './standard.js';
import type { EmulationMode } from './types.js';

export const MOCKBANK: EmulationMode = {
  ...STANDARD,
  name: 'mockbank',
  description: 'mockbank.io: consents with frequencyPerDay 0 accepted',
  minFrequencyPerDay: 0,
};
