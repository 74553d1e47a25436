/**
 * Repairs, before validation, the defects of a document that must not stop it from loading (the
 * official files have them: DOMAIN §9), and refuses `$ref`s the tool cannot follow.
 *
 * - A `$ref` to a component schema that does not exist (PIIS 2.0: tppMessageGeneric) becomes the
 *   empty schema, which accepts anything.
 * - A schema `type` that is not a JSON type (1.3.4: `type: standingOrderDetails`) is dropped.
 *
 * Each repair is returned as a one-line warning that names where it is.
 */
import { SpecError } from './spec-error.js';
import { isObject, nodeAt, pointerOf, refTokens } from './json-pointer.js';
import { eachDocumentSchema } from './schema-walk.js';

const JSON_TYPES = new Set(['array', 'boolean', 'integer', 'null', 'number', 'object', 'string']);
const COMPONENT_SCHEMA = '#/components/schemas/';

/** Repair `doc` in place; returns the warnings. Throws SpecError for references it cannot follow. */
export function tolerateDefects(doc: Record<string, unknown>, file: string): string[] {
  const warnings: string[] = [];
  eachRef(doc, [], (holder, ref, at) => {
    if (ref.startsWith('#') && nodeAt(doc, refTokens(ref)) !== undefined) return;
    const where = `#${pointerOf(at)}`;
    if (!ref.startsWith('#')) {
      throw new SpecError(file, `$ref "${ref}" at ${where} points outside the document; bundle the document into one file first`);
    }
    if (!ref.startsWith(COMPONENT_SCHEMA)) throw new SpecError(file, `$ref "${ref}" at ${where} points to nothing`);
    delete holder.$ref;
    warnings.push(`${where}: $ref "${ref}" points to nothing; treated as a schema that accepts anything`);
  });
  eachDocumentSchema(doc, (schema, at) => {
    if (typeof schema.type === 'string' && !JSON_TYPES.has(schema.type)) {
      warnings.push(`#${pointerOf(at)}: type "${schema.type}" is not a JSON type; ignored`);
      delete schema.type;
    }
  });
  return warnings;
}

type RefVisitor = (holder: Record<string, unknown>, ref: string, at: readonly string[]) => void;

/** Visit every `$ref` under `node`; `at` is one path stack, pushed and popped (valid during the visit only). */
function eachRef(node: unknown, at: string[], visit: RefVisitor): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      at.push(String(i));
      eachRef(node[i], at, visit);
      at.pop();
    }
    return;
  }
  if (!isObject(node)) return;
  if (typeof node.$ref === 'string') visit(node, node.$ref, at);
  for (const key in node) {
    if (!Object.prototype.hasOwnProperty.call(node, key)) continue;
    const value = node[key];
    if (typeof value !== 'object' || value === null) continue;
    at.push(key);
    eachRef(value, at, visit);
    at.pop();
  }
}
