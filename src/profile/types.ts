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

/** The profile file as written (see profile.schema.json). */
export interface ProfileDocument {
  name: string;
  baseUrl?: string;
  spec?: string;
  sandbox?: { defects?: string[]; mode?: string };
  services?: ServiceOffer;
  scaApproaches?: ScaApproach[];
  psu?: { id: string; password?: Secret; ipAddress?: string; iban?: string };
  tpp?: { redirectUri?: string; nokRedirectUri?: string };
  sca?: { redirect?: RedirectForm };
  timeouts?: { requestMs?: number; pollMs?: number };
  accepted?: AcceptedDeviation[];
  stateMachines?: string[];
  hooks?: Record<string, HookDefinition>;
  obp?: { bankId: string; consumerKey: Secret; challengeAnswer?: Secret };
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
  psu: { id: string; password?: string; ipAddress: string; iban?: string };
  tpp: { redirectUri: string; nokRedirectUri?: string };
  sca: { redirect?: RedirectForm };
  timeouts: { requestMs: number; pollMs: number };
  accepted: AcceptedDeviation[];
  /** Absolute paths of the profile's state machine files. */
  stateMachines: string[];
  /** The bank's test hooks by name (advance-clock, revoke-consent, …); scenarios that need one are not applicable without it. */
  hooks: Record<string, Required<HookDefinition>>;
  /** Open Bank Project access, secrets resolved. */
  obp?: { bankId: string; consumerKey: string; challengeAnswer?: string };
}
