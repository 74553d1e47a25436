import type { ExchangeRequest } from '../http/exchange.js';
import { REDACTED } from '../http/redact.js';

/** Headers curl sets itself from the command (or that belong to one connection). */
const CONNECTION_HEADERS = new Set(['host', 'content-length', 'connection', 'keep-alive', 'transfer-encoding']);

/** Placeholder names for the credentials redaction replaced, by field or header name. */
const PLACEHOLDERS: Record<string, string> = {
  password: 'PSU_PASSWORD',
  encryptedPassword: 'PSU_PASSWORD',
  additionalPassword: 'PSU_ADDITIONAL_PASSWORD',
  scaAuthenticationData: 'PSU_OTP',
  otp: 'PSU_OTP',
  confirmationCode: 'CONFIRMATION_CODE',
  authorization: 'ACCESS_TOKEN',
  'consent-jwt': 'CONSENT_JWT',
};

const upperSnake = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();

/** The variable a redacted value becomes, from the text just before it (`"password":"`, `otp=`) or the header it is in. */
function placeholderFor(before: string, header?: string): string {
  const field = /"([A-Za-z_][\w-]*)"\s*:\s*"$/.exec(before)?.[1] ?? /(?:^|[?&])([A-Za-z_][\w-]*)=$/.exec(before)?.[1] ?? header;
  if (!field) return 'XS2A_SECRET';
  return PLACEHOLDERS[field] ?? upperSnake(field);
}

const singleQuoted = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * A shell word for a (redacted) text: single-quoted, with each redacted value spliced in as a
 * double-quoted variable, so `{"password":"***"}` becomes `'{"password":"'"$PSU_PASSWORD"'"}'`.
 */
export function shellWord(text: string, header?: string): string {
  const parts = text.split(REDACTED);
  if (parts.length === 1) return singleQuoted(text);
  let out = '';
  let before = '';
  parts.forEach((part, i) => {
    if (i > 0) out += `"$${placeholderFor(before, header)}"`;
    if (part !== '') out += singleQuoted(part);
    before += part;
  });
  return out;
}

/** The environment variables a curl command expects (the secrets it leaves out). */
export function curlVariables(command: string): string[] {
  return [...new Set([...command.matchAll(/"\$([A-Z][A-Z0-9_]*)"/g)].map((m) => m[1]!))];
}

/**
 * A curl command that sends a recorded request again: method, URL, headers and body as they were
 * sent, from the redacted copy (credentials become $VARIABLES the user sets). `-i` prints the
 * status line and headers, so the answer can be compared with the finding.
 */
export function curlCommand(request: ExchangeRequest): string {
  const method = request.method.toUpperCase();
  const lines = [
    `curl -sS -i${method === 'HEAD' ? ' --head' : method === 'GET' && request.body === undefined ? '' : ` -X ${method}`} ${shellWord(request.url)}`,
  ];
  for (const [name, value] of Object.entries(request.headers)) {
    if (CONNECTION_HEADERS.has(name.toLowerCase())) continue;
    lines.push(`  -H ${shellWord(`${name}: ${value}`, name.toLowerCase())}`);
  }
  if (request.body !== undefined) lines.push(`  --data-raw ${shellWord(request.body)}`);
  return lines.join(' \\\n');
}
