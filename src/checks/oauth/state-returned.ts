import { defineCheck, verdict } from '../check.js';
import { authorizationResponse, requestForm } from './oauth-exchange.js';

/** The state the client sent: in the authorisation request's query, or in the form the PSU submitted. */
function sentState(ex: Parameters<typeof requestForm>[0]): string | undefined {
  const form = requestForm(ex)?.get('state');
  if (form !== null && form !== undefined) return form;
  try {
    return new URL(ex.request.url).searchParams.get('state') ?? undefined;
  } catch {
    return undefined;
  }
}

export default defineCheck({
  id: 'oauth.state-returned',
  level: 'MUST',
  rule: 'RFC 6749 §4.1.2 and §4.1.2.1 (state: REQUIRED in the response if present in the request, the exact value received)',
  description: 'The redirect back to the client with a code or an error carries the state of the authorisation request unchanged.',
  appliesTo: (ex) => authorizationResponse(ex) !== undefined && sentState(ex) !== undefined,
  judge(ex) {
    const back = authorizationResponse(ex)!;
    const sent = sentState(ex)!;
    const got = back.searchParams.get('state');
    if (got === sent) return [];
    return [verdict(got === null ? 'the redirect back to the client carries no state' : 'the redirect back to the client carries a different state', { stateReturned: got !== null })];
  },
});
