/** The spec module: loading an OpenAPI document and what the engine asks of it. */
export { loadSpec, loadSpecFromText } from './load.js';
export { SpecError, type SourcePosition } from './spec-error.js';
export type * from './types.js';
