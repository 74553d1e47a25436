/**
 * The scopes of the authorisation-code grant: `PIS:<paymentId>`, `AIS:<consentId>`,
 * `PIIS:<consentId>` (DOMAIN §4.4, OAuth SCA), `SB:<basketId>` (this bank's scope for a signing
 * basket), and a bare `AIS` (OAuth as a pre-step: account access without a consent id).
 */
import type { SandboxEnv } from '../context.js';
import type { AuthorisableRecord } from '../store.js';

export type ParsedScope = { kind: 'sca'; scope: string; resource: AuthorisableRecord } | { kind: 'ais'; scope: 'AIS' };

/** The resource a scope names, or a reason why the scope cannot be granted. */
export function parseScope(env: SandboxEnv, raw: string | undefined): ParsedScope | { error: string } {
  const scope = (raw ?? '').trim();
  if (scope === '') return { error: 'scope is required: PIS:<paymentId>, AIS:<consentId>, PIIS:<consentId>, SB:<basketId> or AIS' };
  if (/\s/.test(scope)) return { error: 'only one scope may be asked for at a time' };
  if (scope === 'AIS') return { kind: 'ais', scope };
  const m = /^(PIS|AIS|PIIS|SB):(.+)$/.exec(scope);
  if (!m) return { error: `unknown scope ${scope}` };
  const id = m[2]!;
  const { store } = env;
  const resource =
    m[1] === 'PIS' ? store.payments.get(id) : m[1] === 'AIS' ? store.consents.get(id) : m[1] === 'PIIS' ? store.fundsConsents.get(id) : store.baskets.get(id);
  if (!resource) return { error: `scope ${m[1]}: no such resource ${id}` };
  return { kind: 'sca', scope, resource };
}
