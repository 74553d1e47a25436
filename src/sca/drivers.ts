/** The SCA drivers by approach, as a scenario's `sca` step names it. */
import { decoupledDriver } from './decoupled.js';
import type { ScaDriver } from './driver.js';
import { embeddedDriver } from './embedded.js';
import { redirectDriver } from './redirect-form.js';

export const SCA_DRIVERS: Readonly<Record<string, ScaDriver>> = {
  redirect: redirectDriver,
  embedded: embeddedDriver,
  decoupled: decoupledDriver,
};
