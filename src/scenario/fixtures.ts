import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Cell } from './types.js';

/**
 * Request bodies scenarios share, by name, then by service and product:
 *   payment: { payments: { default: {...}, sepa-credit-transfers: {...} } }
 *   consent: { default: {...} }
 * The most specific entry for the cell wins. Every *.yaml of the fixtures folder is read, in name
 * order, and merged by name and service, so each file can hold the bodies of one service or
 * product family (payments.yaml, pain001.yaml, …).
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
  for (const name of names) {
    // merge keys (<<: *anchor) let a fixture extend another one of the same file
    const file = (parse(readFileSync(join(dir, name), 'utf8'), { merge: true }) ?? {}) as Fixtures;
    for (const [fixture, byService] of Object.entries(file)) {
      const merged = (fixtures[fixture] ??= {});
      for (const [service, value] of Object.entries(byService ?? {})) {
        const known = merged[service];
        merged[service] = isPlainObject(known) && isPlainObject(value) && service !== 'default' ? { ...known, ...value } : value;
      }
    }
  }
  return fixtures;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function fixtureFor(fixtures: Fixtures, name: string, cell: Cell): unknown {
  const entry = fixtures[name];
  if (!entry) throw new Error(`no fixture named '${name}'`);
  const byService = cell.service ? (entry[cell.service] as Record<string, unknown> | undefined) : undefined;
  const found = (cell.product && byService?.[cell.product]) ?? byService?.['default'] ?? entry['default'];
  if (found === undefined) throw new Error(`fixture '${name}' has nothing for ${cell.service ?? 'any service'} / ${cell.product ?? 'any product'}`);
  return structuredClone(found);
}
