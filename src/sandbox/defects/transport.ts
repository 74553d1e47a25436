/** Defects of the family: transport and encoding. */
import type { DefectDescription } from '../types.js';

export const TRANSPORT = {
  'reset-on-transaction-list': {
    description: 'GET /v1/accounts/{account-id}/transactions is answered by destroying the connection.',
    caughtBy: ['transport.answered'],
  },
  'latin1-bodies': {
    description: 'JSON bodies are encoded in ISO-8859-1 while declared application/json (UTF-8): non-ASCII names arrive as invalid UTF-8.',
    caughtBy: ['response.utf8'],
  },
  'truncated-balances-body': {
    description: 'Balance responses are cut off before the end of their JSON body.',
    caughtBy: ['response.schema'],
  },
} as const satisfies Record<string, DefectDescription>;
