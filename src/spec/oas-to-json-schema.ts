/**
 * OpenAPI 3.0 schema objects → JSON Schema that ajv validates with.
 *
 * - `nullable: true` adds 'null' to `type` (and null to `enum`).
 * - Boolean `exclusiveMinimum`/`exclusiveMaximum` (draft-04 style) become the numeric form.
 * - OpenAPI-only keywords (example, xml, discriminator, …) are dropped; readOnly/writeOnly stay as
 *   annotations. Siblings of `$ref` are dropped: OpenAPI 3.0 says they are ignored.
 * - TOLERANCE: every `oneOf` becomes `anyOf`. The official Berlin Group files write oneOf over
 *   branches that overlap (the update-PSU-data request and its 200 response, the single/periodic/
 *   bulk payment request), so a valid body matches several branches and would fail oneOf
 *   (DOMAIN §9 #1–#3). A bank must never fail for that.
 * - Patterns are left as written: the official files do not anchor theirs, and anchoring them here
 *   would fail bodies the standard accepts; the project's own spec writes anchored patterns.
 */
import { isObject } from './json-pointer.js';
import { eachSchema } from './schema-walk.js';

const OAS_ONLY_KEYWORDS = ['example', 'examples', 'xml', 'discriminator', 'externalDocs', 'deprecated', 'nullable'];

/** A converted deep copy of an OpenAPI 3.0 schema (the input is not changed). */
export function toJsonSchema(schema: unknown): unknown {
  const copy = structuredClone(schema);
  eachSchema(copy, convertNode);
  return copy;
}

/** Converted deep copies of every schema in a `components.schemas`-style map. */
export function toJsonSchemas(schemas: unknown): Record<string, unknown> {
  const copy = isObject(schemas) ? structuredClone(schemas) : {};
  for (const schema of Object.values(copy)) eachSchema(schema, convertNode);
  return copy;
}

function convertNode(schema: Record<string, unknown>): void {
  if (typeof schema.$ref === 'string') {
    for (const key of Object.keys(schema)) if (key !== '$ref') delete schema[key];
    return;
  }
  if (schema.nullable === true) allowNull(schema);
  exclusiveBound(schema, 'exclusiveMinimum', 'minimum');
  exclusiveBound(schema, 'exclusiveMaximum', 'maximum');
  if (Array.isArray(schema.oneOf)) {
    if (schema.anyOf === undefined) schema.anyOf = schema.oneOf;
    else schema.allOf = [...(Array.isArray(schema.allOf) ? schema.allOf : []), { anyOf: schema.oneOf }];
    delete schema.oneOf;
  }
  for (const key of OAS_ONLY_KEYWORDS) delete schema[key];
}

function allowNull(schema: Record<string, unknown>): void {
  if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
}

function exclusiveBound(schema: Record<string, unknown>, exclusive: string, bound: string): void {
  if (typeof schema[exclusive] !== 'boolean') return;
  if (schema[exclusive] === true && typeof schema[bound] === 'number') {
    schema[exclusive] = schema[bound];
    delete schema[bound];
  } else delete schema[exclusive];
}
