import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestAuthority, issueQsealc } from '../../src/certs/generate.js';
import { RequestSigner, digestMatches, digestOf, keyIdOf, parseSignature, serialOfKeyId, signatureVerifies } from '../../src/http/signing.js';

describe('message signing', () => {
  const seal = issueQsealc(createTestAuthority(), { roles: ['PSP_AI'] });
  const cert = new X509Certificate(seal.certPem);
  const signer = new RequestSigner({ certificatePem: seal.certPem, keyPem: seal.keyPem });
  const body = '{"a":1}';

  it('digests the body with SHA-256 or SHA-512 and tells a matching Digest from another', () => {
    expect(digestOf('')).toBe('SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(digestMatches(digestOf(body, 'SHA-512'), Buffer.from(body))).toBe(true);
    expect(digestMatches(digestOf('{"a":2}'), Buffer.from(body))).toBe(false);
    expect(digestMatches('MD5=abc', Buffer.from(body))).toBeUndefined();
  });

  it('signs digest, x-request-id, PSU-ID and date with keyId SN=…,CA=…; the signature verifies, a changed header does not', () => {
    const headers = { 'X-Request-ID': '99391c7e-ad88-49ec-a2ad-99ddcb1f7721', 'PSU-ID': ' psu-alice ', Accept: 'application/json' };
    const added = signer.sign({ headers, body });
    expect(added['Digest']).toBe(digestOf(body));
    expect(added['TPP-Signature-Certificate']).toBe(cert.raw.toString('base64'));
    const parsed = parseSignature(added['Signature']!)!;
    expect(parsed.headers).toEqual(['digest', 'x-request-id', 'psu-id', 'date']);
    expect(parsed.keyId).toBe(keyIdOf(cert));
    expect(parsed.keyId).toMatch(/^SN=[0-9A-F]+,CA=.*CN=xs2a-conformance test CA/);
    expect(serialOfKeyId(parsed.keyId)).toBe(cert.serialNumber.toUpperCase().replace(/^0+/, ''));
    const all: Record<string, string> = { 'x-request-id': headers['X-Request-ID'], 'psu-id': 'psu-alice', digest: added['Digest']!, date: added['Date']! };
    expect(signatureVerifies(parsed, cert, (n) => all[n])).toBe(true);
    expect(signatureVerifies(parsed, cert, (n) => (n === 'psu-id' ? 'psu-bob' : all[n]))).toBe(false);
  });

  it('reads only draft-cavage Signature headers', () => {
    expect(parseSignature('keyId="SN=1,CA=x",algorithm="rsa-sha256",headers="digest date",signature="AAAA"')).toEqual({ keyId: 'SN=1,CA=x', algorithm: 'rsa-sha256', headers: ['digest', 'date'], signature: 'AAAA' });
    expect(parseSignature('Bearer abc')).toBeUndefined();
    expect(parseSignature('keyId="SN=1"')).toBeUndefined();
  });
});
