import { defineCheck, verdict, type Verdict } from '../check.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The HTTP statuses each error code of the Berlin Group catalogue goes with (DOMAIN §6, from the
 * 1.3.6/1.3.8 MessageCode enums and the IG's code table). Codes outside the table are not judged:
 * later files declare codes as free strings and banks add their own (DOMAIN §9 #17).
 */
const STATUSES: Readonly<Record<string, readonly number[]>> = {
  FORMAT_ERROR: [400],
  PARAMETER_NOT_CONSISTENT: [400],
  PARAMETER_NOT_SUPPORTED: [400],
  SERVICE_INVALID: [400, 405],
  RESOURCE_UNKNOWN: [400, 403, 404],
  RESOURCE_EXPIRED: [400, 403],
  RESOURCE_BLOCKED: [400],
  TIMESTAMP_INVALID: [400],
  PERIOD_INVALID: [400],
  SCA_METHOD_UNKNOWN: [400],
  SCA_INVALID: [400],
  CONSENT_UNKNOWN: [400, 403],
  PAYMENT_FAILED: [400],
  EXECUTION_DATE_INVALID: [400],
  SESSIONS_NOT_SUPPORTED: [400],
  CARD_INVALID: [400],
  NO_PIIS_ACTIVATION: [400],
  REFERENCE_MIX_INVALID: [400],
  CERTIFICATE_INVALID: [401],
  ROLE_INVALID: [401],
  CERTIFICATE_EXPIRED: [401],
  CERTIFICATE_BLOCKED: [401],
  CERTIFICATE_REVOKE: [401],
  CERTIFICATE_REVOKED: [401],
  CERTIFICATE_MISSING: [401],
  SIGNATURE_INVALID: [401],
  SIGNATURE_MISSING: [401],
  CORPORATE_ID_INVALID: [401],
  PSU_CREDENTIALS_INVALID: [401],
  CONSENT_INVALID: [401],
  CONSENT_EXPIRED: [401],
  TOKEN_UNKNOWN: [401],
  TOKEN_INVALID: [401],
  TOKEN_EXPIRED: [401],
  REQUIRED_KID_MISSING: [401],
  SERVICE_BLOCKED: [403],
  PRODUCT_INVALID: [403],
  PRODUCT_UNKNOWN: [404],
  CANCELLATION_INVALID: [405],
  REQUESTED_FORMATS_INVALID: [406],
  STATUS_INVALID: [409],
  REFERENCE_STATUS_INVALID: [409],
  ACCESS_EXCEEDED: [429],
};

/** Path parameters that name a resource (the service and product are not resources). */
const NOT_RESOURCES = new Set(['payment-service', 'payment-product']);

/** The error codes of a body in either form: tppMessages (or 1.3.9's tppMessage), or RFC 7807 code and additionalErrors. */
function codesOf(body: unknown): string[] {
  if (!isObject(body)) return [];
  const messages = body['tppMessages'] ?? body['tppMessage'];
  const list = Array.isArray(messages) ? messages : [body, ...(Array.isArray(body['additionalErrors']) ? body['additionalErrors'] : [])];
  return list.flatMap((m) => (isObject(m) && typeof m['code'] === 'string' && m['category'] !== 'WARNING' ? [m['code']] : []));
}

export default defineCheck({
  id: 'error.code-status',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §14 (error codes and the HTTP status each is used with; the 1.3.6/1.3.8 MessageCode*_{status} enums)',
  description:
    'An error code comes with an HTTP status the catalogue gives it (CONSENT_UNKNOWN 403 or 400, RESOURCE_UNKNOWN 404, 403 or 400, …), and RESOURCE_UNKNOWN on 403/404 only where the path names a resource.',
  appliesTo: (ex, ctx) => ex.response !== undefined && ex.response.status >= 400 && ex.response.status < 500 && ctx.match !== undefined && codesOf(ctx.responseJson).length > 0,
  judge(ex, ctx) {
    const status = ex.response!.status;
    const out: Verdict[] = [];
    for (const code of codesOf(ctx.responseJson)) {
      const allowed = STATUSES[code];
      if (allowed && !allowed.includes(status)) {
        out.push(verdict(`${code} is answered with ${status}; the catalogue gives it ${allowed.join(' or ')}`, { code, status, allowed }));
        continue;
      }
      const resources = Object.keys(ctx.match!.pathParams).filter((p) => !NOT_RESOURCES.has(p));
      if (code === 'RESOURCE_UNKNOWN' && (status === 403 || status === 404) && resources.length === 0) {
        out.push(
          verdict(`RESOURCE_UNKNOWN (${status}) on ${ctx.match!.operation.operationId}, whose path names no resource: an unknown Consent-ID is CONSENT_UNKNOWN`, { code, status }),
        );
      }
    }
    return out;
  },
});
