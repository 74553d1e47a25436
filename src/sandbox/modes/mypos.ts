/**
 * myPOS (DOMAIN §10.2): single payments by SEPA and cross-border credit transfer only, the
 * debtorAccount optional (the myPOS guide omits it; DOMAIN §9 #26), and an `authorizationUrl`
 * (not a Berlin Group field) beside the links of a payment's or consent's 201. Accounts, card
 * accounts and funds confirmation are the standard ones; OAuth2 and mTLS come with those
 * approaches.
 */
import { PAYMENT_PRODUCTS, type ProductDefinition } from '../products.js';
import { STANDARD } from './standard.js';
import type { EmulationMode } from './types.js';

const withoutDebtor = (product: string): ProductDefinition => {
  const def = PAYMENT_PRODUCTS[product]!;
  return { ...def, services: ['payments'], rules: { ...def.rules, debtorAccountOptional: true } };
};

export const MYPOS: EmulationMode = {
  ...STANDARD,
  name: 'mypos',
  description: 'myPOS: SEPA and cross-border single payments, debtorAccount optional, authorizationUrl',
  products: {
    'sepa-credit-transfers': withoutDebtor('sepa-credit-transfers'),
    'cross-border-credit-transfers': withoutDebtor('cross-border-credit-transfers'),
  },
  creationFields: (links) => (links['scaRedirect'] ? { authorizationUrl: links['scaRedirect'].href } : {}),
};
