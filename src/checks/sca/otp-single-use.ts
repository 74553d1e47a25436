import { defineCheck, verdict } from '../check.js';
import { SCA_FINAL, authorisationIdOf, isObject } from './sca-facts.js';

export default defineCheck({
  id: 'sca.otp-single-use',
  level: 'MUST',
  rule: 'PSD2 RTS Art. 4(3)(d) (an authentication code is used once); NextGenPSD2 IG §7 (no update of a final authorisation: 409 STATUS_INVALID)',
  description: 'scaAuthenticationData sent to an authorisation the bank already reported final is refused, not accepted again.',
  appliesTo: (ex, ctx) => {
    const status = ex.response?.status ?? 0;
    return ex.request.method === 'PUT' && status >= 200 && status < 300 && isObject(ctx.requestJson) && ctx.requestJson['scaAuthenticationData'] !== undefined;
  },
  judge(_ex, ctx) {
    const id = authorisationIdOf(ctx);
    const before = id ? ctx.observations.get(SCA_FINAL, id) : undefined;
    return before ? [verdict(`authorisation ${id} was already ${before}, yet the bank accepted an OTP for it again`, { authorisationId: id, scaStatus: before })] : [];
  },
});
