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
  /** The Open Bank Project consent API. */
  'obp-consents'?: boolean;
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
  /** Who completes the redirect SCA: the HTTP form driver (default), headless chromium, or a human. */
  driver?: 'form' | 'browser' | 'manual';
  browser?: BrowserScript;
  manual?: { timeoutMs?: number };
  /** Redirect with confirmation: the query parameter of the redirect back that carries the confirmation code (default confirmationCode). */
  confirmationCodeParam?: string;
}

/** One action of the browser driver; values are templates ({{psu.id}}). */
export type BrowserStep =
  | { fill: { selector: string; value: string } }
  | { click: string }
  | { waitForRedirect: string };

/** What the browser driver does on the bank's pages, for an approval and for a rejection. */
export interface BrowserScript {
  steps: BrowserStep[];
  rejectSteps?: BrowserStep[];
  /** Default: the profile's timeouts.requestMs. */
  timeoutMs?: number;
  /** Default: chromium on the PATH, else /usr/bin/chromium. */
  executablePath?: string;
}

/** The TPP's OAuth client at the bank (client id, secret, redirect URI), as written. */
export interface OAuthClientDocument {
  clientId: string;
  clientSecret?: Secret;
  redirectUri: string;
  scopes?: string[];
  metadataUrl?: string;
  preStep?: 'client-credentials' | 'authorization-code';
  tokenAuth?: 'client_secret_basic' | 'client_secret_post';
}

export interface OAuthClientProfile extends Omit<OAuthClientDocument, 'clientSecret'> {
  clientSecret?: string;
  tokenAuth: 'client_secret_basic' | 'client_secret_post';
}

/** How the decoupled driver brings about the PSU's decision in the app: a profile hook, or a command. */
export type DecoupledTrigger = { hook: string } | { command: string };

export interface DecoupledSca {
  approve?: DecoupledTrigger;
  reject?: DecoupledTrigger;
  pollMs?: number;
  timeoutMs?: number;
}

/** A PSU's test credentials (secrets as written in the file). */
export interface PsuCredentialsDocument {
  id: string;
  password?: Secret;
  otp?: Secret;
}

/** A PSU's test credentials, secrets resolved. */
export interface PsuCredentials {
  id: string;
  password?: string;
  otp?: string;
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
  sandbox?: { defects?: string[]; mode?: string; identity?: Partial<SandboxIdentity> };
  services?: ServiceOffer;
  scaApproaches?: ScaApproach[];
  psu?: { id: string; password?: Secret; otp?: Secret; ipAddress?: string; iban?: string };
  multilevel?: { iban: string; psus: PsuCredentialsDocument[] };
  tpp?: { redirectUri?: string; nokRedirectUri?: string };
  sca?: { redirect?: RedirectForm; embedded?: { method?: string }; decoupled?: DecoupledSca };
  timeouts?: { requestMs?: number; pollMs?: number };
  accepted?: AcceptedDeviation[];
  stateMachines?: string[];
  hooks?: Record<string, HookDefinition>;
  oauth?: OAuthClientDocument;
  obp?: { bankId: string; consumerKey: Secret; challengeAnswer?: Secret };
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
  /** The reference bank's emulation mode (sandbox.mode); standard by default. */
  mode: string;
  services: ServiceOffer;
  scaApproaches: ScaApproach[];
  psu: { id: string; password?: string; otp?: string; ipAddress: string; iban?: string };
  /** Multilevel SCA: an account needing psu's and these PSUs' authorisations. */
  multilevel?: { iban: string; psus: PsuCredentials[] };
  tpp: { redirectUri: string; nokRedirectUri?: string };
  sca: { redirect?: RedirectForm; embedded?: { method?: string }; decoupled?: DecoupledSca };
  timeouts: { requestMs: number; pollMs: number };
  accepted: AcceptedDeviation[];
  /** Absolute paths of the profile's state machine files. */
  stateMachines: string[];
  /** The bank's test hooks by name (advance-clock, revoke-consent, …); scenarios that need one are not applicable without it. */
  hooks: Record<string, Required<HookDefinition>>;
  /** The TPP's OAuth client, when the bank has an OAuth server. */
  oauth?: OAuthClientProfile;
  /** Open Bank Project access, secrets resolved. */
  obp?: { bankId: string; consumerKey: string; challengeAnswer?: string };
  /** Mutual TLS: the client certificate and key (PEM text), the bank's CA. */
  tls?: { certPem: string; keyPem: string; caPem?: string };
  /** Request signing: the QSealC and its key (PEM text). */
  signing?: { certificatePem: string; keyPem: string; digest: 'SHA-256' | 'SHA-512' };
  /** The property tests' settings. */
  properties: { runs?: number; seed?: number; tolerated: ToleratedPropertyDeviation[] };
  /** Set when the bundled bank is to demand a TPP identity. */
  sandboxIdentity?: SandboxIdentity;
}
