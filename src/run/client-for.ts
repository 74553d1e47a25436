/** The HTTP client of a run: time limits, mutual TLS and request signing from the profile, or from the identity generated at run start. */
import { readFileSync } from 'node:fs';
import { Client } from '../http/client.js';
import { RequestSigner } from '../http/signing.js';
import type { Profile } from '../profile/types.js';
import type { IdentityFiles, RunConfig } from './config.js';

const read = (file: string) => readFileSync(file, 'utf8');

export function clientFor(run: Pick<RunConfig, 'timeoutMs' | 'maxBodyBytes' | 'identity'>, profile: Profile): Client {
  const id = run.identity;
  const tls = id?.tls ? { certPem: read(id.tls.cert), keyPem: read(id.tls.key), caPem: read(id.tls.ca) } : profile.tls;
  const signing = id?.signing ? { certificatePem: read(id.signing.certificate), keyPem: read(id.signing.key) } : profile.signing;
  return new Client({
    timeoutMs: run.timeoutMs ?? profile.timeouts.requestMs,
    ...(run.maxBodyBytes !== undefined ? { maxBodyBytes: run.maxBodyBytes } : {}),
    ...(tls ? { tls } : {}),
    ...(signing ? { signer: new RequestSigner({ ...signing, ...(profile.signing ? { digest: profile.signing.digest } : {}) }) } : {}),
  });
}

/** Clients presenting the generated certificates that lack roles (same signing as the run's). */
export function roleClientsFor(run: Pick<RunConfig, 'timeoutMs' | 'identity'>, profile: Profile): Record<string, { client: Client; roles: string[] }> {
  const id: IdentityFiles | undefined = run.identity;
  const out: Record<string, { client: Client; roles: string[] }> = {};
  for (const [name, files] of Object.entries(id?.roleClients ?? {})) {
    const client = clientFor({ ...run, identity: { ...id, tls: { cert: files.cert, key: files.key, ca: id!.tls!.ca } } }, profile);
    out[name] = { client, roles: files.roles };
  }
  return out;
}
