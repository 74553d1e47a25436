/**
 * A problem with an OpenAPI document a user supplied (unreadable, not YAML, not OpenAPI, a schema
 * that cannot be compiled). The message is one or two lines that name the file (and the line when
 * it is known); no stack is shown.
 */
export interface SourcePosition {
  line: number;
  column: number;
}

export class SpecError extends Error {
  override readonly name = 'SpecError';

  constructor(
    /** The document the problem is in. */
    readonly file: string,
    /** What is wrong, without the file name. */
    problem: string,
    /** Where in the file, when known. */
    readonly position?: SourcePosition,
  ) {
    super(`${file}${position ? `:${position.line}:${position.column}` : ''}: ${problem}`);
  }
}
