/** The Open Bank Project mode: OBP's consent API beside the standard NextGenPSD2 one. */
import { STANDARD } from '../standard.js';
import type { EmulationMode } from '../types.js';
import { OBP_ROUTES } from './api.js';

export const OBP: EmulationMode = {
  ...STANDARD,
  name: 'obp',
  description: 'the Open Bank Project consent API (SMS, EMAIL, IMPLICIT challenges, Consent-JWT)',
  routes: OBP_ROUTES,
};
