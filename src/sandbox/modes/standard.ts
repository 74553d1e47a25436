/** The reference bank as the NextGenPSD2 1.3.12 files describe it: the default mode. */
import { PAYMENT_PRODUCTS } from '../products.js';
import type { EmulationMode } from './types.js';

export const STANDARD: EmulationMode = {
  name: 'standard',
  description: 'the Berlin Group NextGenPSD2 1.3.12 reference bank',
  products: PAYMENT_PRODUCTS,
  minFrequencyPerDay: 1,
  creationFields: () => ({}),
  routes: [],
};
