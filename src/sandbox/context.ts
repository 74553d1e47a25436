/** What a handler gets for one request. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxClock } from './clock.js';
import type { DefectSet } from './defects.js';
import type { EmulationMode } from './modes/types.js';
import type { ScaApproach, Store } from './store.js';
import type { IdentityRules } from './tpp-identity/index.js';

/** Shared by all requests of one running sandbox. */
export interface SandboxEnv {
  store: Store;
  defects: DefectSet;
  /** The system the bank emulates (src/sandbox/modes): standard unless chosen at start. */
  mode: EmulationMode;
  /** The bank's time: every time-dependent judgement asks it. */
  clock: SandboxClock;
  /** Base URL for links when the Host header cannot be used. */
  fallbackBaseUrl: string;
  /** Fixed public base URL (overrides the Host header). */
  publicUrl?: string;
  /** The SCA approaches the bank offers, in its order of preference (SandboxOptions.scaApproaches). */
  scaApproaches: readonly ScaApproach[];
  /** Redirect SCA ends unconfirmed: the TPP confirms with the code from the redirect back (SandboxOptions.confirmationCode). */
  confirmationMandated: boolean;
  /** The TPP identity API calls must show (mutual TLS, signatures); absent: none. */
  identity?: IdentityRules;
  /** Called once per answered request (see SandboxOptions.onRequest). */
  onRequest?: (entry: ServedRequest) => void;
}

/** One request the bank answered: what a request log records. */
export interface ServedRequest {
  method: string;
  /** The request path, without the query. */
  path: string;
  status: number;
}

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  env: SandboxEnv;
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  rawBody: Buffer;
  /** X-Request-ID to echo: the request's own, or a fresh one when it sent none. */
  echoRequestId: string;
  /** Absolute base URL of this bank (no trailing slash), e.g. http://127.0.0.1:4000. */
  baseUrl: string;
  /** A request header's value, or undefined when absent. */
  header(name: string): string | undefined;
}

export type Handler = (ctx: RequestContext) => void | Promise<void>;
