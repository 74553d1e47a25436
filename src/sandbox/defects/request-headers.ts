/** Defects of the family: request header and parameter validation. */
import type { DefectDescription } from '../types.js';

export const REQUEST_HEADERS = {} as const satisfies Record<string, DefectDescription>;
