import { headerOf } from '../../http/exchange.js';
import { defineCheck, verdict } from '../check.js';

function pathOf(location: string): string {
  try {
    return decodeURIComponent(new URL(location, 'http://location.invalid/').pathname);
  } catch {
    return location;
  }
}

/**
 * Location is required where the operation declares it on the 201 (initiation, consent,
 * signing basket). Authorisation 201s do not declare it (DOMAIN §9 #23), so they are not judged.
 */
export default defineCheck({
  id: 'header.location-on-201',
  level: 'MUST',
  rule: 'NextGenPSD2 IG §5.3/§6.3 (Location of the created resource), OpenAPI response headers of the 201',
  description: 'A 201 that creates a resource carries a Location header where the operation declares one, leading to the resource it created.',
  appliesTo(ex, ctx) {
    if (ex.response?.status !== 201 || !ctx.match) return false;
    const declared = ctx.spec.responseFor(ctx.match.operation, 201);
    return declared?.headers.some((h) => h.name.toLowerCase() === 'location') ?? false;
  },
  judge(ex, ctx) {
    const location = headerOf(ex.response!.headers, 'location');
    if (!location || location.trim() === '') return [verdict('the 201 has no Location header', { headers: Object.keys(ex.response!.headers) })];
    // Location names the resource the 201 created: its id (paymentId, consentId, basketId) is in the path.
    const body = ctx.responseJson as Record<string, unknown> | undefined;
    const id = ['paymentId', 'consentId', 'basketId'].map((k) => body?.[k]).find((v): v is string => typeof v === 'string' && v !== '');
    if (id === undefined || pathOf(location).includes(id)) return [];
    return [verdict(`Location ${location} does not lead to the created resource ${id}`, { location, id })];
  },
});
