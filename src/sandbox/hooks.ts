/**
 * Sandbox-only test hooks, outside the XS2A API (below /sandbox, no X-Request-ID needed): they let
 * a test make happen what in a real bank takes days or the PSU's own doing.
 *
 *   POST /sandbox/clock {"advanceSeconds": N}                      the bank's clock moves on N seconds
 *   POST /sandbox/consents/{consentId}/clock {"advanceSeconds": N}  only this consent's time moves on
 *   POST /sandbox/consents/{consentId}/revoke                      the PSU revokes the consent at the bank
 *
 * Moving the bank's clock moves it for every resource: a suite running other scenarios at the same
 * time would see their dates judged on the new day. The consent's own clock ages one consent
 * (validUntil, one-off use, lastActionDate, daily access counts) and nothing else.
 */
import { readJsonBody } from './body.js';
import type { RequestContext } from './context.js';
import { consentToday, refreshConsent } from './lifecycle.js';
import { sendJson } from './response.js';
import type { ConsentRecord } from './store.js';
import { isObject } from './validation.js';

/** Longest step one call may take: ten years. */
const MAX_ADVANCE_SECONDS = 10 * 366 * 86_400;

class HookError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Runs a hook; its refusals are plain JSON errors ({"error": …}), not XS2A tppMessages. */
function hook(run: (ctx: RequestContext) => unknown) {
  return (ctx: RequestContext): void => {
    try {
      sendJson(ctx, 200, run(ctx));
    } catch (err) {
      if (!(err instanceof HookError)) throw err;
      sendJson(ctx, err.status, { error: err.message });
    }
  };
}

function advanceSeconds(ctx: RequestContext): number {
  let body: unknown;
  try {
    body = readJsonBody(ctx, true);
  } catch {
    throw new HookError(400, 'the body must be JSON: {"advanceSeconds": N}');
  }
  const seconds = isObject(body) ? body['advanceSeconds'] : undefined;
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0 || seconds > MAX_ADVANCE_SECONDS) {
    throw new HookError(400, `advanceSeconds must be a whole number of seconds from 0 to ${MAX_ADVANCE_SECONDS}`);
  }
  return seconds;
}

function consentOf(ctx: RequestContext): ConsentRecord {
  const id = ctx.params.consentId ?? '';
  const consent = ctx.env.store.consents.get(id);
  if (!consent) throw new HookError(404, `consent ${id} does not exist`);
  return consent;
}

/** POST /sandbox/clock: answers the bank's new time. */
export const advanceBankClock = hook((ctx) => {
  const now = ctx.env.clock.advance(advanceSeconds(ctx));
  return { now: now.toISOString(), today: ctx.env.clock.today() };
});

/** POST /sandbox/consents/{consentId}/clock: answers the consent's new time and its status then. */
export const advanceConsentClock = hook((ctx) => {
  const consent = consentOf(ctx);
  consent.clockAheadMs = (consent.clockAheadMs ?? 0) + advanceSeconds(ctx) * 1000;
  const { clock } = ctx.env;
  refreshConsent(consent, consentToday(clock, consent));
  return { consentId: consent.id, now: clock.now(consent.clockAheadMs).toISOString(), today: consentToday(clock, consent), consentStatus: consent.consentStatus };
});

/** POST /sandbox/consents/{consentId}/revoke: a valid consent becomes revokedByPsu. */
export const revokeConsent = hook((ctx) => {
  const consent = consentOf(ctx);
  const day = consentToday(ctx.env.clock, consent);
  refreshConsent(consent, day);
  if (consent.consentStatus !== 'valid') throw new HookError(409, `only a valid consent can be revoked; this one is ${consent.consentStatus}`);
  consent.consentStatus = 'revokedByPsu';
  consent.lastActionDate = day;
  return { consentId: consent.id, consentStatus: consent.consentStatus };
});
