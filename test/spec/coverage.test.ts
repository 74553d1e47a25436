// The bundled description covers the whole NextGenPSD2 1.3.12 interface: every method and path
// template of the official file is described in specs/, and everything in specs/ is in the
// official file, except the differences listed (and explained) below.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundled } from '../../src/paths.js';
import { BG_1_3_12, PIIS_2_0 } from './official-files.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

type Doc = { paths: Record<string, Record<string, { operationId?: string }>> };

function operationsOf(file: string): Map<string, string> {
  const doc = parse(readFileSync(file, 'utf8')) as Doc;
  const out = new Map<string, string>();
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) out.set(`${method.toUpperCase()} ${template.trim()}`, op.operationId ?? '');
    }
  }
  return out;
}

/**
 * Where the bundled description deliberately goes beyond the official 1.3.12 file. The PIIS
 * consent 2.0 operations live in their own official file (psd2-piis-consent-2.0-2019-06-07.yaml)
 * whose operationIds collide with the AIS ones (DOMAIN §1, §9 #29), so ours are namespaced.
 */
const ONLY_IN_BUNDLED: Record<string, string> = {
  'POST /v2/consents/confirmation-of-funds': 'createConsentConfirmationOfFunds',
  'GET /v2/consents/confirmation-of-funds/{consentId}': 'getConsentConfirmationOfFunds',
  'DELETE /v2/consents/confirmation-of-funds/{consentId}': 'deleteConsentConfirmationOfFunds',
  'GET /v2/consents/confirmation-of-funds/{consentId}/status': 'getConsentConfirmationOfFundsStatus',
  'POST /v2/consents/confirmation-of-funds/{consentId}/authorisations': 'startConsentConfirmationOfFundsAuthorisation',
  'GET /v2/consents/confirmation-of-funds/{consentId}/authorisations': 'getConsentConfirmationOfFundsAuthorisations',
  'GET /v2/consents/confirmation-of-funds/{consentId}/authorisations/{authorisationId}': 'getConsentConfirmationOfFundsScaStatus',
  'PUT /v2/consents/confirmation-of-funds/{consentId}/authorisations/{authorisationId}': 'updateConsentConfirmationOfFundsPsuData',
};

/** Operations of the official 1.3.12 file the bundled description leaves out: none. */
const ONLY_IN_OFFICIAL: Record<string, string> = {};

describe('the bundled description covers the official NextGenPSD2 1.3.12 file', () => {
  const official = operationsOf(BG_1_3_12);
  const ours = operationsOf(bundled.spec());

  it('the official file has the 38 operations of DOMAIN §1', () => {
    expect(official.size).toBe(38);
  });

  it('describes every method and path template of the official file, with the same operationId', () => {
    const missing = [...official.keys()].filter((k) => !ours.has(k) && !(k in ONLY_IN_OFFICIAL));
    expect(missing).toEqual([]);
    for (const [key, id] of official) if (ours.has(key)) expect(ours.get(key), key).toBe(id);
  });

  it('describes nothing the official file lacks, except the listed PIIS consent 2.0 operations', () => {
    const extra = Object.fromEntries([...ours].filter(([k]) => !official.has(k)));
    expect(extra).toEqual(ONLY_IN_BUNDLED);
  });

  it('the listed extras are exactly the operations of the official PIIS consent 2.0 file', () => {
    const piis = operationsOf(PIIS_2_0);
    expect(new Set(piis.keys())).toEqual(new Set(Object.keys(ONLY_IN_BUNDLED)));
    // the official PIIS file reuses AIS operationIds; ours do not collide with any 1.3.12 one
    const collisions = [...piis.values()].filter((id) => [...official.values()].includes(id));
    expect(collisions.sort()).toEqual(['getConsentAuthorisation', 'getConsentScaStatus', 'startConsentAuthorisation', 'updateConsentsPsuData']);
    for (const id of Object.values(ONLY_IN_BUNDLED)) expect([...official.values()]).not.toContain(id);
  });
});
