/** Defects of the family: response bodies against the schema. */
import type { DefectDescription } from '../types.js';

export const SCHEMA = {
  'amount-as-number': {
    description: 'Balance amounts (balanceAmount.amount) are JSON numbers instead of strings.',
    caughtBy: ['response.schema'],
  },
  'camt-without-namespace': {
    description: 'camt.053 statements (Accept: application/xml) have a Document root without the ISO 20022 namespace.',
    caughtBy: ['response.xml-wellformed'],
  },
  'booking-date-as-datetime': {
    description: 'Transaction entries give bookingDate as a date-time (2024-05-01T00:00:00Z) instead of an ISO date.',
    caughtBy: ['response.schema'],
  },
  'account-without-currency': {
    description: 'Account details omit the required currency.',
    caughtBy: ['response.schema'],
  },
  'balance-type-outside-enum': {
    description: 'Balances use the balanceType "available", which is not in the balanceType set.',
    caughtBy: ['response.schema'],
  },
  'transaction-amount-as-number': {
    description: 'Transaction amounts (transactionAmount.amount) are JSON numbers instead of strings.',
    caughtBy: ['response.schema'],
  },
  'frequency-per-day-as-string': {
    description: 'GET consent gives frequencyPerDay as a string ("4") instead of an integer.',
    caughtBy: ['response.schema'],
  },
  'valid-until-as-datetime': {
    description: 'GET consent gives validUntil as a date-time instead of an ISO date.',
    caughtBy: ['response.schema'],
  },
  'card-account-without-masked-pan': {
    description: 'Card accounts carry no maskedPan (required), only a misspelt maskedPAN.',
    caughtBy: ['response.schema'],
  },
  'funds-available-as-string': {
    description: 'The funds confirmation answers fundsAvailable as the string "true"/"false" instead of a boolean.',
    caughtBy: ['response.schema'],
  },
  'payment-status-without-transaction-status': {
    description: 'The payment status endpoint answers {"status": …} without the required transactionStatus.',
    caughtBy: ['response.schema'],
  },
  'card-transaction-amount-as-number': {
    description: 'Card transaction amounts (transactionAmount.amount) are JSON numbers instead of strings.',
    caughtBy: ['response.schema'],
  },
  'account-status-outside-enum': {
    description: 'Account details report status "active", which is not one of enabled, deleted, blocked.',
    caughtBy: ['response.schema'],
  },
  'basket-status-outside-set': {
    description: 'The signing basket status endpoint reports its status in lower case (actc), outside the basket transactionStatus set.',
    caughtBy: ['response.schema'],
  },
} as const satisfies Record<string, DefectDescription>;
