/** Defects of the family: idempotency and concurrency. */
import type { DefectDescription } from '../types.js';

export const IDEMPOTENCY = {} as const satisfies Record<string, DefectDescription>;
