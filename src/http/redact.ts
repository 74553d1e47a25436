import type { Exchange, HttpHeaders } from './exchange.js';

/** Headers whose whole value is a credential. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'consent-jwt', 'x-api-key', 'api-key']);
/** Body fields (JSON or form) whose value is a credential. */
const SECRET_FIELDS = [
  'password',
  'encryptedPassword',
  'additionalPassword',
  'additionalEncryptedPassword',
  'scaAuthenticationData',
  'confirmationCode',
  'otp',
  'client_secret',
  'clientSecret',
  'access_token',
  'accessToken',
  'refresh_token',
  'refreshToken',
  'id_token',
  'idToken',
  'code_verifier',
  'client_assertion',
  'private_key',
  'privateKey',
  'jwt',
];
/** Form and query fields that are credentials there only (an OAuth authorization code). */
const SECRET_FORM_FIELDS = [...SECRET_FIELDS, 'code'];
export const REDACTED = '***';

const jsonField = new RegExp(`("(?:${SECRET_FIELDS.join('|')})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'g');
const formField = new RegExp(`((?:^|[?&])(?:${SECRET_FORM_FIELDS.join('|')})=)[^&#\\s]*`, 'g');
/** A PEM private key block, whatever its kind (RSA, EC, ENCRYPTED, OPENSSH), also with its newlines escaped. */
const pemPrivateKey = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/g;
/** A JWT / JWS in compact form: header and payload are base64url JSON objects ("eyJ"). */
const jwt = /\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;

/** Known secrets shorter than this are not replaced wherever they appear (they would hit amounts and ids). */
const MIN_SECRET_LENGTH = 4;
/** Credentials learned from traffic shorter than this are not remembered (an OTP has 6 digits or more). */
const MIN_LEARNED_LENGTH = 6;

/** The forms a secret takes in the texts an exchange carries: as is, JSON-escaped, percent- and form-encoded. */
function spellings(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const uri = encodeURIComponent(secret);
  const form = new URLSearchParams({ s: secret }).toString().slice(2);
  return [...new Set([secret, json, uri, form, uri.replace(/%20/g, '+')])].sort((a, b) => b.length - a.length);
}

/** A number where no digit touches it. */
const standaloneNumber = (digits: string): RegExp => new RegExp(`(?<!\\d)${digits}(?!\\d)`, 'g');

/** Replace every known secret value and every credential-bearing field in a text. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text.replace(pemPrivateKey, REDACTED).replace(jwt, REDACTED).replace(jsonField, `$1"${REDACTED}"`).replace(formField, `$1${REDACTED}`);
  for (const s of secrets) {
    if (s.length < MIN_SECRET_LENGTH) continue;
    // A number (an OTP, a PIN) is replaced where it stands as a number, not inside a longer one (an IBAN, an id).
    if (/^\d+$/.test(s)) out = out.replace(standaloneNumber(s), REDACTED);
    else for (const spelling of spellings(s)) out = out.split(spelling).join(REDACTED);
  }
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
    ...(ex.error ? { error: { ...ex.error, message: redactText(ex.error.message, secrets) } } : {}),
  };
}

const jsonFieldNames = new Set(SECRET_FIELDS);
const formFieldNames = new Set(SECRET_FORM_FIELDS);

function jsonCredentials(value: unknown, out: string[]): void {
  if (Array.isArray(value)) for (const v of value) jsonCredentials(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (jsonFieldNames.has(k) && typeof v === 'string') out.push(v);
      else jsonCredentials(v, out);
    }
  }
}

/** Without the global flag: `test` keeps no state between calls. */
const hasJsonField = new RegExp(jsonField.source);
const hasFormField = new RegExp(formField.source);

function textCredentials(text: string | undefined, out: string[]): void {
  // Cheap tests first: most bodies name no credential, and a stream may hold 100 000 of them.
  if (!text) return;
  if (hasJsonField.test(text)) {
    try {
      jsonCredentials(JSON.parse(text), out);
      return;
    } catch {
      // not JSON after all
    }
  }
  const form = text.trim();
  if (hasFormField.test(form) && /^[^\s=&]+=[^\s]*$/.test(form)) for (const [k, v] of new URLSearchParams(form)) if (formFieldNames.has(k)) out.push(v);
}

/**
 * The credential values an exchange carries where redaction finds them by name (credential
 * headers, credential fields of JSON and form bodies and of the query), so that they can be
 * redacted wherever else they turn up later: a bank that echoes a token in an error text.
 */
export function credentialsIn(ex: Exchange): string[] {
  const found: string[] = [];
  for (const headers of [ex.request.headers, ex.response?.headers ?? {}]) {
    for (const [k, v] of Object.entries(headers)) {
      if (!SECRET_HEADERS.has(k)) continue;
      found.push(v);
      const token = /^\w+ (.+)$/.exec(v)?.[1]; // "Bearer <token>", "Basic <credentials>"
      if (token) found.push(token);
    }
  }
  if (hasFormField.test(ex.request.url)) {
    try {
      for (const [k, v] of new URL(ex.request.url).searchParams) if (formFieldNames.has(k)) found.push(v);
    } catch {
      // not a URL: nothing to learn from it
    }
  }
  textCredentials(ex.request.body, found);
  textCredentials(ex.response?.body, found);
  return [...new Set(found.map((v) => v.trim()).filter((v) => v.length >= MIN_LEARNED_LENGTH && v !== REDACTED))];
}
