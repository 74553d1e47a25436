/**
 * Multilevel SCA (DOMAIN §4.4): a payment from a joint account needs every authoriser's own
 * authorisation. Each PSU starts one explicitly with its PSU-ID; until the last is finalised the
 * payment is PATC (a basket PATC too).
 */
import { jointAccountByIban } from './data.js';
import { FINAL_SCA_STATUSES, type AuthorisableRecord, type Store } from './store.js';

/** The PSUs who must all authorise the resource, or undefined when one PSU's SCA is enough. */
export function authorisersOf(store: Store, parent: AuthorisableRecord): readonly string[] | undefined {
  if (parent.kind === 'payment') return jointAccountByIban(parent.debtorIban)?.authorisers;
  if (parent.kind === 'basket') {
    const all = store.membersOf(parent).flatMap((m) => (m.kind === 'payment' ? [...(jointAccountByIban(m.debtorIban)?.authorisers ?? [])] : []));
    return all.length ? [...new Set(all)] : undefined;
  }
  return undefined;
}

/** The PSUs whose authorisation of the resource succeeded (finalised or exempted). */
export function signedBy(store: Store, parent: AuthorisableRecord): Set<string> {
  return new Set(
    store
      .authorisationsOf(parent)
      .filter((a) => a.psuId !== undefined && a.scaStatus !== 'failed' && FINAL_SCA_STATUSES.includes(a.scaStatus))
      .map((a) => a.psuId!),
  );
}

/** Why this PSU cannot be one of the resource's authorisers, or undefined when it can. */
export function multilevelRefusal(store: Store, parent: AuthorisableRecord, psuId: string): string | undefined {
  const authorisers = authorisersOf(store, parent);
  if (!authorisers) return undefined;
  if (!authorisers.includes(psuId)) return `${psuId} is not an authoriser of this ${parent.kind}; its authorisers are ${authorisers.join(', ')}`;
  if (signedBy(store, parent).has(psuId)) return `${psuId} has already authorised this ${parent.kind}`;
  return undefined;
}
