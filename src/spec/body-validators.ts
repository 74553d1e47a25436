/**
 * Validators for request and response bodies, one Ajv instance per document. The converted
 * document is registered once, so shared component schemas compile once; each body schema sits at
 * `x-media/<n>` in it and is compiled on first use, its `#/components/...` refs resolving against
 * the document root.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsModule, { type FormatsPlugin } from 'ajv-formats';
import { isObject, nodeThroughRefs } from './json-pointer.js';
import { toJsonSchema, toJsonSchemas } from './oas-to-json-schema.js';
import { eachSchema } from './schema-walk.js';
import { SpecError } from './spec-error.js';
import type { Operation, SchemaError } from './types.js';

export interface BodyValidators {
  /** Errors of `body` against the schema of that response status key and declared media type; undefined when none is declared. */
  response(operation: Operation, status: string, mediaType: string, body: unknown): SchemaError[] | undefined;
  request(operation: Operation, mediaType: string, body: unknown): SchemaError[] | undefined;
}

const DOCUMENT_ID = 'openapi.json';

// ajv-formats is CommonJS: depending on the loader its plugin is the module or its `default`.
const addFormats: FormatsPlugin =
  (formatsModule as unknown as { default?: FormatsPlugin }).default ?? (formatsModule as unknown as FormatsPlugin);

export function bodyValidators(raw: Record<string, unknown>, operations: readonly Operation[], file: string): BodyValidators {
  const media: unknown[] = [];
  const slotOfSchema = new Map<unknown, number>();
  const slots = new Map<string, number>();
  const place = (key: string, tokens: string[]): void => {
    const schema = nodeThroughRefs(raw, tokens);
    if (!isObject(schema)) return;
    const identity = typeof schema.$ref === 'string' ? schema.$ref : schema;
    let slot = slotOfSchema.get(identity);
    if (slot === undefined) slotOfSchema.set(identity, (slot = media.push(toJsonSchema(schema)) - 1));
    slots.set(key, slot);
  };
  for (const op of operations) {
    const at = ['paths', op.pathTemplate, op.method.toLowerCase()];
    for (const mediaType of op.requestMediaTypes) place(requestKey(op, mediaType), [...at, 'requestBody', 'content', mediaType, 'schema']);
    for (const response of Object.values(op.responses)) {
      for (const mediaType of response.mediaTypes) {
        place(responseKey(op, response.status, mediaType), [...at, 'responses', response.status, 'content', mediaType, 'schema']);
      }
    }
  }

  const components = isObject(raw.components) ? raw.components : {};
  const schemas = toJsonSchemas(components.schemas);
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: true });
  addFormats(ajv);
  ajv.addFormat('url', { type: 'string', validate: isUrlReference });
  for (const format of formatsIn([...Object.values(schemas), ...media])) if (!ajv.formats[format]) ajv.addFormat(format, true);
  ajv.addSchema({ $id: DOCUMENT_ID, components: { schemas }, 'x-media': media });

  const compiled = new Map<number, ValidateFunction | SpecError>();
  const validate = (key: string, body: unknown, what: () => string): SchemaError[] | undefined => {
    const slot = slots.get(key);
    if (slot === undefined) return undefined;
    let validator = compiled.get(slot);
    if (!validator) compiled.set(slot, (validator = compile(ajv, slot, what(), file)));
    if (validator instanceof SpecError) throw validator;
    return validator(body) ? [] : (validator.errors ?? []).map(schemaError);
  };
  return {
    response: (op, status, mediaType, body) =>
      validate(responseKey(op, status, mediaType), body, () => `the ${status} ${mediaType} response of ${op.operationId}`),
    request: (op, mediaType, body) => validate(requestKey(op, mediaType), body, () => `the ${mediaType} request body of ${op.operationId}`),
  };
}

const requestKey = (op: Operation, mediaType: string): string => `${op.method} ${op.pathTemplate} request ${mediaType}`;
const responseKey = (op: Operation, status: string, mediaType: string): string =>
  `${op.method} ${op.pathTemplate} ${status} ${mediaType}`;

function compile(ajv: Ajv, slot: number, what: string, file: string): ValidateFunction | SpecError {
  try {
    const validator = ajv.getSchema(`${DOCUMENT_ID}#/x-media/${slot}`);
    if (!validator) throw new Error('schema not found');
    return validator;
  } catch (e) {
    return new SpecError(file, `cannot compile the schema of ${what}: ${(e as Error).message}`);
  }
}

function formatsIn(schemas: unknown[]): Set<string> {
  const formats = new Set<string>();
  for (const schema of schemas) eachSchema(schema, (s) => typeof s.format === 'string' && formats.add(s.format));
  return formats;
}

/** The non-standard `format: url` of the official files: an absolute or a relative URL. */
function isUrlReference(value: string): boolean {
  if (value === '' || /[\s\u0000-\u001f]/.test(value)) return false;
  try {
    new URL(value, 'http://relative.invalid/');
    return true;
  } catch {
    return false;
  }
}

function schemaError(error: ErrorObject): SchemaError {
  let message = error.message ?? error.keyword;
  if (error.keyword === 'enum') message += `: ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  if (error.keyword === 'additionalProperties') message += ` ('${String(error.params.additionalProperty)}')`;
  return { instancePath: error.instancePath, message, keyword: error.keyword };
}
