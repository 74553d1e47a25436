/**
 * Starts the bundled reference bank for a profile: with its defects, and, when the profile's
 * `sandbox.identity` asks for it, demanding mutual TLS (roles enforced) and signed requests,
 * with test certificates generated into a fresh temporary folder (removed by `close`).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestAuthority, issueQsealc, issueQwac, issueServerCertificate, type PemPair } from '../certs/generate.js';
import type { Psd2Role } from '../certs/psd2.js';
import type { Profile } from '../profile/types.js';
import { startSandbox } from '../sandbox/index.js';
import type { RunningSandbox } from '../sandbox/types.js';
import type { IdentityFiles } from './config.js';

export interface BundledBank {
  bank: RunningSandbox;
  /** The generated TPP identity the suite presents, when the bank demands one. */
  identity?: IdentityFiles;
  close(): Promise<void>;
}

/** QWACs with one role each, for the role properties: each lacks the roles of the other services. */
export const ROLE_CLIENTS: Readonly<Record<string, Psd2Role[]>> = { 'ais-only': ['PSP_AI'], 'pis-only': ['PSP_PI'] };

export async function startBundledBank(profile: Profile, defects: string[]): Promise<BundledBank> {
  const wanted = profile.sandboxIdentity;
  if (!wanted || (!wanted.tls && !wanted.signing)) {
    const bank = await startSandbox({ defects, mode: profile.mode });
    return { bank, close: () => bank.close() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'xs2a-identity-'));
  try {
    const write = (name: string, pair: PemPair) => {
      const cert = join(dir, `${name}.pem`);
      const key = join(dir, `${name}-key.pem`);
      writeFileSync(cert, pair.certPem);
      writeFileSync(key, pair.keyPem, { mode: 0o600 });
      return { cert, key };
    };
    const ca = createTestAuthority();
    const caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, ca.certPem);
    const server = write('server', issueServerCertificate(ca));
    const identity: IdentityFiles = {};
    if (wanted.signing) {
      const seal = write('qsealc', issueQsealc(ca, { roles: wanted.roles }));
      identity.signing = { certificate: seal.cert, key: seal.key };
    }
    if (wanted.tls) {
      identity.tls = { ...write('qwac', issueQwac(ca, { roles: wanted.roles })), ca: caFile };
      identity.roleClients = Object.fromEntries(Object.entries(ROLE_CLIENTS).map(([name, roles]) => [name, { ...write(`qwac-${name}`, issueQwac(ca, { roles })), roles }]));
    }
    const bank = await startSandbox({
      defects,
      mode: profile.mode,
      ...(wanted.tls ? { tls: { ca: ca.certPem, cert: readFileSync(server.cert, 'utf8'), key: readFileSync(server.key, 'utf8'), requireClientCert: true, enforceRoles: true } } : {}),
      ...(wanted.signing ? { signing: { required: true, ca: ca.certPem } } : {}),
    });
    return {
      bank,
      identity,
      async close() {
        await bank.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
