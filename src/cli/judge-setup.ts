import { resolve } from 'node:path';
import { bundled } from '../paths.js';
import { loadProfile, secretsOf } from '../profile/load.js';
import type { Profile } from '../profile/types.js';
import type { RunInfo } from '../report/model.js';
import type { ExchangeJudgeOptions } from '../run/exchange-judge.js';
import { machinesFor } from '../run/session.js';
import { loadSpec } from '../spec/index.js';
import type { Spec } from '../spec/types.js';

/** What the traffic checker and the proxy judge with: a profile (optional), its spec, its machines. */
export interface JudgeSetup {
  profile: Profile;
  spec: Spec;
  specPath: string;
  options: Omit<ExchangeJudgeOptions, 'basePath'>;
  runInfo(target: string): Omit<RunInfo, 'traffic' | 'finishedAt'>;
}

/** Load and validate profile, spec and state machines; errors surface as ProfileError/SpecError/MachineError. */
export async function judgeSetup(profileFile: string | undefined, specFile: string | undefined): Promise<JudgeSetup> {
  const profile = loadProfile(profileFile ?? bundled.profile());
  const specPath = resolve(specFile ?? profile.spec ?? bundled.spec());
  const spec = await loadSpec(specPath);
  const machines = machinesFor(profile);
  const startedAt = new Date().toISOString();
  return {
    profile,
    spec,
    specPath,
    options: { spec, machines, accepted: profile.accepted, secrets: secretsOf(profile) },
    runInfo: (target) => ({
      startedAt,
      target,
      bundledBank: false,
      defects: [],
      profile: { name: profile.name, file: profile.source },
      spec: { title: spec.title, version: spec.version, sha256: spec.hash, file: specPath },
    }),
  };
}
