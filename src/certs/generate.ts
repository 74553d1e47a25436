/**
 * Test eIDAS certificates for a TPP and a bank, generated on demand (never downloaded): a test
 * CA, the bank's TLS server certificate, a QWAC (client authentication) and a QSealC (request
 * signing) carrying the PSD2 QCStatement with the given roles.
 */
import { type KeyObject, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Psd2Role, qcStatements } from './psd2.js';
import { type DistinguishedName, issueCertificate, pem } from './x509.js';

export interface PemPair {
  certPem: string;
  keyPem: string;
}

export interface TestAuthority {
  name: DistinguishedName;
  key: KeyObject;
  publicKey: KeyObject;
  certPem: string;
}

export interface TppCertificateOptions {
  roles: readonly Psd2Role[];
  ncaName?: string;
  ncaId?: string;
  organization?: string;
  /** organizationIdentifier: PSD<country>-<NCA id>-<authorisation number>. */
  organizationIdentifier?: string;
}

const ecKeys = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
const keyPem = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }) as string;

export function createTestAuthority(commonName = 'xs2a-conformance test CA'): TestAuthority {
  const { privateKey, publicKey } = ecKeys();
  const name = { country: 'DE', organization: 'xs2a-conformance', commonName };
  const der = issueCertificate({ subject: name, publicKey, selfKey: privateKey, ca: true, days: 3650 });
  return { name, key: privateKey, publicKey, certPem: pem(der) };
}

/** The bank's TLS server certificate for the given host names and addresses. */
export function issueServerCertificate(ca: TestAuthority, hosts: string[] = ['127.0.0.1', 'localhost', '::1']): PemPair {
  const { privateKey, publicKey } = ecKeys();
  const der = issueCertificate({
    subject: { country: 'DE', organization: 'xs2a-conformance reference bank', commonName: hosts[0] ?? 'localhost' },
    publicKey,
    issuer: { name: ca.name, key: ca.key, publicKey: ca.publicKey },
    hosts,
    extendedKeyUsage: ['serverAuth'],
    keyUsage: ['digitalSignature', 'keyEncipherment'],
  });
  return { certPem: pem(der), keyPem: keyPem(privateKey) };
}

function tppSubject(options: TppCertificateOptions, suffix: string): DistinguishedName {
  return {
    country: 'DE',
    organization: options.organization ?? 'Example TPP',
    organizationIdentifier: options.organizationIdentifier ?? 'PSDDE-BAFIN-123456',
    commonName: `${options.organization ?? 'Example TPP'} ${suffix}`,
  };
}

const statement = (o: TppCertificateOptions) => ({ roles: [...o.roles], ncaName: o.ncaName ?? 'Federal Financial Supervisory Authority', ncaId: o.ncaId ?? 'DE-BAFIN' });

/** A QWAC: TLS client certificate with the PSD2 QCStatement (QcType web). */
export function issueQwac(ca: TestAuthority, options: TppCertificateOptions): PemPair {
  const { privateKey, publicKey } = ecKeys();
  const der = issueCertificate({
    subject: tppSubject(options, `QWAC ${options.roles.join(' ') || 'no role'}`),
    publicKey,
    issuer: { name: ca.name, key: ca.key, publicKey: ca.publicKey },
    extendedKeyUsage: ['clientAuth'],
    keyUsage: ['digitalSignature'],
    qcStatements: qcStatements(statement(options), 'qwac'),
  });
  return { certPem: pem(der), keyPem: keyPem(privateKey) };
}

/** A QSealC: an RSA signing certificate (rsa-sha256 HTTP signatures) with the PSD2 QCStatement (QcType eseal). */
export function issueQsealc(ca: TestAuthority, options: TppCertificateOptions): PemPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = issueCertificate({
    subject: tppSubject(options, 'QSealC'),
    publicKey,
    issuer: { name: ca.name, key: ca.key, publicKey: ca.publicKey },
    keyUsage: ['digitalSignature', 'nonRepudiation'],
    qcStatements: qcStatements(statement(options), 'qsealc'),
  });
  return { certPem: pem(der), keyPem: keyPem(privateKey) };
}

export interface GeneratedFiles {
  ca: string;
  caKey: string;
  server: { cert: string; key: string };
  qwac: { cert: string; key: string };
  qsealc: { cert: string; key: string };
}

/** Generates a CA, a server certificate, a QWAC and a QSealC with the roles, and writes them as PEM files into `dir`. */
export function writeTestCertificates(dir: string, options: TppCertificateOptions & { hosts?: string[] }): GeneratedFiles {
  mkdirSync(dir, { recursive: true });
  const ca = createTestAuthority();
  const write = (name: string, text: string, secret = false) => {
    const file = join(dir, name);
    writeFileSync(file, text, secret ? { mode: 0o600 } : {});
    return file;
  };
  const server = issueServerCertificate(ca, options.hosts);
  const qwac = issueQwac(ca, options);
  const qsealc = issueQsealc(ca, options);
  return {
    ca: write('ca.pem', ca.certPem),
    caKey: write('ca-key.pem', keyPem(ca.key), true),
    server: { cert: write('server.pem', server.certPem), key: write('server-key.pem', server.keyPem, true) },
    qwac: { cert: write('qwac.pem', qwac.certPem), key: write('qwac-key.pem', qwac.keyPem, true) },
    qsealc: { cert: write('qsealc.pem', qsealc.certPem), key: write('qsealc-key.pem', qsealc.keyPem, true) },
  };
}
