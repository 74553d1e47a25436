export type Secret = string | { env: string };

export interface ServiceOffer {
  payments?: string[];
  'bulk-payments'?: string[];
  'periodic-payments'?: string[];
  consents?: boolean;
  accounts?: boolean;
  'card-accounts'?: boolean;
  'funds-confirmations'?: boolean;
  'signing-baskets'?: boolean;
}

export type ScaApproach = 'redirect' | 'embedded' | 'decoupled' | 'oauth';

export interface FormButton {
  name: string;
  value: string;
}

export interface RedirectForm {
  fields?: Record<string, string>;
  approve?: FormButton;
  reject?: FormButton;
}

/** A test hook of the bank, outside the XS2A API: a request a scenario's hook step makes. */
export interface HookDefinition {
  /** Default POST. */
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Below the target's base URL; {name} placeholders are filled from the step's params. */
  path: string;
}

export interface AcceptedDeviation {
  check: string;
  operation?: string;
  until?: string;
  reason: string;
}

/** PEM text from a file (relative to the profile) or an environment variable. */
export type PemSource = string | { env: string };

export type Psd2Role = 'PSP_AS' | 'PSP_PI' | 'PSP_AI' | 'PSP_IC';

/** The bundled bank demanding a TPP identity (mutual TLS, signed requests), with generated test certificates. */
export interface SandboxIdentity {
  tls: boolean;
  signing: boolean;
  roles: Psd2Role[];
}

export interface ToleratedPropertyDeviation {
  property: string;
  reason: string;
  until?: string;
}

/** The profile file as written (see profile.schema.json). */
export interface ProfileDocument {
  name: string;
  baseUrl?: string;
  spec?: string;
  sandbox?: { defects?: string[]; identity?: Partial<SandboxIdentity> };
  services?: ServiceOffer;
  scaApproaches?: ScaApproach[];
  psu?: { id: string; password?: Secret; ipAddress?: string; iban?: string };
  tpp?: { redirectUri?: string; nokRedirectUri?: string };
  sca?: { redirect?: RedirectForm };
  timeouts?: { requestMs?: number; pollMs?: number };
  accepted?: AcceptedDeviation[];
  stateMachines?: string[];
  hooks?: Record<string, HookDefinition>;
  tls?: { cert: string; key: PemSource; ca?: string };
  signing?: { certificate: string; key: PemSource; digest?: 'SHA-256' | 'SHA-512'; algorithm?: 'rsa-sha256' };
  properties?: { runs?: number; seed?: number; tolerated?: ToleratedPropertyDeviation[] };
}

/** A loaded profile: validated, defaults filled in, secrets resolved, paths absolute. */
export interface Profile {
  source: string;
  name: string;
  baseUrl?: string;
  spec?: string;
  defects: string[];
  services: ServiceOffer;
  scaApproaches: ScaApproach[];
  psu: { id: string; password?: string; ipAddress: string; iban?: string };
  tpp: { redirectUri: string; nokRedirectUri?: string };
  sca: { redirect?: RedirectForm };
  timeouts: { requestMs: number; pollMs: number };
  accepted: AcceptedDeviation[];
  /** Absolute paths of the profile's state machine files. */
  stateMachines: string[];
  /** The bank's test hooks by name (advance-clock, revoke-consent, …); scenarios that need one are not applicable without it. */
  hooks: Record<string, Required<HookDefinition>>;
  /** Mutual TLS: the client certificate and key (PEM text), the bank's CA. */
  tls?: { certPem: string; keyPem: string; caPem?: string };
  /** Request signing: the QSealC and its key (PEM text). */
  signing?: { certificatePem: string; keyPem: string; digest: 'SHA-256' | 'SHA-512' };
  /** The property tests' settings. */
  properties: { runs?: number; seed?: number; tolerated: ToleratedPropertyDeviation[] };
  /** Set when the bundled bank is to demand a TPP identity. */
  sandboxIdentity?: SandboxIdentity;
}
