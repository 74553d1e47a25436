/**
 * The Open Bank Project's error answers: `{ "code": 400, "message": "OBP-10001: Incorrect json format." }`,
 * the OBP code first in the message (DOMAIN §10.3).
 */
import type { Handler, RequestContext } from '../../context.js';

export const OBP_ERRORS = {
  incorrectJson: [400, 'OBP-10001', 'Incorrect json format.'],
  notLoggedIn: [401, 'OBP-20001', 'User not logged in. Authentication is required!'],
  invalidLogin: [401, 'OBP-20004', 'Invalid login credentials. Check username/password.'],
  bankNotFound: [404, 'OBP-30001', 'Bank not found. Please specify a valid value for BANK_ID.'],
  accountNotFound: [404, 'OBP-30018', 'Bank Account not found. Please specify valid values for BANK_ID and ACCOUNT_ID.'],
  consumerNotFound: [401, 'OBP-30019', 'Consumer not found. Please specify a valid value for Consumer-Key.'],
  consentNotFound: [404, 'OBP-35001', 'Consent not found by CONSENT_ID.'],
  onlySmsEmailImplicit: [400, 'OBP-35009', 'Only SMS, EMAIL and IMPLICIT are supported as SCA methods.'],
  timeToLive: [400, 'OBP-35020', 'The time_to_live exceeds consents.max_time_to_live.'],
  consentRequestNotFound: [400, 'OBP-35029', 'CONSENT_REQUEST_ID is invalid.'],
  consentExpired: [401, 'OBP-35003', 'Consent-Id is expired.'],
  consentNotVerified: [401, 'OBP-35004', "Consent-Id JWT value couldn't be verified."],
  consentStatus: [401, 'OBP-35005', 'Consent-Id is not in status'],
  unknown: [500, 'OBP-50000', 'Unknown Error.'],
} as const satisfies Record<string, readonly [number, string, string]>;

export type ObpErrorName = keyof typeof OBP_ERRORS;

export class ObpError extends Error {
  constructor(readonly status: number, readonly code: string, text: string) {
    super(`${code}: ${text}`);
  }
}

/** An OBP error by name; `detail` is added to its standard text. */
export function obpError(name: ObpErrorName, detail?: string): ObpError {
  const [status, code, text] = OBP_ERRORS[name];
  return new ObpError(status, code, detail ? `${text} ${detail}` : text);
}

export function sendObp(ctx: RequestContext, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  ctx.res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), 'Cache-Control': 'no-store' });
  ctx.res.end(text);
}

/** The body of an OBP error; under the defect obp-error-without-code the OBP code is left out. */
function errorBody(ctx: RequestContext, err: ObpError): { code: number; message: string } {
  const message = ctx.env.defects.has('obp-error-without-code') ? err.message.replace(/^OBP-\d{5}: /, '') : err.message;
  return { code: err.status, message };
}

/** Runs an OBP handler: its ObpErrors, and anything else as OBP-50000, become OBP error answers. */
export function obpHandler(handler: Handler): Handler {
  return async (ctx) => {
    try {
      await handler(ctx);
    } catch (e) {
      const err = e instanceof ObpError ? e : obpError('unknown');
      if (!ctx.res.headersSent) sendObp(ctx, err.status, errorBody(ctx, err));
    }
  };
}
