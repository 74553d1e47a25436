import { REDACTED } from '../../http/redact.js';
import { defineCheck, verdict } from '../check.js';
import type { Learner } from '../learn.js';
import { grantTypeOf, REDEEMED_CODES, requestForm } from './oauth-exchange.js';

/** The code a token request redeems; none when redaction replaced it (a recorded HAR): *** names no code in particular. */
function codeOf(ex: Parameters<typeof requestForm>[0]): string | undefined {
  const code = grantTypeOf(ex) === 'authorization_code' ? (requestForm(ex)?.get('code') ?? undefined) : undefined;
  return code === REDACTED ? undefined : code;
}

export default defineCheck({
  id: 'oauth.code-single-use',
  level: 'MUST',
  rule: 'RFC 6749 §4.1.2 (the client MUST NOT use the authorization code more than once; the server MUST deny a second request) and §5.2 (invalid_grant)',
  description: 'An authorisation code already exchanged for tokens is refused when it comes again: 400 invalid_grant.',
  appliesTo: (ex, ctx) => {
    const code = codeOf(ex);
    return code !== undefined && ex.response !== undefined && ctx.observations.get(REDEEMED_CODES, code) === true;
  },
  judge(ex) {
    const res = ex.response!;
    if (res.status >= 200 && res.status < 300) return [verdict(`a redeemed authorisation code was exchanged again (${res.status})`, { status: res.status })];
    let error: unknown;
    try {
      error = (JSON.parse(res.body) as { error?: unknown }).error;
    } catch {
      error = undefined;
    }
    if (res.status !== 400 || error !== 'invalid_grant') {
      return [verdict(`a redeemed authorisation code was refused with ${res.status} ${typeof error === 'string' ? error : 'and no error code'}, not 400 invalid_grant`, { status: res.status, error: typeof error === 'string' ? error : null }, 'SHOULD')];
    }
    return [];
  },
});

/** Remembers each code the bank exchanged for tokens. */
export const learnRedeemedCode: Learner = (ex, _ctx, store) => {
  const code = codeOf(ex);
  if (code && ex.response?.status === 200) store.set(REDEEMED_CODES, code, true);
};
