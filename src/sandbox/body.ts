/** Reading request bodies: JSON (Content-Type application/json) and the SCA pages' forms. */
import type { RequestContext } from './context.js';
import { ApiError, formatError, message } from './errors.js';

/** The media type of the request's Content-Type, lower-case, without parameters. */
export function requestMediaType(ctx: RequestContext): string | undefined {
  const raw = ctx.header('Content-Type');
  return raw === undefined ? undefined : raw.split(';')[0]!.trim().toLowerCase();
}

export function isJsonMediaType(type: string): boolean {
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * The parsed JSON body; undefined when there is none and none is required.
 * A non-JSON Content-Type gives 415, unparsable JSON 400 FORMAT_ERROR.
 */
export function readJsonBody(ctx: RequestContext, required: boolean): unknown {
  const text = ctx.rawBody.toString('utf8');
  if (text.trim() === '') {
    if (required) throw formatError('The request body is missing', 'body');
    return undefined;
  }
  const type = requestMediaType(ctx);
  if (type !== undefined && !isJsonMediaType(type)) {
    throw new ApiError(415, [message('FORMAT_ERROR', `Content-Type ${type} is not supported; use application/json`)]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // The defect: the parser's failure escapes as a server error.
    if (ctx.env.defects.has('server-error-on-malformed-body')) throw new ApiError(500, [message('INTERNAL_ERROR', 'JSON parse failure')]);
    throw formatError('The request body is not valid JSON', 'body');
  }
}

/** Parses an application/x-www-form-urlencoded body (the SCA pages' forms). */
export function readFormBody(ctx: RequestContext): URLSearchParams | undefined {
  const type = requestMediaType(ctx);
  if (type !== undefined && type !== 'application/x-www-form-urlencoded') return undefined;
  return new URLSearchParams(ctx.rawBody.toString('utf8'));
}
