import { randomUUID } from 'node:crypto';

/** Values a template can name: captured values, the cell, the profile's PSU and TPP, fixtures. */
export interface TemplateScope {
  vars: Record<string, unknown>;
  fixture(name: string): unknown;
}

export class TemplateError extends Error {}

const WHOLE = /^\{\{\s*([^{}]+?)\s*\}\}$/;
const ANY = /\{\{\s*([^{}]+?)\s*\}\}/g;

function lookup(vars: Record<string, unknown>, path: string): unknown {
  let cur: unknown = vars;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !(part in (cur as object))) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function evaluate(expr: string, scope: TemplateScope): unknown {
  const [head, ...args] = expr.split(/\s+/);
  switch (head) {
    case 'uuid':
      return randomUUID();
    case 'today':
      return daysFromToday(Number(args[0] ?? 0));
    case 'fixture': {
      if (!args[0]) throw new TemplateError('fixture needs a name: {{fixture payment}}');
      return render(scope.fixture(args[0]), scope);
    }
    default: {
      const value = lookup(scope.vars, head!);
      if (value === undefined) throw new TemplateError(`'{{${expr}}}' names no known value`);
      return value;
    }
  }
}

/**
 * Render a template value: strings have their {{…}} replaced; a string that is one whole
 * {{…}} keeps the value's type (an object for a fixture); objects and arrays are rendered deeply.
 * {{today 90}} is the date 90 days from now, {{uuid}} a fresh UUID.
 */
export function render(value: unknown, scope: TemplateScope): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole) return evaluate(whole[1]!, scope);
    return value.replace(ANY, (_, expr: string) => {
      const v = evaluate(expr, scope);
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
    });
  }
  if (Array.isArray(value)) return value.map((v) => render(v, scope));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, render(v, scope)]));
  }
  return value;
}

export function renderString(value: string, scope: TemplateScope): string {
  const out = render(value, scope);
  return typeof out === 'string' ? out : JSON.stringify(out);
}
