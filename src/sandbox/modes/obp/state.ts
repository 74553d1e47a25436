/** What the OBP emulation keeps per running bank: logins, consents, consent requests. */
import type { SandboxEnv } from '../../context.js';
import { JwtSigner } from './jwt.js';

/** The OBP consent states (DOMAIN §3c; src/lifecycle/machines/obp-consent-status.yaml). */
export type ObpConsentStatus = 'INITIATED' | 'ACCEPTED' | 'REJECTED' | 'REVOKED' | 'EXPIRED' | 'AUTHORISED';

export interface ViewAccess {
  bank_id: string;
  account_id: string;
  view_id: string;
}

export interface ObpConsent {
  id: string;
  userId: string;
  bankId: string;
  consumerKey: string;
  scaMethod: 'SMS' | 'EMAIL' | 'IMPLICIT';
  status: ObpConsentStatus;
  everything: boolean;
  views: ViewAccess[];
  entitlements: { bank_id: string; role_name: string }[];
  /** Seconds from creation. */
  timeToLive: number;
  createdAt: number;
  consentRequestId?: string;
  jwt: string;
}

export interface ObpConsentRequest {
  id: string;
  consumerKey: string;
  payload: Record<string, unknown>;
  vrp: boolean;
}

export interface ObpState {
  signer: JwtSigner;
  /** DirectLogin token → user id. */
  logins: Map<string, { userId: string; consumerKey: string }>;
  consents: Map<string, ObpConsent>;
  requests: Map<string, ObpConsentRequest>;
}

const STATES = new WeakMap<SandboxEnv, ObpState>();

export function obpState(env: SandboxEnv): ObpState {
  let state = STATES.get(env);
  if (!state) STATES.set(env, (state = { signer: new JwtSigner(), logins: new Map(), consents: new Map(), requests: new Map() }));
  return state;
}
