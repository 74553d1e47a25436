/**
 * What the engine knows of an OpenAPI document once it is loaded: its operations, how a concrete
 * request maps to one of them, and validators for response bodies and request bodies.
 */
export interface SchemaError {
  /** JSON pointer into the validated instance, '' for the root. */
  instancePath: string;
  /** Human-readable reason, e.g. "must have required property 'paymentId'". */
  message: string;
  /** The keyword that failed (type, required, pattern, …). */
  keyword: string;
}

export interface HeaderSpec {
  name: string;
  required: boolean;
  /** JSON Schema (converted from OAS 3.0) for the header value, when given. */
  schema?: unknown;
}

export interface ResponseSpec {
  /** '200', '201', '4XX' or 'default'. */
  status: string;
  /** Declared media types of the body (e.g. application/json, application/problem+json); empty when no body is declared. */
  mediaTypes: string[];
  headers: HeaderSpec[];
}

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema?: unknown;
}

export interface Operation {
  operationId: string;
  method: string; // upper-case
  /** Path template as written in the document, e.g. /v1/{payment-service}/{payment-product}. */
  pathTemplate: string;
  parameters: ParameterSpec[];
  /** Declared request body media types; empty when the operation takes no body. */
  requestMediaTypes: string[];
  requestBodyRequired: boolean;
  responses: Record<string, ResponseSpec>;
}

export interface OperationMatch {
  operation: Operation;
  /** Path parameter values, decoded. */
  pathParams: Record<string, string>;
}

export interface Spec {
  /** Where it was loaded from (file path). */
  source: string;
  title: string;
  version: string;
  /** sha256 of the document text. */
  hash: string;
  operations: Operation[];
  /**
   * Defects of the document that loading tolerated, one line each naming where (e.g. a `$ref` to
   * a schema that does not exist, treated as a schema that accepts anything).
   */
  warnings?: string[];
  /**
   * The operation a request is for. `url` is an absolute URL or a path; `basePath` is the path
   * prefix of the target (e.g. '/psd2' for https://bank/psd2) which is stripped first. Server
   * base paths of the document are resolved too, so '/v1/...' and '/psd2/v1/...' both match.
   */
  match(method: string, url: string, basePath?: string): OperationMatch | undefined;
  /** The ResponseSpec that applies to a status (exact, then 4XX-style ranges, then default). */
  responseFor(operation: Operation, status: number): ResponseSpec | undefined;
  /**
   * Validate a parsed response body against the schema declared for that operation, status and
   * media type. Returns undefined when no schema is declared for it, [] when valid.
   */
  validateResponseBody(operation: Operation, status: number, mediaType: string, body: unknown): SchemaError[] | undefined;
  /** Same for a request body (undefined when none is declared for that media type). */
  validateRequestBody(operation: Operation, mediaType: string, body: unknown): SchemaError[] | undefined;
}
