/**
 * The defect registry: named ways to make the reference bank misbehave in exactly one respect.
 * Every defect names the check ids that must catch it; the clean bank trips none of them.
 * Each family of mistakes lives in its own file under defects/.
 */
import type { DefectDescription } from './types.js';
import { STATUS } from './defects/status.js';
import { SCHEMA } from './defects/schema.js';
import { HEADERS } from './defects/headers.js';
import { REQUEST_HEADERS } from './defects/request-headers.js';
import { LINKS } from './defects/links.js';
import { SCA } from './defects/sca.js';
import { OAUTH } from './defects/oauth.js';
import { LIFECYCLE } from './defects/lifecycle.js';
import { ERROR_MODEL } from './defects/error-model.js';
import { ACCESS } from './defects/access.js';
import { SIGNING } from './defects/signing.js';
import { IDEMPOTENCY } from './defects/idempotency.js';
import { TRANSPORT } from './defects/transport.js';
import { EMULATION } from './defects/emulation.js';

const FAMILIES = {
  'status': STATUS,
  'schema': SCHEMA,
  'headers': HEADERS,
  'request-headers': REQUEST_HEADERS,
  'links': LINKS,
  'sca': SCA,
  'oauth': OAUTH,
  'lifecycle': LIFECYCLE,
  'error-model': ERROR_MODEL,
  'access': ACCESS,
  'signing': SIGNING,
  'idempotency': IDEMPOTENCY,
  'transport': TRANSPORT,
  'emulation': EMULATION,
} as const;

const DEFINITIONS = {
  ...STATUS,
  ...SCHEMA,
  ...HEADERS,
  ...REQUEST_HEADERS,
  ...LINKS,
  ...SCA,
  ...OAUTH,
  ...LIFECYCLE,
  ...ERROR_MODEL,
  ...ACCESS,
  ...SIGNING,
  ...IDEMPOTENCY,
  ...TRANSPORT,
  ...EMULATION,
} as const satisfies Record<string, DefectDescription>;

/** The family (file under defects/) each defect belongs to. */
export const DEFECT_FAMILIES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(FAMILIES).flatMap(([family, defs]) => Object.keys(defs).map((name) => [name, family])),
);

export type DefectName = keyof typeof DEFINITIONS;

/** All defects the reference bank knows, by name. */
export const DEFECTS: Readonly<Record<string, DefectDescription>> = DEFINITIONS;

export function isDefectName(name: string): name is DefectName {
  return Object.prototype.hasOwnProperty.call(DEFINITIONS, name);
}

/** The defects switched on for one running sandbox; handlers ask `defects.has(name)`. */
export class DefectSet {
  private readonly active: ReadonlySet<DefectName>;

  constructor(names: readonly string[] = []) {
    const unknown = names.filter((n) => !isDefectName(n));
    if (unknown.length > 0) {
      throw new Error(
        `Unknown sandbox defect${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. ` +
          `Known defects: ${Object.keys(DEFINITIONS).join(', ')}`,
      );
    }
    this.active = new Set(names as DefectName[]);
  }

  has(name: DefectName): boolean {
    return this.active.has(name);
  }

  list(): DefectName[] {
    return [...this.active];
  }
}
