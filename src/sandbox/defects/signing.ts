/** Defects of the family: message signing and eIDAS certificates. */
import type { DefectDescription } from '../types.js';

export const SIGNING = {} as const satisfies Record<string, DefectDescription>;
