import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { redactText } from '../http/redact.js';
import schema from '../profile/profile.schema.json' with { type: 'json' };

type SchemaNode = Record<string, unknown>;
const SECRET_REF = '#/definitions/secret';
export const REDACTED_VALUE = '<redacted>';

/** Paths (field names, '*' for any key or item) of every field the profile schema types as a secret. */
export function secretFieldPaths(root: SchemaNode = schema as SchemaNode): string[][] {
  const found: string[][] = [];
  const definitions = (root['definitions'] ?? {}) as Record<string, SchemaNode>;
  const walk = (node: unknown, path: string[], seen: Set<string>): void => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as SchemaNode;
    const ref = n['$ref'];
    if (ref === SECRET_REF) {
      found.push(path);
      return;
    }
    if (typeof ref === 'string' && ref.startsWith('#/definitions/') && !seen.has(ref)) {
      walk(definitions[ref.slice('#/definitions/'.length)], path, new Set([...seen, ref]));
    }
    for (const [key, child] of Object.entries((n['properties'] ?? {}) as Record<string, unknown>)) walk(child, [...path, key], seen);
    if (typeof n['additionalProperties'] === 'object') walk(n['additionalProperties'], [...path, '*'], seen);
    if (n['items']) walk(n['items'], [...path, '*'], seen);
    for (const k of ['oneOf', 'anyOf', 'allOf']) for (const branch of (n[k] ?? []) as unknown[]) walk(branch, path, seen);
  };
  walk(root, [], new Set());
  return found;
}

function redactAt(node: Node | null | undefined, path: string[]): number {
  if (!node) return 0;
  if (path.length === 0) {
    // A literal secret is replaced; `{ env: NAME }` names a variable and holds no secret.
    if (isScalar(node) && node.value !== null && node.value !== undefined) {
      node.value = REDACTED_VALUE;
      return 1;
    }
    return 0;
  }
  const [head, ...rest] = path;
  let n = 0;
  if (isMap(node)) for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (head === '*' || key === head) n += redactAt(pair.value as Node | null, rest);
  }
  if (isSeq(node) && head === '*') for (const item of node.items) n += redactAt(item as Node, rest);
  return n;
}

/**
 * A profile file's text with every literal value of a secret field (as the profile schema types
 * them) replaced by <redacted>, comments and layout kept: the copy a certification bundle carries.
 */
export function redactProfileText(text: string): { text: string; redacted: number } {
  const doc = parseDocument(text);
  let redacted = 0;
  for (const path of secretFieldPaths()) redacted += redactAt(doc.contents as Node | null, path);
  return { text: doc.toString(), redacted };
}

/** The copy of a profile file a bundle carries: secret fields replaced, and any resolved secret value wherever else it appears. */
export function redactedProfileCopy(file: string, secrets: readonly string[]): string {
  return redactText(redactProfileText(readFileSync(file, 'utf8')).text, secrets);
}
