/** Transport failures (undici's, Node's, OpenSSL's) in words a user can act on. */

const codeOf = (err: unknown): string | undefined => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e.cause?.code ?? e.code;
};

/** The connection broke under an answer: closed or reset by the server. */
export function isBrokenConnection(err: unknown): boolean {
  const code = codeOf(err);
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE';
}

/** Certificate verification failures (OpenSSL's X509_V_ERR names, Node's host name check). */
const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** A failed TLS handshake in words, or undefined when the failure is not one. */
function tlsFailure(code: string, message: string): string | undefined {
  if (CERTIFICATE_CODES.has(code)) return `TLS handshake failed: the bank's certificate is not trusted (${message.split('\n')[0]})`;
  if (!code.startsWith('ERR_SSL_') && code !== 'EPROTO') return undefined;
  // OpenSSL's text: "...:SSL routines:ssl3_get_record:wrong version number:../deps/..."
  const reason = /SSL routines:[^:]*:([^:]+)/.exec(message)?.[1] ?? code.replace(/^ERR_SSL_/, '').toLowerCase().replace(/_/g, ' ');
  return `TLS handshake failed: ${reason}${reason === 'wrong version number' ? ' (the server does not speak TLS there?)' : ''}`;
}

/** A transport failure in words a user can act on. */
export function describeTransportError(err: unknown): { code: string; message: string } {
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = codeOf(err) ?? 'TRANSPORT_ERROR';
  const tls = tlsFailure(code, e.cause?.message ?? e.message ?? '');
  if (tls) return { code, message: tls };
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    ECONNRESET: 'connection reset by the server',
    ETIMEDOUT: 'connection timed out',
    EHOSTUNREACH: 'host unreachable',
    UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
    UND_ERR_HEADERS_TIMEOUT: 'no response headers within the time limit',
    UND_ERR_BODY_TIMEOUT: 'the response body stalled past the time limit',
    UND_ERR_SOCKET: 'the connection broke',
  };
  const reason = reasons[code] ?? e.cause?.message ?? e.message ?? String(err);
  return { code, message: reason };
}
