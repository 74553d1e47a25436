/**
 * An emulation mode of the reference bank: chosen when the bank starts, it makes the bank behave
 * like one kind of system users bring (mockbank.io, myPOS, the Open Bank Project, a bank with its
 * own NextGenPSD2 variant). `standard` is the bank as the Berlin Group files describe it.
 */
import type { Handler } from '../context.js';
import type { ProductDefinition } from '../products.js';

export const MODE_NAMES = ['standard', 'mockbank', 'obp', 'bank-variant', 'mypos'] as const;
export type ModeName = (typeof MODE_NAMES)[number];

/** A route only this mode serves (outside the standard route table). */
export interface ModeRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A path template, e.g. /obp/v5.1.0/my/consents/{consentId}. */
  pattern: string;
  handler: Handler;
}

export interface EmulationMode {
  name: ModeName;
  /** One line: which system the mode emulates. */
  description: string;
  /** The payment products the bank offers in this mode, by name. */
  products: Readonly<Record<string, ProductDefinition>>;
  /** Smallest frequencyPerDay a consent request may ask for (mockbank accepts 0: no limit). */
  minFrequencyPerDay: number;
  /** Fields the bank adds to the 201 of a payment initiation or a consent, besides the standard ones. */
  creationFields(links: Record<string, { href: string }>): Record<string, unknown>;
  /** Routes the mode adds. */
  routes: readonly ModeRoute[];
}
