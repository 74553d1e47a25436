/** The operations of a dereferenced OpenAPI 3.0 document, as the engine sees them. */
import { isObject } from './json-pointer.js';
import { toJsonSchema } from './oas-to-json-schema.js';
import type { HeaderSpec, Operation, ParameterSpec, ResponseSpec } from './types.js';

type Node = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const PARAMETER_LOCATIONS = new Set(['path', 'query', 'header', 'cookie']);

/** Every operation under `paths`, with path-level parameters merged into each. */
export function indexOperations(api: Node): Operation[] {
  const convert = memoisedConversion();
  const operations: Operation[] = [];
  for (const [pathTemplate, pathItem] of Object.entries(objectAt(api, 'paths'))) {
    if (!isObject(pathItem) || !pathTemplate.startsWith('/')) continue;
    for (const method of METHODS) {
      const op = pathItem[method];
      if (!isObject(op)) continue;
      const requestBody = objectAt(op, 'requestBody');
      operations.push({
        operationId: typeof op.operationId === 'string' ? op.operationId : `${method.toUpperCase()} ${pathTemplate}`,
        method: method.toUpperCase(),
        pathTemplate,
        parameters: mergedParameters(pathItem.parameters, op.parameters, convert),
        requestMediaTypes: Object.keys(objectAt(requestBody, 'content')),
        requestBodyRequired: requestBody.required === true,
        responses: responsesOf(objectAt(op, 'responses'), convert),
      });
    }
  }
  return operations;
}

type Convert = (schema: unknown) => unknown;

/** Converts each (shared, dereferenced) schema object once. */
function memoisedConversion(): Convert {
  const converted = new WeakMap<object, unknown>();
  return (schema) => {
    if (!isObject(schema)) return undefined;
    if (!converted.has(schema)) converted.set(schema, toJsonSchema(schema));
    return converted.get(schema);
  };
}

/** Operation-level parameters override path-level ones with the same name and location. */
function mergedParameters(pathLevel: unknown, operationLevel: unknown, convert: Convert): ParameterSpec[] {
  const byKey = new Map<string, ParameterSpec>();
  for (const list of [pathLevel, operationLevel]) {
    if (!Array.isArray(list)) continue;
    for (const p of list) {
      if (!isObject(p) || typeof p.name !== 'string' || typeof p.in !== 'string' || !PARAMETER_LOCATIONS.has(p.in)) continue;
      const location = p.in as ParameterSpec['in'];
      const schema = convert(schemaOf(p));
      const key = `${location}:${location === 'header' ? p.name.toLowerCase() : p.name}`;
      byKey.set(key, {
        name: p.name,
        in: location,
        required: p.required === true || location === 'path',
        ...(schema === undefined ? {} : { schema }),
      });
    }
  }
  return [...byKey.values()];
}

function responsesOf(responses: Node, convert: Convert): Record<string, ResponseSpec> {
  const result: Record<string, ResponseSpec> = {};
  for (const [status, response] of Object.entries(responses)) {
    if (!isObject(response)) continue;
    result[status] = {
      status,
      mediaTypes: Object.keys(objectAt(response, 'content')),
      headers: headersOf(objectAt(response, 'headers'), convert),
    };
  }
  return result;
}

/** Response headers; a Content-Type entry is ignored, as OpenAPI 3.0 says. */
function headersOf(headers: Node, convert: Convert): HeaderSpec[] {
  return Object.entries(headers)
    .filter(([name, header]) => isObject(header) && name.toLowerCase() !== 'content-type')
    .map(([name, header]) => {
      const schema = convert(schemaOf(header as Node));
      return { name, required: (header as Node).required === true, ...(schema === undefined ? {} : { schema }) };
    });
}

/** A parameter's or header's schema: `schema`, or the one of its single `content` entry. */
function schemaOf(holder: Node): unknown {
  if (holder.schema !== undefined) return holder.schema;
  const [media] = Object.values(objectAt(holder, 'content'));
  return isObject(media) ? media.schema : undefined;
}

function objectAt(node: Node, key: string): Node {
  const value = node[key];
  return isObject(value) ? value : {};
}
