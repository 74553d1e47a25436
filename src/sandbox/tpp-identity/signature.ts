/**
 * Verifies a signed request (DOMAIN §5.1): Signature present (else 401 SIGNATURE_MISSING), the
 * QSealC in TPP-Signature-Certificate (else 401 CERTIFICATE_MISSING; unreadable or from an
 * unknown CA: CERTIFICATE_INVALID), keyId naming its serial, the signature covering digest and
 * x-request-id (and PSU-ID, PSU-Corporate-ID, TPP-Redirect-URI when sent), the Digest matching
 * the body, and the signature verifying with the certificate's key (else 401 SIGNATURE_INVALID).
 */
import { X509Certificate } from 'node:crypto';
import { REQUIRED_SIGNED_HEADERS, digestMatches, parseSignature, serialOfKeyId, signatureVerifies } from '../../http/signing.js';
import type { RequestContext } from '../context.js';
import { apiError } from '../errors.js';

const COVERED_WHEN_SENT = ['psu-id', 'psu-corporate-id', 'tpp-redirect-uri'];

const invalid = (text: string, path = 'Signature') => apiError(401, 'SIGNATURE_INVALID', text, path);

export function verifySignature(ctx: RequestContext, rules: { required: boolean; ca?: X509Certificate }): void {
  const header = ctx.header('Signature');
  const digest = ctx.header('Digest');
  if (header === undefined) {
    if (rules.required || digest !== undefined) throw apiError(401, 'SIGNATURE_MISSING', 'The request is not signed: the Signature header is missing', 'Signature');
    return;
  }
  const certB64 = ctx.header('TPP-Signature-Certificate');
  if (!certB64) throw apiError(401, 'CERTIFICATE_MISSING', 'TPP-Signature-Certificate is missing', 'TPP-Signature-Certificate');
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(Buffer.from(certB64.replace(/\s+/g, ''), 'base64'));
  } catch {
    throw apiError(401, 'CERTIFICATE_INVALID', 'TPP-Signature-Certificate is not a base64 DER certificate', 'TPP-Signature-Certificate');
  }
  if (rules.ca && !(cert.checkIssued(rules.ca) && cert.verify(rules.ca.publicKey))) {
    throw apiError(401, 'CERTIFICATE_INVALID', 'TPP-Signature-Certificate is not issued by a trusted CA', 'TPP-Signature-Certificate');
  }
  const parsed = parseSignature(header);
  if (!parsed) throw invalid('The Signature header is not of the form keyId="…",algorithm="…",headers="…",signature="…"');
  if (serialOfKeyId(parsed.keyId) !== cert.serialNumber.toUpperCase().replace(/^0+(?=.)/, '')) throw invalid('The keyId does not name the serial number of TPP-Signature-Certificate');
  const missing = [...REQUIRED_SIGNED_HEADERS, ...COVERED_WHEN_SENT.filter((h) => ctx.header(h) !== undefined)].filter((h) => !parsed.headers.includes(h));
  if (missing.length) throw invalid(`The signature does not cover ${missing.join(', ')}`);
  if (digest === undefined) throw invalid('The Digest header is missing although the request is signed', 'Digest');
  if (!ctx.env.defects.has('digest-ignored') && digestMatches(digest, ctx.rawBody) !== true) throw invalid('The Digest does not match the body (SHA-256 or SHA-512 expected)', 'Digest');
  if (!ctx.env.defects.has('signature-not-verified') && !signatureVerifies(parsed, cert, (n) => ctx.header(n))) throw invalid('The signature does not verify with the key of TPP-Signature-Certificate');
}
