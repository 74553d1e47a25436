import { X509Certificate } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { children, integer, oid, oidString, read, time } from '../../src/certs/der.js';
import { createTestAuthority, issueQsealc, issueQwac, issueServerCertificate, writeTestCertificates } from '../../src/certs/generate.js';
import { psd2StatementOf } from '../../src/certs/psd2.js';

const dir = mkdtempSync(join(tmpdir(), 'xs2a-certs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
}

describe('the DER encoder', () => {
  it('encodes integers, object identifiers and times as X.690 says', () => {
    expect(integer(0).toString('hex')).toBe('020100');
    expect(integer(128).toString('hex')).toBe('02020080');
    expect(integer(Buffer.from([0, 0, 1])).toString('hex')).toBe('020101');
    expect(oid('1.2.840.113549.1.1.11').toString('hex')).toBe('06092a864886f70d01010b');
    expect(oid('0.4.0.19495.2').toString('hex')).toBe('0606040081982702'); // 19495 = 1·128² + 24·128 + 39
    expect(oidString(read(oid('0.4.0.19495.1.3')))).toBe('0.4.0.19495.1.3');
    expect(oidString(read(oid('2.5.4.97')))).toBe('2.5.4.97');
    expect(time(new Date('2030-01-02T03:04:05Z')).toString('ascii').slice(2)).toBe('300102030405Z');
    expect(time(new Date('2051-01-02T03:04:05Z'))[0]).toBe(0x18);
    const long = read(Buffer.concat([Buffer.from([0x04, 0x81, 200]), Buffer.alloc(200)]));
    expect(long.content.length).toBe(200);
    expect(children(read(Buffer.from('3006020101020102', 'hex'))).map((c) => c.content[0])).toEqual([1, 2]);
  });
});

describe('generated eIDAS test certificates', () => {
  const ca = createTestAuthority();
  const caCert = new X509Certificate(ca.certPem);

  it('a QWAC and a QSealC issued by the test CA carry the PSD2 QCStatement with the roles, NCA name and id', () => {
    for (const issued of [issueQwac(ca, { roles: ['PSP_AI', 'PSP_PI'] }), issueQsealc(ca, { roles: ['PSP_AI', 'PSP_PI'] })]) {
      const cert = new X509Certificate(issued.certPem);
      expect(cert.verify(caCert.publicKey)).toBe(true);
      expect(cert.checkIssued(caCert)).toBe(true);
      expect(cert.subject).toMatch(/2\.5\.4\.97=PSDDE-BAFIN-123456|organizationIdentifier=PSDDE-BAFIN-123456/);
      expect(psd2StatementOf(cert.raw)).toEqual({ roles: ['PSP_AI', 'PSP_PI'], ncaName: 'Federal Financial Supervisory Authority', ncaId: 'DE-BAFIN' });
    }
    expect(new X509Certificate(issueQsealc(ca, { roles: ['PSP_IC'] }).certPem).publicKey.asymmetricKeyType).toBe('rsa');
    expect(psd2StatementOf(caCert.raw)).toBeUndefined();
  });

  it('the server certificate names its hosts; the CA is a CA', () => {
    const server = new X509Certificate(issueServerCertificate(ca, ['127.0.0.1', 'localhost']).certPem);
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(caCert.ca).toBe(true);
    expect(server.ca).toBe(false);
  });

  it.runIf(hasOpenssl())('openssl verifies the chain and reads the QCStatement', () => {
    const files = writeTestCertificates(dir, { roles: ['PSP_AS', 'PSP_PI', 'PSP_AI', 'PSP_IC'] });
    for (const cert of [files.server.cert, files.qwac.cert, files.qsealc.cert]) {
      expect(execFileSync('openssl', ['verify', '-CAfile', files.ca, cert]).toString()).toMatch(/OK/);
    }
    const text = execFileSync('openssl', ['x509', '-in', files.qwac.cert, '-noout', '-text']).toString();
    expect(text).toMatch(/TLS Web Client Authentication/);
    expect(text).toMatch(/qcStatements|1\.3\.6\.1\.5\.5\.7\.1\.3/);
    expect(readFileSync(files.qwac.key, 'utf8')).toMatch(/BEGIN PRIVATE KEY/);
  });
});
