/**
 * What the bank's OAuth2 authorisation server keeps for one running sandbox: authorisation codes,
 * access and refresh tokens, and which authorisations run as OAuth SCA. Times are the bank's
 * clock's (src/sandbox/clock.ts), so moving the clock expires codes and tokens.
 */
import { randomBytes } from 'node:crypto';
import type { SandboxEnv } from '../context.js';

/** Lifetimes in seconds. */
export const CODE_LIFETIME_S = 60;
export const ACCESS_TOKEN_LIFETIME_S = 3600;
export const REFRESH_TOKEN_LIFETIME_S = 90 * 24 * 3600;

/** A granted scope: one resource's SCA (PIS:, AIS:, PIIS:, SB:) or account access without a consent id (AIS). */
export interface Grant {
  scope: string;
  /** The AIS consent the token reads with (AIS:<id>, or the consent the bank keeps for a bare AIS scope). */
  consentId?: string;
}

export interface AuthorizationCode {
  code: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  psuId: string;
  grant: Grant;
  expiresAt: number;
  used: boolean;
}

export interface AccessToken {
  token: string;
  /** client: a client_credentials token (the TPP itself); psu: bound to a PSU by the authorisation-code grant. */
  kind: 'client' | 'psu';
  clientId: string;
  psuId?: string;
  grant?: Grant;
  expiresAt: number;
}

export interface RefreshToken {
  token: string;
  clientId: string;
  psuId: string;
  grant: Grant;
  expiresAt: number;
}

export class OAuthState {
  readonly codes = new Map<string, AuthorizationCode>();
  readonly accessTokens = new Map<string, AccessToken>();
  readonly refreshTokens = new Map<string, RefreshToken>();
  /** Authorisations opened with scaOAuth: the authorisation-code grant carries their SCA. */
  readonly oauthAuthorisations = new Set<string>();
}

const STATES = new WeakMap<SandboxEnv, OAuthState>();

export function oauthState(env: SandboxEnv): OAuthState {
  let state = STATES.get(env);
  if (!state) STATES.set(env, (state = new OAuthState()));
  return state;
}

/** An unguessable value for codes and tokens (256 bits, base64url). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function nowMs(env: SandboxEnv): number {
  return env.clock.now().getTime();
}
