/**
 * The run-level observation store: what earlier exchanges showed, for the checks whose rule spans
 * several exchanges (what a consent grants, which account an account-id is, which entries a page
 * of a report held). The Session feeds it after judging each exchange (learners in learn.ts), so a
 * check sees what came before the exchange it judges, never after.
 *
 * It is generic: a Topic names one kind of fact and its value type; facts are kept by a string
 * key (a consentId, an account path, a report). One store is shared by the sessions of one suite
 * file, so a resource created in one scenario and read in a later one is still known.
 */
export interface Topic<T> {
  readonly name: string;
  /** Only for the type: never set. */
  readonly _type?: T;
}

export function topic<T>(name: string): Topic<T> {
  return { name };
}

/** What checks may read. */
export interface ObservationsView {
  get<T>(topic: Topic<T>, key: string): T | undefined;
}

export class Observations implements ObservationsView {
  readonly #facts = new Map<string, Map<string, unknown>>();

  get<T>(topic: Topic<T>, key: string): T | undefined {
    return this.#facts.get(topic.name)?.get(key) as T | undefined;
  }

  set<T>(topic: Topic<T>, key: string, value: T): void {
    let byKey = this.#facts.get(topic.name);
    if (!byKey) this.#facts.set(topic.name, (byKey = new Map()));
    byKey.set(key, value);
  }

  /** How many facts of a topic are known (for tests and diagnostics). */
  count(topic: Topic<unknown>): number {
    return this.#facts.get(topic.name)?.size ?? 0;
  }
}

/** An account reference as the responses and consents carry it: one identifier, maybe a currency. */
export interface AccountReference {
  iban?: string;
  bban?: string;
  pan?: string;
  maskedPan?: string;
  msisdn?: string;
  currency?: string;
}

/** A consent's access, by consentId: from the createConsent request, then from GET consent. */
export interface ConsentAccessFact {
  accounts?: AccountReference[];
  balances?: AccountReference[];
  transactions?: AccountReference[];
  /** allPsd2, availableAccounts or availableAccountsWithBalance, when one of them was asked for. */
  global?: string;
}
export const CONSENT_ACCESS = topic<ConsentAccessFact>('consent-access');

/** The reference of an account, by its path (/v1/accounts/{id} or /v1/card-accounts/{id}). */
export const ACCOUNT_REFERENCES = topic<AccountReference>('account-references');

/** The pages of one account report seen so far, by report (see reportKey in learn.ts). */
export interface ReportPages {
  /** Entry ids (transactionId, entryReference or cardTransactionId) by pageIndex. */
  pages: Map<number, string[]>;
  /** Page indexes whose response carried a next link. */
  withNext: Set<number>;
}
export const REPORT_PAGES = topic<ReportPages>('report-pages');
