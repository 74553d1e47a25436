import type { Exchange, HttpHeaders } from './exchange.js';

/** Headers whose whole value is a credential. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'consent-jwt']);
/** Body fields (JSON or form) whose value is a credential. */
const SECRET_FIELDS = [
  'password',
  'encryptedPassword',
  'additionalPassword',
  'scaAuthenticationData',
  'confirmationCode',
  'otp',
  'client_secret',
  'access_token',
  'refresh_token',
  'code_verifier',
  'jwt',
];
export const REDACTED = '***';

const jsonField = new RegExp(`("(?:${SECRET_FIELDS.join('|')})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'g');
const formField = new RegExp(`((?:^|[?&])(?:${SECRET_FIELDS.join('|')})=)[^&]*`, 'g');

/** Replace every known secret value and every credential-bearing field in a text. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text.replace(jsonField, `$1"${REDACTED}"`).replace(formField, `$1${REDACTED}`);
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join(REDACTED);
  return out;
}

function redactHeaders(headers: HttpHeaders, secrets: readonly string[]): HttpHeaders {
  const out: HttpHeaders = {};
  for (const [k, v] of Object.entries(headers)) {
    if (SECRET_HEADERS.has(k)) out[k] = k === 'authorization' && /^bearer /i.test(v) ? `Bearer ${REDACTED}` : REDACTED;
    else out[k] = redactText(v, secrets);
  }
  return out;
}

/** The copy of an exchange that reports see: credentials replaced by ***. The original is untouched. */
export function redactExchange(ex: Exchange, secrets: readonly string[]): Exchange {
  return {
    ...ex,
    request: {
      ...ex.request,
      url: redactText(ex.request.url, secrets),
      headers: redactHeaders(ex.request.headers, secrets),
      ...(ex.request.body !== undefined ? { body: redactText(ex.request.body, secrets) } : {}),
    },
    ...(ex.response
      ? { response: { ...ex.response, headers: redactHeaders(ex.response.headers, secrets), body: redactText(ex.response.body, secrets) } }
      : {}),
  };
}
