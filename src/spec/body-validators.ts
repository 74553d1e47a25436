/**
 * Validators for request and response bodies, one set per document. The converted document is
 * registered once in one Ajv instance, so shared component schemas compile once; each body schema
 * sits at `x-media/<n>` in it, its `#/components/...` refs resolving against the document root.
 *
 * With the document's hash, every body schema is compiled when the document loads and the
 * validators are kept on disk as ajv standalone code (validator-cache.ts): a later process that
 * loads the same document evaluates that module and compiles nothing. Without a hash, or when a
 * slot is missing from the cache, schemas compile on first use. A schema that cannot be compiled
 * is a SpecError thrown when a body is validated against it, never when the document loads.
 */
import { Ajv, Name, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsModule, { type FormatsPlugin } from 'ajv-formats';
import { FORMAT_OVERRIDES, standaloneFormats } from './formats.js';
import { isObject, nodeThroughRefs } from './json-pointer.js';
import { toJsonSchema, toJsonSchemas } from './oas-to-json-schema.js';
import { eachSchema } from './schema-walk.js';
import { SpecError } from './spec-error.js';
import type { Operation, SchemaError } from './types.js';
import { FORMATS_NAME, readCachedValidators, validatorKey, writeCachedValidators } from './validator-cache.js';

export interface BodyValidators {
  /** Errors of `body` against the schema of that response status key and declared media type; undefined when none is declared. */
  response(operation: Operation, status: string, mediaType: string, body: unknown): SchemaError[] | undefined;
  request(operation: Operation, mediaType: string, body: unknown): SchemaError[] | undefined;
  /** Where the validators came from: compiled in this process (and cached when a hash was given), or the disk cache. */
  readonly origin: 'compiled' | 'cache' | 'lazy';
}

const DOCUMENT_ID = 'openapi.json';
const schemaIdOf = (slot: number): string => `${DOCUMENT_ID}#/x-media/${slot}`;

// ajv-formats is CommonJS: depending on the loader its plugin is the module or its `default`.
const addFormats: FormatsPlugin =
  (formatsModule as unknown as { default?: FormatsPlugin }).default ?? (formatsModule as unknown as FormatsPlugin);

/**
 * `documentHash` (the SHA-256 of the document text) turns on eager compilation and the disk cache.
 */
export function bodyValidators(raw: Record<string, unknown>, operations: readonly Operation[], file: string, documentHash?: string): BodyValidators {
  // Each distinct body schema gets a slot; a $ref used by several bodies is one slot.
  const sources: Record<string, unknown>[] = [];
  const slotOfSchema = new Map<unknown, number>();
  const slots = new Map<string, number>();
  // The same slots by operation object, then status, then media type: no key to build per body.
  const slotsOf = new Map<Operation, Map<string, number>>();
  const place = (op: Operation, key: string, tokens: string[], shortKey: string): void => {
    const schema = nodeThroughRefs(raw, tokens);
    if (!isObject(schema)) return;
    const identity = typeof schema.$ref === 'string' ? schema.$ref : schema;
    let slot = slotOfSchema.get(identity);
    if (slot === undefined) slotOfSchema.set(identity, (slot = sources.push(schema) - 1));
    slots.set(key, slot);
    let ofOperation = slotsOf.get(op);
    if (!ofOperation) slotsOf.set(op, (ofOperation = new Map()));
    ofOperation.set(shortKey, slot);
  };
  for (const op of operations) {
    const at = ['paths', op.pathTemplate, op.method.toLowerCase()];
    for (const mediaType of op.requestMediaTypes) place(op, requestKey(op, mediaType), [...at, 'requestBody', 'content', mediaType, 'schema'], `request ${mediaType}`);
    for (const response of Object.values(op.responses)) {
      for (const mediaType of response.mediaTypes) {
        place(op, responseKey(op, response.status, mediaType), [...at, 'responses', response.status, 'content', mediaType, 'schema'], `${response.status} ${mediaType}`);
      }
    }
  }

  const compiled = new Map<number, ValidateFunction | Error>();
  let ajv: Ajv | undefined;
  const instance = (): Ajv => (ajv ??= documentAjv(raw, sources, documentHash !== undefined));
  const compileSlot = (slot: number): ValidateFunction | Error => {
    let validator = compiled.get(slot);
    if (!validator) compiled.set(slot, (validator = compile(instance(), slot)));
    return validator;
  };

  let origin: BodyValidators['origin'] = 'lazy';
  if (documentHash !== undefined && sources.length > 0) {
    const key = validatorKey(documentHash);
    const cached = readCachedValidators(key, standaloneFormats());
    if (cached) {
      for (const [slot, validator] of cached) if (slot < sources.length) compiled.set(slot, validator);
      origin = 'cache';
    } else {
      sources.forEach((_schema, slot) => compileSlot(slot));
      const good = [...compiled].filter(([, v]) => !(v instanceof Error)).map(([slot]) => slot);
      writeCachedValidators(key, instance(), schemaIdOf, good);
      origin = 'compiled';
    }
  }

  const validate = (op: Operation, shortKey: string, key: () => string, body: unknown, what: () => string): SchemaError[] | undefined => {
    const ofOperation = slotsOf.get(op);
    // an Operation object of another index (equal, not the same) is found by its full key
    const slot = ofOperation ? ofOperation.get(shortKey) : slots.get(key());
    if (slot === undefined) return undefined;
    const validator = compiled.get(slot) ?? compileSlot(slot);
    if (validator instanceof Error) throw new SpecError(file, `cannot compile the schema of ${what()}: ${validator.message}`);
    return validator(body) ? [] : (validator.errors ?? []).map(schemaError);
  };
  return {
    response: (op, status, mediaType, body) =>
      validate(op, `${status} ${mediaType}`, () => responseKey(op, status, mediaType), body, () => `the ${status} ${mediaType} response of ${op.operationId}`),
    request: (op, mediaType, body) =>
      validate(op, `request ${mediaType}`, () => requestKey(op, mediaType), body, () => `the ${mediaType} request body of ${op.operationId}`),
    get origin() {
      return origin;
    },
  };
}

const requestKey = (op: Operation, mediaType: string): string => `${op.method} ${op.pathTemplate} request ${mediaType}`;
const responseKey = (op: Operation, status: string, mediaType: string): string =>
  `${op.method} ${op.pathTemplate} ${status} ${mediaType}`;

/** One Ajv instance with the converted component schemas and body schemas registered as one document. */
function documentAjv(raw: Record<string, unknown>, sources: readonly Record<string, unknown>[], forStandalone: boolean): Ajv {
  const components = isObject(raw.components) ? raw.components : {};
  const schemas = toJsonSchemas(components.schemas);
  const media = sources.map((schema) => toJsonSchema(schema));
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    unicodeRegExp: false,
    validateFormats: true,
    // standalone code keeps its source and calls the formats through one object it is given
    ...(forStandalone ? { code: { source: true, formats: new Name(FORMATS_NAME) } } : {}),
  });
  addFormats(ajv);
  for (const [name, format] of Object.entries(FORMAT_OVERRIDES)) ajv.addFormat(name, format);
  for (const format of formatsIn([...Object.values(schemas), ...media])) if (!ajv.formats[format]) ajv.addFormat(format, true);
  ajv.addSchema({ $id: DOCUMENT_ID, components: { schemas }, 'x-media': media });
  return ajv;
}

/** The validator of a slot, or why it cannot be compiled. */
function compile(ajv: Ajv, slot: number): ValidateFunction | Error {
  try {
    const validator = ajv.getSchema(schemaIdOf(slot));
    return validator ?? new Error('schema not found');
  } catch (e) {
    return e as Error;
  }
}

function formatsIn(schemas: unknown[]): Set<string> {
  const formats = new Set<string>();
  for (const schema of schemas) eachSchema(schema, (s) => typeof s.format === 'string' && formats.add(s.format));
  return formats;
}

function schemaError(error: ErrorObject): SchemaError {
  let message = error.message ?? error.keyword;
  if (error.keyword === 'enum') message += `: ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  if (error.keyword === 'additionalProperties') message += ` ('${String(error.params.additionalProperty)}')`;
  return { instancePath: error.instancePath, message, keyword: error.keyword };
}
