/** The reference bank (sandbox ASPSP): start it in-process and get its base URL. */
import { X509Certificate } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SandboxClock } from './clock.js';
import type { SandboxEnv } from './context.js';
import { DefectSet } from './defects.js';
import { emulationMode } from './modes/index.js';
import { DEFAULT_SCA_APPROACHES } from './sca-approach.js';
import { createSandboxServer } from './server.js';
import { Store } from './store.js';
import type { RunningSandbox, SandboxOptions } from './types.js';
import type { IdentityRules } from './tpp-identity/index.js';

export { SandboxClock } from './clock.js';
export { DEFECTS, type DefectName } from './defects.js';
export { MODE_NAMES, type ModeName } from './modes/index.js';
export { PSUS, ACCOUNTS, CARD_ACCOUNTS } from './data.js';
export type { DefectDescription, RunningSandbox, SandboxOptions, ServedRequest } from './types.js';

function identityRules(options: SandboxOptions): IdentityRules | undefined {
  const tls = options.tls && (options.tls.requireClientCert || options.tls.enforceRoles)
    ? { ca: new X509Certificate(options.tls.ca), requireClientCert: options.tls.requireClientCert ?? false, enforceRoles: options.tls.enforceRoles ?? false }
    : undefined;
  const ca = options.signing?.ca ?? options.tls?.ca;
  const signing = options.signing ? { required: options.signing.required, ...(ca ? { ca: new X509Certificate(ca) } : {}) } : undefined;
  return tls || signing ? { ...(tls ? { tls } : {}), ...(signing ? { signing } : {}) } : undefined;
}

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts the bank; rejects when a defect or mode name is unknown or the port cannot be bound. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const defects = new DefectSet(options.defects ?? []);
  const mode = emulationMode(options.mode ?? 'standard');
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? new SandboxClock();
  const env: SandboxEnv = {
    store: new Store(),
    defects,
    mode,
    clock,
    scaApproaches: options.scaApproaches ?? DEFAULT_SCA_APPROACHES,
    confirmationMandated: options.confirmationCode ?? false,
    fallbackBaseUrl: '',
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  };
  const identity = identityRules(options);
  if (identity) env.identity = identity;
  const server = createSandboxServer(env, options.tls);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `${options.tls ? 'https' : 'http'}://${displayHost(host)}:${port}`;
  env.fallbackBaseUrl = url;
  let closing: Promise<void> | undefined;
  return {
    url,
    defects: defects.list(),
    mode: mode.name,
    clock,
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
