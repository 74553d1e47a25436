import { headerOf } from '../../http/exchange.js';
import { defineCheck, verdict, type Verdict } from '../check.js';
import { CREATES, STARTS_AUTHORISATION, UPDATES_PSU_DATA } from '../links/link-rules.js';
import { isObject } from './sca-facts.js';

const APPROACHES = ['REDIRECT', 'EMBEDDED', 'DECOUPLED'];
/** Links only the redirect (or OAuth) approach gives. */
const REDIRECT_LINKS = ['scaRedirect', 'scaOAuth'];
/** Links and fields only the embedded approach gives: the TPP carries the PSU's password and OTP. */
const EMBEDDED_LINKS = [
  'startAuthorisationWithPsuAuthentication',
  'startAuthorisationWithEncryptedPsuAuthentication',
  'startAuthorisationWithTransactionAuthorisation',
  'updatePsuAuthentication',
  'updateEncryptedPsuAuthentication',
  'updateAdditionalPsuAuthentication',
  'updateAdditionalEncryptedPsuAuthentication',
  'authoriseTransaction',
];
const SCA_LINKS = [...REDIRECT_LINKS, ...EMBEDDED_LINKS, 'startAuthorisation', 'startAuthorisationWithPsuIdentification', 'startAuthorisationWithAuthenticationMethodSelection', 'updatePsuIdentification', 'selectAuthenticationMethod', 'scaStatus'];

export default defineCheck({
  id: 'sca.approach-header',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §5.3, §6.3, §7 (ASPSP-SCA-Approach on the 201 of a resource that needs SCA, the 201 of a start authorisation and the 200 of an update); DOMAIN §4.1, §5.2',
  description:
    'ASPSP-SCA-Approach is present where the approach is fixed (a creation answer with SCA links, a start-authorisation 201, an update 200), names REDIRECT, EMBEDDED or DECOUPLED, and agrees with the links: scaRedirect/scaOAuth mean REDIRECT, password and OTP steps mean EMBEDDED.',
  appliesTo: (ex, ctx) => {
    const op = ctx.match?.operation.operationId;
    const status = ex.response?.status ?? 0;
    return op !== undefined && status >= 200 && status < 300 && isObject(ctx.responseJson) && (CREATES.has(op) || STARTS_AUTHORISATION.has(op) || UPDATES_PSU_DATA.has(op));
  },
  judge(ex, ctx) {
    const body = ctx.responseJson as Record<string, unknown>;
    const links = isObject(body['_links']) ? Object.keys(body['_links']) : [];
    const op = ctx.match!.operation.operationId;
    const header = headerOf(ex.response!.headers, 'aspsp-sca-approach');
    const out: Verdict[] = [];
    if (header === undefined) {
      const needed = CREATES.has(op) ? links.some((l) => SCA_LINKS.includes(l)) : true;
      if (needed) out.push(verdict(`ASPSP-SCA-Approach is missing, though the answer ${CREATES.has(op) ? `links SCA steps (${links.join(', ')})` : 'belongs to a running authorisation'}`, { links }));
      return out;
    }
    const value = header.trim().toUpperCase();
    if (!APPROACHES.includes(value)) return [verdict(`ASPSP-SCA-Approach is '${header}', not one of ${APPROACHES.join(', ')}`, { header })];
    const redirectLinks = links.filter((l) => REDIRECT_LINKS.includes(l));
    const embeddedLinks = links.filter((l) => EMBEDDED_LINKS.includes(l));
    if (redirectLinks.length && value !== 'REDIRECT') out.push(verdict(`ASPSP-SCA-Approach is ${value}, but the answer links ${redirectLinks.join(', ')} (the redirect approach)`, { header, links }));
    if (embeddedLinks.length && value !== 'EMBEDDED') out.push(verdict(`ASPSP-SCA-Approach is ${value}, but the answer links ${embeddedLinks.join(', ')} (steps of the embedded approach)`, { header, links }));
    if (body['challengeData'] !== undefined && value !== 'EMBEDDED') out.push(verdict(`ASPSP-SCA-Approach is ${value}, but the answer carries challengeData for the TPP (embedded)`, { header }));
    return out;
  },
});
