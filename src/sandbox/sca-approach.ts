/** Which SCA approach the bank uses for a request. Only REDIRECT is offered so far. */
import type { RequestContext } from './context.js';
import type { ScaApproach } from './store.js';

export const SUPPORTED_APPROACHES: readonly ScaApproach[] = ['REDIRECT'];

/**
 * Resolves the approach from the TPP's preferences (TPP-Redirect-Preferred, TPP-Decoupled-Preferred).
 * With only REDIRECT on offer, the bank chooses it whatever the TPP prefers, as the IG allows.
 */
export function resolveScaApproach(_ctx: RequestContext): ScaApproach {
  return SUPPORTED_APPROACHES[0]!;
}
