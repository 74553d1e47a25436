/** The emulation modes of the reference bank by name, and the routes they add. */
import type { Handler } from '../context.js';
import { resourceUnknown } from '../errors.js';
import { BANK_VARIANT } from './bank-variant.js';
import { MOCKBANK } from './mockbank.js';
import { MYPOS } from './mypos.js';
import { OBP } from './obp/index.js';
import { STANDARD } from './standard.js';
import { MODE_NAMES, type EmulationMode, type ModeName, type ModeRoute } from './types.js';

export { MODE_NAMES, type EmulationMode, type ModeName } from './types.js';

export const MODES: Readonly<Record<ModeName, EmulationMode>> = {
  standard: STANDARD,
  mockbank: MOCKBANK,
  obp: OBP,
  'bank-variant': BANK_VARIANT,
  mypos: MYPOS,
};

export function isModeName(name: string): name is ModeName {
  return (MODE_NAMES as readonly string[]).includes(name);
}

/** The mode named `name`; an Error naming the known modes when there is none. */
export function emulationMode(name: string): EmulationMode {
  if (!isModeName(name)) throw new Error(`Unknown reference bank mode ${name}. Known modes: ${MODE_NAMES.join(', ')}`);
  return MODES[name];
}

/** A mode's handler answers only in its mode; elsewhere the path is a resource the bank lacks. */
function onlyIn(mode: ModeName, handler: Handler): Handler {
  return (ctx) => {
    if (ctx.env.mode.name !== mode) throw resourceUnknown(`No resource at ${ctx.path}`);
    return handler(ctx);
  };
}

/** Every mode's own routes, each answering only when the bank runs in that mode. */
export function modeRoutes(): ModeRoute[] {
  return Object.values(MODES).flatMap((mode) => mode.routes.map((r) => ({ ...r, handler: onlyIn(mode.name, r.handler) })));
}
