/** Berlin Group NextGenPSD2 error answers: the ApiError a handler throws and the body it becomes. */
import type { DefectSet } from './defects.js';

export interface TppMessage {
  category: 'ERROR' | 'WARNING';
  code: string;
  path?: string;
  text?: string;
}

/** Thrown by handlers; the server turns it into a response with the given status. */
export class ApiError extends Error {
  readonly status: number;
  readonly messages: TppMessage[];
  /** Extra response headers (e.g. Allow on 405). */
  readonly headers: Record<string, string>;

  constructor(status: number, messages: TppMessage[], headers: Record<string, string> = {}) {
    super(messages.map((m) => `${m.code}${m.path ? ` (${m.path})` : ''}: ${m.text ?? ''}`).join('; '));
    this.name = 'ApiError';
    this.status = status;
    this.messages = messages;
    this.headers = headers;
  }

  /** Statuses the 1.3.12 file declares without a body (408, 415, 500, 503) are sent empty. */
  get hasBody(): boolean {
    return ![408, 415, 500, 503].includes(this.status);
  }
}

export function apiError(status: number, code: string, text: string, path?: string): ApiError {
  return new ApiError(status, [message(code, text, path)]);
}

export function message(code: string, text: string, path?: string): TppMessage {
  return { category: 'ERROR', code, ...(path !== undefined ? { path } : {}), text: text.slice(0, 500) };
}

export const formatError = (text: string, path?: string): ApiError => apiError(400, 'FORMAT_ERROR', text, path);

export const resourceUnknown = (text: string, path?: string): ApiError => apiError(404, 'RESOURCE_UNKNOWN', text, path);

export function methodNotAllowed(method: string, allowed: string[]): ApiError {
  return new ApiError(405, [message('SERVICE_INVALID', `Method ${method} is not allowed on this endpoint`)], {
    Allow: allowed.join(', '),
  });
}

/** The body for an error, or undefined when the status carries none. */
export function errorBody(err: ApiError, defects: DefectSet): unknown {
  if (!err.hasBody) return undefined;
  if (defects.has('errors-without-tpp-messages') && err.status >= 400 && err.status < 500) {
    return { error: err.messages.map((m) => m.text ?? m.code).join('; ') };
  }
  if (defects.has('problem-json-as-application-json')) {
    const [first] = err.messages;
    return { type: 'https://berlin-group.org/problems/error', title: first?.code ?? 'ERROR', detail: first?.text ?? '', code: first?.code ?? 'ERROR' };
  }
  if (defects.has('tpp-message-without-category')) return { tppMessages: err.messages.map(({ category: _category, ...rest }) => rest) };
  if (defects.has('error-text-over-500')) {
    return { tppMessages: err.messages.map((m) => ({ ...m, text: `${m.text ?? m.code} `.padEnd(520, '.') })) };
  }
  return { tppMessages: err.messages };
}
