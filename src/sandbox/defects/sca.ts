/** Defects of the family: SCA flows (embedded, decoupled, multilevel, redirect). */
import type { DefectDescription } from '../types.js';

export const SCA = {} as const satisfies Record<string, DefectDescription>;
