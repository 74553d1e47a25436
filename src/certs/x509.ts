/**
 * Issues X.509 v3 certificates (RFC 5280): the TBSCertificate is encoded with der.ts and signed
 * with node:crypto (ECDSA P-256 or RSA, SHA-256). Enough for a test CA, a TLS server
 * certificate, and eIDAS QWACs and QSealCs.
 */
import { type KeyObject, createHash, randomBytes, sign } from 'node:crypto';
import { isIP } from 'node:net';
import { boolean, explicit, implicitPrimitive, integer, nullValue, octetString, oid, printableString, sequence, set, time, tlv, utf8String } from './der.js';

export interface DistinguishedName {
  country?: string;
  organization?: string;
  /** organizationIdentifier (2.5.4.97), e.g. PSDDE-BAFIN-123456 (ETSI TS 119 495 §5.2.1). */
  organizationIdentifier?: string;
  commonName: string;
}

export interface CertificateRequest {
  subject: DistinguishedName;
  /** The subject's public key. */
  publicKey: KeyObject;
  /** The issuer's name and private key; absent: self-signed with `selfKey`. */
  issuer?: { name: DistinguishedName; key: KeyObject; publicKey: KeyObject };
  selfKey?: KeyObject;
  ca?: boolean;
  /** Days of validity from now (default 365). */
  days?: number;
  /** Host names and IP addresses (subjectAltName). */
  hosts?: string[];
  extendedKeyUsage?: Array<'serverAuth' | 'clientAuth'>;
  /** digitalSignature, nonRepudiation, keyEncipherment, keyCertSign, cRLSign. */
  keyUsage?: Array<'digitalSignature' | 'nonRepudiation' | 'keyEncipherment' | 'keyCertSign' | 'cRLSign'>;
  /** DER of the qcStatements extension value (psd2.ts). */
  qcStatements?: Buffer;
}

const ATTRIBUTE = { country: '2.5.4.6', organization: '2.5.4.10', organizationIdentifier: '2.5.4.97', commonName: '2.5.4.3' } as const;
const EKU = { serverAuth: '1.3.6.1.5.5.7.3.1', clientAuth: '1.3.6.1.5.5.7.3.2' } as const;
const KEY_USAGE_BITS = { digitalSignature: 0, nonRepudiation: 1, keyEncipherment: 2, keyCertSign: 5, cRLSign: 6 } as const;

export function encodeName(name: DistinguishedName): Buffer {
  const rdn = (type: string, value: Buffer) => set(sequence(oid(type), value));
  return sequence(
    ...(name.country ? [rdn(ATTRIBUTE.country, printableString(name.country))] : []),
    ...(name.organization ? [rdn(ATTRIBUTE.organization, utf8String(name.organization))] : []),
    ...(name.organizationIdentifier ? [rdn(ATTRIBUTE.organizationIdentifier, utf8String(name.organizationIdentifier))] : []),
    rdn(ATTRIBUTE.commonName, utf8String(name.commonName)),
  );
}

function algorithmOf(key: KeyObject): Buffer {
  if (key.asymmetricKeyType === 'rsa') return sequence(oid('1.2.840.113549.1.1.11'), nullValue()); // sha256WithRSAEncryption
  if (key.asymmetricKeyType === 'ec') return sequence(oid('1.2.840.10045.4.3.2')); // ecdsa-with-SHA256
  throw new Error(`cannot sign certificates with a ${key.asymmetricKeyType} key`);
}

function extension(id: string, value: Buffer, critical = false): Buffer {
  return sequence(oid(id), ...(critical ? [boolean(true)] : []), octetString(value));
}

function keyUsage(bits: CertificateRequest['keyUsage'] = []): Buffer {
  let mask = 0;
  for (const b of bits) mask |= 0x80 >> KEY_USAGE_BITS[b];
  let unused = 0;
  while (unused < 7 && mask && !(mask & (1 << unused))) unused++;
  return tlv(0x03, Buffer.from([unused, mask]));
}

function subjectAltName(hosts: string[]): Buffer {
  return sequence(
    ...hosts.map((h) => {
      const v = isIP(h);
      if (v === 4) return implicitPrimitive(7, Buffer.from(h.split('.').map(Number)));
      if (v === 6) return implicitPrimitive(7, ipv6Bytes(h));
      return implicitPrimitive(2, Buffer.from(h, 'ascii'));
    }),
  );
}

function ipv6Bytes(ip: string): Buffer {
  const [head, tail = ''] = ip.split('::');
  const groups = (s: string) => (s ? s.split(':') : []);
  const h = groups(head!);
  const t = ip.includes('::') ? groups(tail) : [];
  const all = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return Buffer.from(all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]));
}

function keyIdentifier(publicKey: KeyObject): Buffer {
  return createHash('sha1').update(publicKey.export({ type: 'spki', format: 'der' })).digest();
}

/** Issues one certificate; returns its DER. */
export function issueCertificate(req: CertificateRequest): Buffer {
  const signer = req.issuer?.key ?? req.selfKey;
  if (!signer) throw new Error('a certificate needs an issuer key or a self-signing key');
  const issuerName = req.issuer?.name ?? req.subject;
  const issuerPublic = req.issuer?.publicKey ?? req.publicKey;
  const serial = randomBytes(16);
  serial[0]! &= 0x7f;
  const now = Date.now();
  const sigAlg = algorithmOf(signer);
  const extensions = [
    extension('2.5.29.19', sequence(...(req.ca ? [boolean(true)] : [])), true),
    extension('2.5.29.15', keyUsage(req.keyUsage ?? (req.ca ? ['keyCertSign', 'cRLSign'] : ['digitalSignature'])), true),
    extension('2.5.29.14', octetString(keyIdentifier(req.publicKey))),
    extension('2.5.29.35', sequence(implicitPrimitive(0, keyIdentifier(issuerPublic)))),
    ...(req.extendedKeyUsage?.length ? [extension('2.5.29.37', sequence(...req.extendedKeyUsage.map((u) => oid(EKU[u]))))] : []),
    ...(req.hosts?.length ? [extension('2.5.29.17', subjectAltName(req.hosts))] : []),
    ...(req.qcStatements ? [extension('1.3.6.1.5.5.7.1.3', req.qcStatements)] : []),
  ];
  const tbs = sequence(
    explicit(0, integer(2)),
    integer(serial),
    sigAlg,
    encodeName(issuerName),
    sequence(time(new Date(now - 3_600_000)), time(new Date(now + (req.days ?? 365) * 86_400_000))),
    encodeName(req.subject),
    req.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, sequence(...extensions)),
  );
  const signature = sign('sha256', tbs, signer);
  return sequence(tbs, sigAlg, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
}

export function pem(der: Buffer, label = 'CERTIFICATE'): string {
  const b64 = der.toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${b64}-----END ${label}-----\n`;
}
