/** A Spec built from a validated document: its operations, request matching and body validation. */
import { bodyValidators } from './body-validators.js';
import { isObject } from './json-pointer.js';
import { indexOperations } from './operations.js';
import { operationMatcher, serverPathsOf } from './path-match.js';
import type { Operation, ResponseSpec, Spec } from './types.js';

export interface SpecSource {
  file: string;
  hash: string;
  /** The document as parsed (after tolerated repairs), `$ref`s intact. */
  raw: Record<string, unknown>;
  /** The same document with its `$ref`s resolved, except those of body schemas. */
  dereferenced: Record<string, unknown>;
  warnings: string[];
}

export function createSpec({ file, hash, raw, dereferenced, warnings }: SpecSource): Spec {
  const info = isObject(raw.info) ? raw.info : {};
  const operations = indexOperations(dereferenced);
  const bodies = bodyValidators(raw, operations, file, hash);
  // Every exchange asks these: each operation's responses by upper-case key, built once.
  const statusTables = new WeakMap<Operation, Map<string, ResponseSpec>>();
  const responseFor = (operation: Operation, status: number): ResponseSpec | undefined => {
    let byStatus = statusTables.get(operation);
    if (!byStatus) {
      byStatus = new Map(Object.entries(operation.responses).map(([key, spec]) => [key.toUpperCase(), spec]));
      statusTables.set(operation, byStatus);
    }
    return byStatus.get(String(status)) ?? byStatus.get(`${Math.floor(status / 100)}XX`) ?? byStatus.get('DEFAULT');
  };
  return {
    source: file,
    title: typeof info.title === 'string' ? info.title : '',
    version: String(info.version ?? ''),
    hash,
    operations,
    warnings,
    match: operationMatcher(operations, serverPathsOf(raw.servers)),
    responseFor,
    validateResponseBody(operation, status, mediaType, body) {
      const response = responseFor(operation, status);
      const declared = response && declaredMediaType(response.mediaTypes, mediaType);
      return response && declared !== undefined ? bodies.response(operation, response.status, declared, body) : undefined;
    },
    validateRequestBody(operation, mediaType, body) {
      const declared = declaredMediaType(operation.requestMediaTypes, mediaType);
      return declared === undefined ? undefined : bodies.request(operation, declared, body);
    },
  };
}

/**
 * The declared media type a received one falls under: the same type (case-insensitive, parameters
 * ignored), else a declared range as OpenAPI allows ('application/*', then the any-type range).
 * No other equivalence: application/json and application/problem+json are different declarations.
 */
function declaredMediaType(declared: readonly string[], received: string): string | undefined {
  let known = mediaTypeChoices.get(declared);
  if (!known) mediaTypeChoices.set(declared, (known = new Map()));
  if (known.has(received)) return known.get(received);
  const choice = choiceOfMediaType(declared, received);
  if (known.size < 64) known.set(received, choice); // a bank's few Content-Type spellings, not whatever a capture holds
  return choice;
}

/** The answers of declaredMediaType, by declared list and received value. */
const mediaTypeChoices = new WeakMap<readonly string[], Map<string, string | undefined>>();

function choiceOfMediaType(declared: readonly string[], received: string): string | undefined {
  const wanted = received.split(';')[0]!.trim().toLowerCase();
  const lower = (m: string): string => m.split(';')[0]!.trim().toLowerCase();
  return (
    declared.find((m) => lower(m) === wanted) ??
    declared.find((m) => lower(m) === `${wanted.split('/')[0]}/*`) ??
    declared.find((m) => lower(m) === '*/*')
  );
}
