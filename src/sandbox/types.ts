/** Public shape of the reference bank (the bundled sandbox ASPSP). */
import type { SandboxClock } from './clock.js';
import type { ServedRequest } from './context.js';
import type { ScaApproach } from './store.js';

export type { ServedRequest } from './context.js';

export interface SandboxOptions {
  /** Port to listen on; 0 or absent picks a free one. */
  port?: number;
  /** Host to bind; default 127.0.0.1. */
  host?: string;
  /** Named defects to switch on (see src/sandbox/defects.ts). Unknown names are an error. */
  defects?: string[];
  /** The emulation mode (src/sandbox/modes): standard (default), mockbank, obp, bank-variant, mypos. Unknown names are an error. */
  mode?: string;
  /** Public base URL for links and Location (e.g. behind a proxy); default: from the Host header. */
  publicUrl?: string;
  /**
   * A request log: called once for every request the bank answered (API calls and SCA pages),
   * after the response is sent. Tests use it to see which operations a run exercised.
   */
  onRequest?: (entry: ServedRequest) => void;
  /** The bank's clock; default: the real time, moved on only by the sandbox hooks. */
  clock?: SandboxClock;
  /**
   * The SCA approaches the bank offers, in its order of preference (the first is chosen when the
   * TPP states no preference); default REDIRECT, EMBEDDED, DECOUPLED.
   */
  scaApproaches?: ScaApproach[];
  /**
   * Redirect with confirmation (IG 1.3.8+): after the PSU's SCA the authorisation is unconfirmed,
   * the redirect back carries ?confirmationCode=…, and the TPP confirms it with PUT
   * {confirmationCode}. Default false.
   */
  confirmationCode?: boolean;
  /**
   * Serve HTTPS (PEM texts). `requireClientCert`: API calls without a client certificate get 401
   * CERTIFICATE_MISSING (the handshake itself succeeds: the SCA pages are for browsers);
   * certificates not issued by `ca` get 401 CERTIFICATE_INVALID. `enforceRoles`: the PSD2 roles
   * of the certificate's QCStatement must cover the service (else 401 ROLE_INVALID).
   */
  tls?: { ca: string; cert: string; key: string; requireClientCert?: boolean; enforceRoles?: boolean };
  /** Verify signed requests; `required`: unsigned API calls get 401 SIGNATURE_MISSING. `ca`: the QSealC's issuer (PEM). */
  signing?: { required: boolean; ca?: string };
}

export interface RunningSandbox {
  /** Base URL, e.g. http://127.0.0.1:41234 (API paths start with /v1 below it). */
  url: string;
  defects: string[];
  /** The emulation mode it runs in. */
  mode: string;
  /** The bank's clock (advance it to let consents expire). */
  clock: SandboxClock;
  close(): Promise<void>;
}

export interface DefectDescription {
  /** What the bank does wrong, in one sentence. */
  description: string;
  /** The check ids that must catch it. */
  caughtBy: string[];
  /**
   * The bundled profile (profiles/) whose run exposes it, when the default one cannot: an emulation
   * mode's defects, or the signing and certificate defects that show only when the bank demands
   * signatures and mTLS.
   */
  profile?: string;
}
