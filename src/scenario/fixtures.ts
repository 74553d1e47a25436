import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Cell } from './types.js';

/**
 * Request bodies scenarios share, by name, then by service and product:
 *   payment: { payments: { default: {...}, sepa-credit-transfers: {...} } }
 *   consent: { default: {...} }
 * The most specific entry for the cell wins.
 */
export type Fixtures = Record<string, Record<string, unknown>>;

export function loadFixtures(dir: string): Fixtures {
  const fixtures: Fixtures = {};
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    return fixtures;
  }
  for (const name of names) Object.assign(fixtures, parse(readFileSync(join(dir, name), 'utf8')) as Fixtures);
  return fixtures;
}

export function fixtureFor(fixtures: Fixtures, name: string, cell: Cell): unknown {
  const entry = fixtures[name];
  if (!entry) throw new Error(`no fixture named '${name}'`);
  const byService = cell.service ? (entry[cell.service] as Record<string, unknown> | undefined) : undefined;
  const found = (cell.product && byService?.[cell.product]) ?? byService?.['default'] ?? entry['default'];
  if (found === undefined) throw new Error(`fixture '${name}' has nothing for ${cell.service ?? 'any service'} / ${cell.product ?? 'any product'}`);
  return structuredClone(found);
}
