/** The SCA drivers by approach, as a scenario's `sca` step names it. */
import { browserDriver } from './browser.js';
import { decoupledDriver } from './decoupled.js';
import type { ScaDriver } from './driver.js';
import { embeddedDriver } from './embedded.js';
import { manualDriver } from './manual.js';
import { oauthDriver } from './oauth.js';
import { redirectDriver } from './redirect-form.js';

export const SCA_DRIVERS: Readonly<Record<string, ScaDriver>> = {
  // sca.redirect.driver in the profile: the HTTP form driver (default), headless chromium, or a person.
  redirect: (request) => {
    const chosen = request.session.profile.sca.redirect?.driver ?? 'form';
    return (chosen === 'browser' ? browserDriver : chosen === 'manual' ? manualDriver : redirectDriver)(request);
  },
  embedded: embeddedDriver,
  decoupled: decoupledDriver,
  oauth: oauthDriver,
};
