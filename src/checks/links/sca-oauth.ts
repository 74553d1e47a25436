import { headerOf, type Exchange } from '../../http/exchange.js';
import { defineCheck, verdict, type Verdict } from '../check.js';

/** Responses that open an SCA: the creation of an authorisable resource, or the start of an authorisation. */
const OPENS_SCA = new Set([
  'initiatePayment',
  'createConsent',
  'createSigningBasket',
  'createConsentConfirmationOfFunds',
  'startPaymentAuthorisation',
  'startConsentAuthorisation',
  'startSigningBasketAuthorisation',
  'startConsentConfirmationOfFundsAuthorisation',
]);

/** The matrix cell's approach, from the exchange's origin ("payments / sepa-credit-transfers / oauth"). */
export function cellApproach(ex: Exchange): string | undefined {
  return ex.origin?.cell?.split(' / ').find((part) => ['redirect', 'embedded', 'decoupled', 'oauth'].includes(part));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export default defineCheck({
  id: 'links.sca-oauth',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §5.3, §6.3, §7 (scaOAuth: "in case of an OAuth2 based SCA approach"); DOMAIN §4.4 (OAuth is reported as REDIRECT)',
  description:
    'Where the profile says the bank authorises with OAuth (a cell of the oauth approach), a response that opens an SCA says ASPSP-SCA-Approach REDIRECT and links scaOAuth, the OAuth server metadata, unless it asks for an explicit start.',
  appliesTo: (ex, ctx) =>
    cellApproach(ex) === 'oauth' && ex.response?.status === 201 && ctx.match !== undefined && OPENS_SCA.has(ctx.match.operation.operationId) && isObject(ctx.responseJson),
  judge(ex, ctx) {
    const body = ctx.responseJson as Record<string, unknown>;
    const links = isObject(body['_links']) ? body['_links'] : {};
    const operation = ctx.match!.operation.operationId;
    const explicit = !operation.startsWith('start') && Object.keys(links).some((name) => name.startsWith('startAuthorisation'));
    if (explicit) return [];
    const out: Verdict[] = [];
    const scaOAuth = links['scaOAuth'];
    if (!isObject(scaOAuth) || typeof scaOAuth['href'] !== 'string' || scaOAuth['href'] === '') {
      out.push(verdict(`_links lacks scaOAuth${links['scaRedirect'] !== undefined ? ' (it sends the PSU to scaRedirect instead)' : ''}`, { present: Object.keys(links) }));
    }
    const approach = headerOf(ex.response!.headers, 'aspsp-sca-approach');
    if (approach !== undefined && approach.toUpperCase() !== 'REDIRECT') out.push(verdict(`ASPSP-SCA-Approach is ${approach}; OAuth SCA is reported as REDIRECT`, { approach }));
    return out;
  },
});
