/** The SCA drivers by approach, as a scenario's `sca` step names it. */
import { browserDriver } from './browser.js';
import { confirmRedirect } from './confirmation.js';
import { decoupledDriver } from './decoupled.js';
import type { ScaDriveOutcome, ScaDriveRequest, ScaDriver } from './driver.js';
import { embeddedDriver } from './embedded.js';
import { manualDriver } from './manual.js';
import { oauthDriver } from './oauth.js';
import { redirectDriver } from './redirect-form.js';

/** An approved redirect whose return URI carries a confirmation code is finished with it (confirmation.ts). */
async function withConfirmation(request: ScaDriveRequest, outcome: ScaDriveOutcome): Promise<ScaDriveOutcome> {
  const returnedTo = outcome.vars?.['returnedTo'];
  if (!outcome.ok || request.outcome !== 'approve' || typeof returnedTo !== 'string') return outcome;
  const confirmed = await confirmRedirect(request, returnedTo);
  return confirmed ? { ...confirmed, vars: { ...outcome.vars, ...confirmed.vars } } : outcome;
}

export const SCA_DRIVERS: Readonly<Record<string, ScaDriver>> = {
  // sca.redirect.driver in the profile: the HTTP form driver (default), headless chromium, or a person.
  redirect: async (request) => {
    const chosen = request.session.profile.sca.redirect?.driver ?? 'form';
    return withConfirmation(request, await (chosen === 'browser' ? browserDriver : chosen === 'manual' ? manualDriver : redirectDriver)(request));
  },
  embedded: embeddedDriver,
  decoupled: decoupledDriver,
  oauth: oauthDriver,
};
