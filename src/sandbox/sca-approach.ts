/**
 * Which SCA approach the bank uses for a request (DOMAIN §4.1): the TPP's preferences
 * (TPP-Redirect-Preferred, TPP-Decoupled-Preferred) among the approaches the bank offers
 * (SandboxOptions.scaApproaches, in the bank's order of preference).
 * An OAuth approach, when offered, is reported as REDIRECT and resolved like it.
 */
import type { RequestContext } from './context.js';
import { booleanHeader } from './headers.js';
import type { ScaApproach } from './store.js';

export const DEFAULT_SCA_APPROACHES: readonly ScaApproach[] = ['REDIRECT', 'EMBEDDED', 'DECOUPLED'];

/**
 * As the IG describes it (and adorsys' ScaApproachResolver does):
 * - no preference: the bank's first approach;
 * - TPP-Redirect-Preferred true and TPP-Decoupled-Preferred true: the first offered that is not embedded;
 * - TPP-Decoupled-Preferred true: DECOUPLED; TPP-Redirect-Preferred true: REDIRECT;
 * - TPP-Redirect-Preferred false: not redirect, so DECOUPLED when preferred (or embedded is not offered), else EMBEDDED;
 * a preference the bank cannot meet falls back to its first approach.
 */
export function chooseApproach(offered: readonly ScaApproach[], redirect: boolean | undefined, decoupled: boolean | undefined): ScaApproach {
  const has = (a: ScaApproach) => offered.includes(a);
  const first = offered[0] ?? 'REDIRECT';
  if (redirect === true && decoupled === true) return offered.find((a) => a !== 'EMBEDDED') ?? first;
  if (decoupled === true && has('DECOUPLED')) return 'DECOUPLED';
  if (redirect === true && has('REDIRECT')) return 'REDIRECT';
  if (redirect === false) {
    if (decoupled !== false && !has('EMBEDDED') && has('DECOUPLED')) return 'DECOUPLED';
    if (has('EMBEDDED') && decoupled !== true) return 'EMBEDDED';
    return offered.find((a) => a !== 'REDIRECT') ?? first;
  }
  if (decoupled === false && first === 'DECOUPLED') return offered.find((a) => a !== 'DECOUPLED') ?? first;
  return first;
}

export function resolveScaApproach(ctx: RequestContext): ScaApproach {
  return chooseApproach(ctx.env.scaApproaches, booleanHeader(ctx, 'TPP-Redirect-Preferred'), booleanHeader(ctx, 'TPP-Decoupled-Preferred'));
}
