/**
 * The seam between a scenario's `sca` step and the SCA approaches: each approach has a driver
 * that takes over from the response that asked for the SCA (its links, headers and body) and
 * carries the authorisation through to the bank's answer, approved or rejected.
 */
import type { ExchangeOrigin, ExchangeRequest, ExchangeResponse } from '../http/exchange.js';
import type { Session } from '../run/session.js';

export type ScaOutcomeWanted = 'approve' | 'reject';

export interface ScaDriveRequest {
  session: Session;
  /** The response of the step named in `from` (the initiation, consent or start-authorisation answer), when the step names one. */
  started?: ExchangeResponse;
  /** Its body parsed as JSON (undefined when it was not JSON). */
  startedBody?: unknown;
  /** The request of that step, as sent (e.g. the PSU-ID it named). */
  startedRequest?: ExchangeRequest;
  /** An explicit link (templated and rendered), e.g. the scaRedirect href captured earlier. */
  link?: string;
  outcome: ScaOutcomeWanted;
  /** Renders a profile template ({{psu.id}}, …) in the scenario's scope. */
  render(template: string): string;
  origin: ExchangeOrigin;
}

export interface ScaDriveOutcome {
  ok: boolean;
  /** What happened, in one sentence. */
  message: string;
  /** Values the scenario may use in later steps (e.g. authorisationId), by name. */
  vars?: Record<string, unknown>;
}

export type ScaDriver = (request: ScaDriveRequest) => Promise<ScaDriveOutcome>;

/** The href of a named link in a JSON body's _links, if it has one. */
export function linkOf(body: unknown, name: string): string | undefined {
  const links = (body as { _links?: Record<string, { href?: unknown }> } | undefined)?._links;
  const href = links?.[name]?.href;
  return typeof href === 'string' ? href : undefined;
}
