import type { Level } from '../checks/check.js';

/** A rule the lifecycle tracker judges across exchanges: the same shape as an exchange check's head. */
export interface LifecycleRule {
  id: string;
  level: Level;
  rule: string;
  description: string;
}

const rule = (id: string, rule: string, description: string): LifecycleRule => ({ id, level: 'MUST', rule, description });

/** Every rule the tracker judges, by id. */
export const LIFECYCLE_RULES = {
  statusKnown: rule(
    'lifecycle.status-known',
    'NextGenPSD2 IG: status codes (transactionStatus, scaStatus, consentStatus); the profile’s own machines',
    'Every reported status is a state of its machine.',
  ),
  initialStatus: rule(
    'lifecycle.initial-status',
    'NextGenPSD2 IG §5.3, §6.3, §7: a new payment is RCVD (or RJCT), a new consent received (or rejected)',
    'A resource is created in a status its machine allows as a first status.',
  ),
  transitionAllowed: rule(
    'lifecycle.transition-allowed',
    'NextGenPSD2 IG status models; ISO 20022 status progression (DOMAIN §3)',
    'Each later status of a resource can follow the earlier one through the machine’s transitions.',
  ),
  finalLeft: rule('lifecycle.final-left', 'NextGenPSD2 IG: final statuses (ACSC, ACCC, RJCT, CANC; finalised, failed, exempted; rejected, expired, terminated, revoked)', 'A resource in a final status never reports another status.'),
  statusConsistent: rule(
    'lifecycle.status-consistent',
    'NextGenPSD2 IG §5.5/§6.5: the status endpoint and the resource report the same status',
    'The status endpoint and the resource body do not contradict each other.',
  ),
  authorisedWithoutSca: rule(
    'lifecycle.authorised-without-sca',
    'PSD2 RTS Art. 4; NextGenPSD2 IG §7: a resource is authorised through a finalised (or exempted) authorisation',
    'A payment, consent or basket does not move to an authorised status while none of its authorisations is finalised or exempted.',
  ),
  scaWithoutEffect: rule(
    'lifecycle.sca-without-effect',
    'NextGenPSD2 IG §7: once SCA is finalised the resource moves on (RCVD → ACTC…, received → valid; CANC after a cancellation authorisation)',
    'After its authorisation is finalised, a resource does not stay where it was.',
  ),
  deadResourceUsed: rule(
    'lifecycle.dead-resource-used',
    'NextGenPSD2 IG §6.6 and error codes CONSENT_INVALID/CONSENT_EXPIRED: a deleted, rejected, expired or revoked consent gives no access',
    'No account data is served under a consent that was deleted or is in a final status.',
  ),
  scaStatusFinal: rule(
    'sca.status-final',
    'NextGenPSD2 IG §7 (scaStatus): an SCA the PSU completed ends in finalised, failed or exempted',
    'An authorisation an SCA driver carried through (the PSU approved or rejected) reaches a final scaStatus.',
  ),
} as const;

export const LIFECYCLE_RULE_LIST: readonly LifecycleRule[] = Object.values(LIFECYCLE_RULES);
