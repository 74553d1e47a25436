/** Whether a parsed document is OpenAPI 3 that swagger-parser finds valid; a one-line reason when not. */
import SwaggerParser from '@apidevtools/swagger-parser';
import { isObject } from './json-pointer.js';
import { SpecError } from './spec-error.js';

/** The document, when it is at least shaped like OpenAPI 3 (a clearer message than the validator's). */
export function openApiDocument(doc: unknown, file: string): Record<string, unknown> {
  if (!isObject(doc)) throw new SpecError(file, 'not an OpenAPI document: expected a mapping with an `openapi: 3.x` field');
  if (doc.swagger !== undefined) throw new SpecError(file, 'is Swagger 2.0; convert it to OpenAPI 3.0 first');
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.')) {
    throw new SpecError(file, 'not an OpenAPI 3 document: it has no `openapi: 3.x` field');
  }
  for (const field of ['info', 'paths']) {
    if (!isObject(doc[field])) throw new SpecError(file, `not a valid OpenAPI document: \`${field}\` is missing`);
  }
  return doc;
}

/**
 * Body schemas (component schemas and the schemas of request and response content) are left
 * unresolved: the validators resolve them against the registered document, the OpenAPI schema
 * accepts references there, and checking each component once (not once per use) halves the time
 * and reports a defect where it is written.
 */
const BODY_SCHEMA = /\/(responses\/[^/]+|requestBody|requestBodies\/[^/]+)\/content\/[^/]+\/schema$|^#\/components\/schemas\//;
const options = { dereference: { excludedPathMatcher: (path: string) => BODY_SCHEMA.test(path) } };

/**
 * The document with its parameters, headers, responses and request bodies resolved, when
 * swagger-parser finds it valid. It works on a copy: `raw` keeps its `$ref`s.
 */
export async function validatedDocument(raw: Record<string, unknown>, file: string): Promise<Record<string, unknown>> {
  try {
    const api = await SwaggerParser.validate(structuredClone(raw) as never, options);
    return api as unknown as Record<string, unknown>;
  } catch (e) {
    throw new SpecError(file, `not a valid OpenAPI document: ${validationProblem(e as Error)}`);
  }
}

interface SchemaViolation {
  instancePath: string;
  message?: string;
  keyword: string;
  params?: { allowedValues?: unknown[] };
}

/** The most specific violation of the OpenAPI schema, or the validator's own first line. */
function validationProblem(error: Error & { details?: SchemaViolation[] }): string {
  const details = error.details ?? [];
  // A schema position may hold a Schema or a Reference: the oneOf and "must have $ref" that follow each violation say nothing.
  const telling = details.filter((d) => d.keyword !== 'oneOf' && !(d.keyword === 'required' && d.message?.includes("'$ref'")));
  const candidates = telling.length ? telling : details;
  if (candidates.length === 0) return error.message.split('\n')[0]!;
  const best = candidates.reduce((a, b) => (b.instancePath.length > a.instancePath.length ? b : a));
  const allowed = best.params?.allowedValues ? ` (${best.params.allowedValues.join(', ')})` : '';
  const more = candidates.length > 1 ? ` (and ${candidates.length - 1} more)` : '';
  return `#${best.instancePath || '/'} ${best.message ?? best.keyword}${allowed}${more}`;
}
