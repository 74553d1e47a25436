/** Defects of the family: the OAuth2 authorisation server and bearer access. */
import type { DefectDescription } from '../types.js';

export const OAUTH = {} as const satisfies Record<string, DefectDescription>;
