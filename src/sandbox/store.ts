/**
 * In-memory state of one running sandbox: payments, AIS consents, confirmation-of-funds consents,
 * signing baskets and their authorisations.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { ValidatedConsent } from './consent-validation.js';

/** The SCA approaches the bank's records can carry (which ones it offers: sca-approach.ts). */
export type ScaApproach = 'REDIRECT' | 'EMBEDDED' | 'DECOUPLED';

/** PATC: a multilevel SCA has some, not all, of its authorisations. */
export type TransactionStatus = 'RCVD' | 'PATC' | 'ACTC' | 'ACSP' | 'ACSC' | 'RJCT' | 'CANC';

export type BasketStatus = 'RCVD' | 'PATC' | 'ACTC' | 'RJCT' | 'CANC';

export type ConsentStatus = 'received' | 'partiallyAuthorised' | 'valid' | 'rejected' | 'revokedByPsu' | 'expired' | 'terminatedByTpp';

export type ScaStatus =
  | 'received'
  | 'psuIdentified'
  | 'psuAuthenticated'
  | 'scaMethodSelected'
  | 'started'
  | 'unconfirmed'
  | 'finalised'
  | 'failed'
  | 'exempted';

export const FINAL_SCA_STATUSES: readonly ScaStatus[] = ['finalised', 'failed', 'exempted'];

/** Where the PSU goes after the SCA pages, as the TPP asked. */
export interface TppRedirect {
  redirectUri?: string;
  nokRedirectUri?: string;
}

/** How a payment is executed, which decides its status progression and whether it can be cancelled. */
export interface PaymentSchedule {
  /** Settles within seconds (SCT Inst): never cancellable once authorised. */
  instant: boolean;
  /** A standing order: active until cancelled or its end date. */
  periodic: boolean;
  /** Requested execution (or start) date when it lies after today. */
  futureDate?: string;
}

/** The initiation body as received, for the XML and multipart products (GET echoes it). */
export interface OriginalBody {
  contentType: string;
  text: string;
}

/** What every resource that needs an SCA has in common. */
interface Authorisable {
  id: string;
  /** PSU-ID sent with the creation, if any. */
  psuIdHint?: string;
  /** The PSU who authorised it. */
  psuId?: string;
  redirect: TppRedirect;
  authorisationIds: string[];
  /** Created with TPP-Explicit-Authorisation-Preferred: true (may go into a signing basket). */
  explicitStart: boolean;
  /** The SCA approach fixed when the resource was created (ASPSP-SCA-Approach of its 201). */
  scaApproach?: ScaApproach;
}

export interface PaymentRecord extends Authorisable {
  kind: 'payment';
  service: string;
  product: string;
  /** The validated initiation data as JSON (GET echoes it for the JSON products). */
  data: Record<string, unknown>;
  original?: OriginalBody;
  debtorIban?: string;
  schedule: PaymentSchedule;
  transactionStatus: TransactionStatus;
  /** Statuses still to come, one per status read, after the SCA finalised. */
  progression: TransactionStatus[];
  /** DELETE answered 202: the cancellation waits for its own authorisation. */
  cancellationRequested: boolean;
  cancellationIds: string[];
  /** The SCA approach of the cancellation, fixed by the DELETE that asked for it. */
  cancellationApproach?: ScaApproach;
  /** The signing basket holding this payment, while it does. */
  basketId?: string;
  createdAt: string;
}

export type AccessForm = 'allPsd2' | 'availableAccounts' | 'availableAccountsWithBalance' | 'dedicated' | 'bankOffered';

/** A reference to a payment account (iban) or a card account (maskedPan). */
export interface AccountRef {
  iban?: string;
  maskedPan?: string;
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

/** A consent as the bank keeps it: the validated request plus its status and use. */
export interface ConsentRecord extends Authorisable, ValidatedConsent {
  kind: 'consent';
  consentStatus: ConsentStatus;
  lastActionDate: string;
  /** First day the consent was used for an AIS read (one-off consents expire after it). */
  firstUsedDate?: string;
  /** Accesses without the PSU (no PSU-IP-Address) per day, against frequencyPerDay. */
  unattendedAccesses: { day: string; count: number };
  /** Per account: the transaction ids already reported, for delta access (deltaList). */
  reported: Map<string, Set<string>>;
  basketId?: string;
  /** How far this consent's own time is ahead of the bank's clock (the sandbox hook that ages one consent). */
  clockAheadMs?: number;
}

/** A confirmation-of-funds consent (PIIS consent 2.0, /v2/consents/confirmation-of-funds). */
export interface FundsConsentRecord extends Authorisable {
  kind: 'fundsConsent';
  account: AccountRef;
  cardNumber?: string;
  cardExpiryDate?: string;
  cardInformation?: string;
  registrationInformation?: string;
  consentStatus: ConsentStatus;
}

export interface BasketRecord extends Authorisable {
  kind: 'basket';
  paymentIds: string[];
  consentIds: string[];
  transactionStatus: BasketStatus;
}

export type AuthorisableRecord = PaymentRecord | ConsentRecord | FundsConsentRecord | BasketRecord;

/** An authorisation of the resource itself, or of a payment's cancellation. */
export type AuthorisationPurpose = 'authorisation' | 'cancellation';

export interface AuthorisationRecord {
  id: string;
  parent: { kind: AuthorisableRecord['kind']; id: string };
  purpose: AuthorisationPurpose;
  scaStatus: ScaStatus;
  approach: ScaApproach;
  /** Secret bound to the SCA form; a POST without it is refused. */
  formToken: string;
  redirect: TppRedirect;
  /** Wrong passwords, OTPs or logins so far; at the bound the authorisation fails. */
  failedLogins: number;
  /** The PSU: identified by PSU-ID (embedded, decoupled) or by the login (redirect). */
  psuId?: string;
  /** The SCA method chosen (embedded, decoupled). */
  methodId?: string;
  /** The OTP was answered once: a second answer is refused. */
  otpUsed?: boolean;
  /** Redirect with confirmation: the code the PSU took back to the TPP, until the TPP sends it. */
  confirmationCode?: string;
}

export class Store {
  readonly payments = new Map<string, PaymentRecord>();
  readonly consents = new Map<string, ConsentRecord>();
  readonly fundsConsents = new Map<string, FundsConsentRecord>();
  readonly baskets = new Map<string, BasketRecord>();
  readonly authorisations = new Map<string, AuthorisationRecord>();

  newId(): string {
    return randomUUID();
  }

  newToken(): string {
    return randomBytes(24).toString('hex');
  }

  parentOf(auth: AuthorisationRecord): AuthorisableRecord | undefined {
    switch (auth.parent.kind) {
      case 'payment':
        return this.payments.get(auth.parent.id);
      case 'consent':
        return this.consents.get(auth.parent.id);
      case 'fundsConsent':
        return this.fundsConsents.get(auth.parent.id);
      case 'basket':
        return this.baskets.get(auth.parent.id);
    }
  }

  /** The authorisations of a resource for one purpose (its own, or its cancellation's). */
  authorisationsOf(parent: AuthorisableRecord, purpose: AuthorisationPurpose = 'authorisation'): AuthorisationRecord[] {
    const ids = purpose === 'cancellation' ? (parent.kind === 'payment' ? parent.cancellationIds : []) : parent.authorisationIds;
    return ids.map((id) => this.authorisations.get(id)).filter((a): a is AuthorisationRecord => a !== undefined);
  }

  /** The members of a signing basket. */
  membersOf(basket: BasketRecord): Array<PaymentRecord | ConsentRecord> {
    return [
      ...basket.paymentIds.map((id) => this.payments.get(id)),
      ...basket.consentIds.map((id) => this.consents.get(id)),
    ].filter((m): m is PaymentRecord | ConsentRecord => m !== undefined);
  }
}
