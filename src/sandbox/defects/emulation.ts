/** Defects of the family: the emulated systems (mockbank, OBP, bank variant, myPOS). */
import type { DefectDescription } from '../types.js';

export const EMULATION = {} as const satisfies Record<string, DefectDescription>;
