import { headerOf } from '../../http/exchange.js';
import { defineCheck, verdict } from '../check.js';
import { SCA_REDIRECT_TARGETS, pageKey } from './sca-facts.js';

export default defineCheck({
  id: 'sca.redirect-uri-honoured',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §4 (redirect approach: after SCA the ASPSP redirects the PSU to TPP-Redirect-URI, or to TPP-Nok-Redirect-URI after a failure); DOMAIN §4.1, §4.4',
  description:
    'When the SCA page the bank linked (scaRedirect) sends the PSU away from the bank, it sends them to the TPP-Redirect-URI (or TPP-Nok-Redirect-URI) the TPP gave for that authorisation.',
  appliesTo: (ex, ctx) => {
    const res = ex.response;
    if (!res || res.status < 300 || res.status > 399 || !headerOf(res.headers, 'location')) return false;
    const key = pageKey(ex.request.url);
    return key !== undefined && ctx.observations.get(SCA_REDIRECT_TARGETS, key) !== undefined;
  },
  judge(ex, ctx) {
    const target = ctx.observations.get(SCA_REDIRECT_TARGETS, pageKey(ex.request.url)!)!;
    const location = headerOf(ex.response!.headers, 'location')!;
    let to: URL;
    try {
      to = new URL(location, ex.request.url);
    } catch {
      return [verdict(`the SCA page redirects to '${location}', which is not a URL`, { location })];
    }
    // A hop between the bank's own pages is not the way back.
    if (to.origin === new URL(ex.request.url).origin) return [];
    const allowed = [target.redirectUri, ...(target.nokRedirectUri ? [target.nokRedirectUri] : [])];
    if (allowed.some((uri) => to.toString().startsWith(uri))) return [];
    return [verdict(`the SCA page sends the PSU to ${to.origin}${to.pathname}, not to the TPP's ${allowed.join(' or ')}`, { location: `${to.origin}${to.pathname}`, expected: allowed })];
  },
});
