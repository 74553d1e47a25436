/** Defects of the family: message signing and eIDAS certificates. */
import type { DefectDescription } from '../types.js';

export const SIGNING = {
  'digest-ignored': {
    description: 'The bank never compares the Digest with the body: a signed request whose body was changed after signing is accepted.',
    caughtBy: ['property.signature-verified'],
    profile: 'reference-bank-mtls.yaml',
  },
  'signature-not-verified': {
    description: 'The bank checks that a Signature is present but never verifies it: an altered signature is accepted.',
    caughtBy: ['property.signature-verified'],
    profile: 'reference-bank-mtls.yaml',
  },
  'certificate-roles-ignored': {
    description: 'The bank reads no PSD2 role from the client certificate: a QWAC without PSP_AI may create AIS consents, one without PSP_PI initiate payments.',
    caughtBy: ['property.certificate-roles'],
    profile: 'reference-bank-mtls.yaml',
  },
} as const satisfies Record<string, DefectDescription>;
