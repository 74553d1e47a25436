/** The shapes the property suite works with: a generated case, what the bank must answer, a property's result. */
import type fc from 'fast-check';
import type { Finding } from '../checks/check.js';
import type { Exchange } from '../http/exchange.js';
import type { DigestAlgorithm } from '../http/signing.js';
import type { PropertyCheckId } from './checks.js';

/** What the bank must answer to one generated request. */
export type Expectation =
  /** 2xx; a 400 with one of `optional` codes when the value asks for an optional feature. */
  | { kind: 'accepted'; optional?: string[] }
  /** Refused: one of `status`, one of `codes`, and (when `field` is given) a tppMessage naming it. */
  | { kind: 'refused'; check: PropertyCheckId; status: number[]; codes: string[]; field?: string }
  /** Left to the bank: any answer but a 5xx. */
  | { kind: 'any' };

/**
 * One generated request, as a change to a probe's base request. A header set to `null` is left
 * out; header names are sent as written (so a case may vary their case or send one twice).
 */
export interface PropertyCase {
  /** What is varied, in words: "PSU-IP-Address = 256.1.2.3 (octet above 255)". */
  label: string;
  headers?: Record<string, string | null>;
  query?: Record<string, string | null>;
  /** Top-level fields of the JSON body replaced. */
  body?: Record<string, unknown>;
  /** Send the request without the client's own signature (the case brings its own, or none). */
  unsigned?: boolean;
  /** Replace the signing headers computed for the request (after signing). */
  signed?: (request: { headers: Record<string, string>; body?: string }) => Record<string, string | null>;
  /** The Digest algorithm to sign with (default: the signer's). */
  digest?: DigestAlgorithm;
  /** Top-level body fields replaced after the request was signed (its Digest no longer matches). */
  bodyAfterSigning?: Record<string, unknown>;
  /** Send with another client (a certificate with other roles): its name in the suite's context. */
  client?: string;
  expect: Expectation;
}

/** A request a property varies: what the bank must accept as is. */
export interface ProbeRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
}

export interface Property {
  /** Stable name: what `--only` and the replay command select by, e.g. `header.psu-ip-address.invalid`. */
  name: string;
  /** The probe the cases vary (see probes.ts). */
  probe: string;
  /** The DOMAIN / IG section the property comes from. */
  rule: string;
  cases: fc.Arbitrary<PropertyCase>;
  /** At most this many runs (a property with few distinct cases needs no more). */
  maxRuns?: number;
}

/** One failed judgement of one exchange. */
export interface Violation {
  check: PropertyCheckId;
  message: string;
}

/** The outcome of one property. */
export interface PropertyResult {
  property: string;
  rule: string;
  state: 'passed' | 'failed' | 'not-applicable';
  notApplicable?: string;
  seed: number;
  runs: number;
  /** fast-check's path to the shrunk counterexample (with the seed, it replays it). */
  path?: string;
  shrinks?: number;
  /** The shrunk counterexample: what was varied and the request as sent (redacted). */
  counterexample?: { label: string; request: Exchange['request']; status?: number };
  /** The command that reruns exactly this counterexample. */
  replay?: string;
  /** Property findings (with seed, path, counterexample and replay as evidence), then the exchange checks' findings. */
  findings: Finding[];
  /** The (redacted) exchanges the findings point at. */
  exchanges: Exchange[];
  durationMs: number;
}
