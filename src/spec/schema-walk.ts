/** Visiting every schema object of an OpenAPI 3.0 document, each where it is written. */
import { isObject } from './json-pointer.js';

export type SchemaVisitor = (schema: Record<string, unknown>, at: readonly string[]) => void;

const SINGLE_SUBSCHEMAS = ['items', 'not', 'additionalProperties'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];

/**
 * Visit `schema` and its subschemas, parents first (a visitor may rewrite keywords before the walk
 * reads them). `$ref`s are not followed; a schema reached twice (a cycle) is visited once.
 */
export function eachSchema(schema: unknown, visit: SchemaVisitor, at: readonly string[] = [], seen = new Set<object>()): void {
  if (!isObject(schema) || seen.has(schema)) return;
  seen.add(schema);
  visit(schema, at);
  if (isObject(schema.properties)) {
    for (const [name, sub] of Object.entries(schema.properties)) eachSchema(sub, visit, [...at, 'properties', name], seen);
  }
  for (const key of SINGLE_SUBSCHEMAS) eachSchema(schema[key], visit, [...at, key], seen);
  for (const key of SUBSCHEMA_LISTS) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((sub, i) => eachSchema(sub, visit, [...at, key, String(i)], seen));
  }
}

/**
 * Visit every schema of a document: the components' schemas and every `schema` of a parameter,
 * header or media type. Examples and extensions (x-…) are not looked into.
 */
export function eachDocumentSchema(doc: unknown, visit: SchemaVisitor): void {
  const walk = (node: unknown, at: string[]): void => {
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, [...at, String(i)]));
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'example' || key === 'examples' || key.startsWith('x-')) continue;
      const inComponentSchemas = at.length === 1 && at[0] === 'components' && key === 'schemas';
      if (inComponentSchemas && isObject(value)) {
        for (const [name, schema] of Object.entries(value)) eachSchema(schema, visit, [...at, key, name]);
      } else if (key === 'schema') eachSchema(value, visit, [...at, key]);
      else walk(value, [...at, key]);
    }
  };
  walk(doc, []);
}
