/** The SCA drivers by approach, as a scenario's `sca` step names it. */
import type { ScaDriver } from './driver.js';
import { oauthDriver } from './oauth.js';
import { redirectDriver } from './redirect-form.js';

export const SCA_DRIVERS: Readonly<Record<string, ScaDriver>> = {
  redirect: redirectDriver,
  oauth: oauthDriver,
};
