import type { Exchange } from '../http/exchange.js';
import type { OperationMatch } from '../spec/types.js';
import type { Observed } from './observe.js';

/** Paths of the Open Bank Project's own API (its consents live under /obp/vX.Y.Z). */
export const isObpPath = (template: string): boolean => /^\/obp\/v\d+\.\d+\.\d+\//.test(template);

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * What an OBP exchange tells about its consents (machine obpConsentStatus): a consent answer
 * `{ consent_id, status }`, or a list `{ consents: [...] }`; a 201 on …/consents/{SCA_METHOD} or
 * …/{SCA_METHOD}/consents creates one. A 2xx account read under a Consent-JWT uses it.
 */
export function observeObp(ex: Exchange, match: OperationMatch, body: unknown, out: Observed): Observed {
  const res = ex.response!;
  if (res.status < 200 || res.status >= 300) return out;
  const { operationId, pathTemplate } = match.operation;
  const creates = ex.request.method === 'POST' && res.status === 201 && /\/(consents\/\{SCA_METHOD\}|\{SCA_METHOD\}\/consents|consents\/IMPLICIT)$/.test(pathTemplate);
  const json = obj(body);
  const consents = Array.isArray(json['consents']) ? json['consents'].map(obj) : [json];
  for (const c of consents) {
    const id = str(c['consent_id']);
    const status = str(c['status']);
    if (id && status) out.observations.push({ machine: 'obpConsentStatus', resource: `obp-consent:${id}`, status, source: operationId, creates });
  }
  return out;
}
