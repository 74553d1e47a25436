/** In-memory state of one running sandbox: payments, consents and their authorisations. */
import { randomBytes, randomUUID } from 'node:crypto';

export type ScaApproach = 'REDIRECT';

export type TransactionStatus = 'RCVD' | 'ACTC' | 'ACSP' | 'ACSC' | 'RJCT' | 'CANC';

export type ConsentStatus =
  | 'received'
  | 'valid'
  | 'rejected'
  | 'revokedByPsu'
  | 'expired'
  | 'terminatedByTpp';

export type ScaStatus = 'received' | 'started' | 'finalised' | 'failed';

export const FINAL_SCA_STATUSES: readonly ScaStatus[] = ['finalised', 'failed'];

/** Where the PSU goes after the SCA pages, as the TPP asked. */
export interface TppRedirect {
  redirectUri?: string;
  nokRedirectUri?: string;
}

export interface PaymentRecord {
  kind: 'payment';
  id: string;
  service: string;
  product: string;
  /** The validated initiation data, as echoed by GET. */
  data: Record<string, unknown>;
  debtorIban?: string;
  transactionStatus: TransactionStatus;
  /** Statuses still to come, one per status read, after the SCA finalised. */
  progression: TransactionStatus[];
  /** PSU-ID sent with the initiation, if any. */
  psuIdHint?: string;
  /** The PSU who authorised it. */
  psuId?: string;
  redirect: TppRedirect;
  authorisationIds: string[];
  createdAt: string;
}

export type AccessForm = 'allPsd2' | 'availableAccounts' | 'availableAccountsWithBalance' | 'dedicated' | 'bankOffered';

export interface AccountRef {
  iban: string;
  currency?: string;
}

export interface ConsentAccess {
  accounts?: AccountRef[];
  balances?: AccountRef[];
  transactions?: AccountRef[];
  availableAccounts?: string;
  availableAccountsWithBalance?: string;
  allPsd2?: string;
}

export interface ConsentRecord {
  kind: 'consent';
  id: string;
  form: AccessForm;
  access: ConsentAccess;
  recurringIndicator: boolean;
  validUntil: string;
  frequencyPerDay: number;
  combinedServiceIndicator: boolean;
  consentStatus: ConsentStatus;
  lastActionDate: string;
  /** First day the consent was used for an AIS read (one-off consents expire after it). */
  firstUsedDate?: string;
  psuIdHint?: string;
  psuId?: string;
  redirect: TppRedirect;
  authorisationIds: string[];
}

export type AuthorisableRecord = PaymentRecord | ConsentRecord;

export interface AuthorisationRecord {
  id: string;
  parent: { kind: AuthorisableRecord['kind']; id: string };
  scaStatus: ScaStatus;
  approach: ScaApproach;
  /** Secret bound to the SCA form; a POST without it is refused. */
  formToken: string;
  redirect: TppRedirect;
  failedLogins: number;
  psuId?: string;
}

export class Store {
  readonly payments = new Map<string, PaymentRecord>();
  readonly consents = new Map<string, ConsentRecord>();
  readonly authorisations = new Map<string, AuthorisationRecord>();

  newId(): string {
    return randomUUID();
  }

  newToken(): string {
    return randomBytes(24).toString('hex');
  }

  parentOf(auth: AuthorisationRecord): AuthorisableRecord | undefined {
    return auth.parent.kind === 'payment' ? this.payments.get(auth.parent.id) : this.consents.get(auth.parent.id);
  }

  authorisationsOf(parent: AuthorisableRecord): AuthorisationRecord[] {
    return parent.authorisationIds
      .map((id) => this.authorisations.get(id))
      .filter((a): a is AuthorisationRecord => a !== undefined);
  }
}
