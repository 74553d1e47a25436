/**
 * Message signing as NextGenPSD2 asks for it (DOMAIN §5.1, IG "signing of requests"): a Digest
 * of the body (SHA-256 or SHA-512), an HTTP signature after draft-cavage-http-signatures-10
 * (keyId "SN=<serial>,CA=<issuer DN>", algorithm rsa-sha256, over digest, x-request-id, the PSU
 * and redirect headers present, and date), and the QSealC as TPP-Signature-Certificate (base64 DER).
 * Used by the client to sign, and by the reference bank to verify.
 */
import { X509Certificate, createHash, createPrivateKey, createSign, createVerify, type KeyObject } from 'node:crypto';

export type DigestAlgorithm = 'SHA-256' | 'SHA-512';

export interface SigningCredentials {
  /** The QSealC, PEM. */
  certificatePem: string;
  /** Its private key, PEM. */
  keyPem: string;
  /** Digest algorithm; default SHA-256. */
  digest?: DigestAlgorithm;
}

/** Headers signed when the request carries them, in this order (draft-cavage: lower-case names). */
export const SIGNED_HEADERS = ['digest', 'x-request-id', 'psu-id', 'psu-corporate-id', 'tpp-redirect-uri', 'date'] as const;
/** Headers every signature must cover. */
export const REQUIRED_SIGNED_HEADERS = ['digest', 'x-request-id'] as const;

export function digestOf(body: string | Buffer | undefined, algorithm: DigestAlgorithm = 'SHA-256'): string {
  const hash = createHash(algorithm === 'SHA-512' ? 'sha512' : 'sha256').update(body ?? '').digest('base64');
  return `${algorithm}=${hash}`;
}

/** Does a Digest header (one or more comma-separated `ALG=base64` values) match the body? Undefined: no algorithm it names is known. */
export function digestMatches(header: string, body: string | Buffer): boolean | undefined {
  let known = false;
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const alg = part.slice(0, at).trim().toUpperCase();
    if (alg !== 'SHA-256' && alg !== 'SHA-512') continue;
    known = true;
    if (digestOf(body, alg) !== `${alg}=${part.slice(at + 1).trim()}`) return false;
  }
  return known ? true : undefined;
}

/** keyId of a certificate: `SN=<serial, hex>,CA=<issuer DN>`. */
export function keyIdOf(cert: X509Certificate): string {
  return `SN=${cert.serialNumber.toUpperCase()},CA=${cert.issuer.split('\n').join(',')}`;
}

/** The signing string of draft-cavage §2.3: one `name: value` line per signed header. */
export function signingString(names: readonly string[], header: (name: string) => string | undefined): string {
  return names.map((n) => `${n}: ${header(n) ?? ''}`).join('\n');
}

export interface ParsedSignature {
  keyId: string;
  algorithm: string;
  headers: string[];
  signature: string;
}

/** Reads a Signature header; undefined when it is not of the draft-cavage form. */
export function parseSignature(value: string): ParsedSignature | undefined {
  const fields = new Map<string, string>();
  const re = /\s*([A-Za-z]+)\s*=\s*"([^"]*)"\s*(?:,|$)/y;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < value.length && (m = re.exec(value))) {
    fields.set(m[1]!.toLowerCase(), m[2]!);
    at = re.lastIndex;
  }
  if (at < value.trim().length) return undefined;
  const keyId = fields.get('keyid');
  const signature = fields.get('signature');
  if (!keyId || !signature) return undefined;
  return { keyId, algorithm: fields.get('algorithm') ?? 'rsa-sha256', headers: (fields.get('headers') ?? 'date').toLowerCase().split(/\s+/).filter(Boolean), signature };
}

/** The serial number a keyId names (`SN=…`), upper-case hex without leading zeros. */
export function serialOfKeyId(keyId: string): string | undefined {
  const m = /(?:^|,)\s*SN=([0-9A-Fa-f]+)/.exec(keyId);
  return m ? m[1]!.toUpperCase().replace(/^0+(?=.)/, '') : undefined;
}

export interface SignableRequest {
  headers: Record<string, string>;
  body?: string;
}

/** Signs requests with one QSealC and its key. */
export class RequestSigner {
  readonly #key: KeyObject;
  readonly #certificateB64: string;
  readonly #keyId: string;
  readonly digest: DigestAlgorithm;

  constructor(credentials: SigningCredentials) {
    const cert = new X509Certificate(credentials.certificatePem);
    this.#key = createPrivateKey(credentials.keyPem);
    if (this.#key.asymmetricKeyType !== 'rsa') throw new Error('the signing key must be an RSA key (algorithm rsa-sha256)');
    this.#certificateB64 = cert.raw.toString('base64');
    this.#keyId = keyIdOf(cert);
    this.digest = credentials.digest ?? 'SHA-256';
  }

  /**
   * The signing headers for a request (Digest, Date when absent, Signature, TPP-Signature-Certificate),
   * to be added to its headers. Header names of the request are matched case-insensitively.
   */
  sign(req: SignableRequest, digest: DigestAlgorithm = this.digest): Record<string, string> {
    // A header value's surrounding white space is not part of it (RFC 9110 §5.5): the bank sees it trimmed.
    const lower = new Map(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v.trim()]));
    const added: Record<string, string> = { Digest: digestOf(req.body, digest) };
    lower.set('digest', added['Digest']!);
    if (!lower.has('date')) {
      added['Date'] = new Date().toUTCString();
      lower.set('date', added['Date']);
    }
    const names = SIGNED_HEADERS.filter((n) => lower.has(n));
    const signature = createSign('sha256').update(signingString(names, (n) => lower.get(n))).sign(this.#key, 'base64');
    added['Signature'] = `keyId="${this.#keyId}",algorithm="rsa-sha256",headers="${names.join(' ')}",signature="${signature}"`;
    added['TPP-Signature-Certificate'] = this.#certificateB64;
    return added;
  }
}

/** Verifies a draft-cavage rsa-sha256 signature over the named headers with a certificate's key. */
export function signatureVerifies(parsed: ParsedSignature, cert: X509Certificate, header: (name: string) => string | undefined): boolean {
  if (parsed.algorithm.toLowerCase() !== 'rsa-sha256') return false;
  try {
    return createVerify('sha256').update(signingString(parsed.headers, header)).verify(cert.publicKey, parsed.signature, 'base64');
  } catch {
    return false;
  }
}
