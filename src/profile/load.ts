import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatProblem, parseValidatedYaml, type YamlProblem } from '../yaml/validated-yaml.js';
import type { PemSource, Profile, ProfileDocument, Secret } from './types.js';
import schema from './profile.schema.json' with { type: 'json' };


/** A profile that cannot be used; the message names the file, line and field. */
export class ProfileError extends Error {
  constructor(readonly problems: YamlProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ProfileError';
  }
}

function resolveSecret(secret: Secret | undefined, file: string, field: string): string | undefined {
  if (secret === undefined || typeof secret === 'string') return secret;
  const value = process.env[secret.env];
  if (value === undefined || value === '') {
    throw new ProfileError([{ file, field, message: `environment variable ${secret.env} is not set` }]);
  }
  return value;
}

function withoutSecret<T extends { clientSecret?: unknown }>(doc: T): Omit<T, 'clientSecret'> {
  const { clientSecret: _secret, ...rest } = doc;
  return rest;
}

function readPem(source: PemSource, file: string, field: string): string {
  if (typeof source !== 'string') return resolveSecret(source, file, field)!;
  const path = resolve(dirname(resolve(file)), source);
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new ProfileError([{ file, field, message: `cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` }]);
  }
}

/** Read, validate and resolve a profile file. Throws ProfileError for anything a user must fix. */
export function loadProfile(file: string): Profile {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ProfileError([{ file, message: `cannot read the profile (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` }]);
  }
  const { value, problems } = parseValidatedYaml<ProfileDocument>(text, file, schema);
  if (!value) throw new ProfileError(problems);
  const password = resolveSecret(value.psu?.password, file, 'psu.password');
  const clientSecret = value.oauth ? resolveSecret(value.oauth.clientSecret, file, 'oauth.clientSecret') : undefined;
  const obp = value.obp
    ? { bankId: value.obp.bankId, consumerKey: resolveSecret(value.obp.consumerKey, file, 'obp.consumerKey')!, ...(value.obp.challengeAnswer !== undefined ? { challengeAnswer: resolveSecret(value.obp.challengeAnswer, file, 'obp.challengeAnswer')! } : {}) }
    : undefined;
  const otp = resolveSecret(value.psu?.otp, file, 'psu.otp');
  const multilevel = value.multilevel
    ? {
        iban: value.multilevel.iban,
        psus: value.multilevel.psus.map((p, i) => {
          const pw = resolveSecret(p.password, file, `multilevel.psus[${i}].password`);
          const code = resolveSecret(p.otp, file, `multilevel.psus[${i}].otp`);
          return { id: p.id, ...(pw !== undefined ? { password: pw } : {}), ...(code !== undefined ? { otp: code } : {}) };
        }),
      }
    : undefined;
  return {
    source: path,
    name: value.name,
    ...(value.baseUrl ? { baseUrl: value.baseUrl.replace(/\/+$/, '') } : {}),
    ...(value.spec ? { spec: resolve(dirname(path), value.spec) } : {}),
    defects: value.sandbox?.defects ?? [],
    mode: value.sandbox?.mode ?? 'standard',
    services: value.services ?? {},
    scaApproaches: value.scaApproaches ?? ['redirect'],
    psu: { id: value.psu?.id ?? 'psu-1', ...(password !== undefined ? { password } : {}), ...(otp !== undefined ? { otp } : {}), ipAddress: value.psu?.ipAddress ?? '192.0.2.10', ...(value.psu?.iban ? { iban: value.psu.iban } : {}) },
    ...(multilevel ? { multilevel } : {}),
    tpp: { redirectUri: value.tpp?.redirectUri ?? 'https://tpp.example/sca/ok', ...(value.tpp?.nokRedirectUri ? { nokRedirectUri: value.tpp.nokRedirectUri } : {}) },
    sca: value.sca ?? {},
    timeouts: { requestMs: value.timeouts?.requestMs ?? 30_000, pollMs: value.timeouts?.pollMs ?? 10_000 },
    accepted: value.accepted ?? [],
    stateMachines: (value.stateMachines ?? []).map((f) => resolve(dirname(path), f)),
    hooks: Object.fromEntries(Object.entries(value.hooks ?? {}).map(([name, h]) => [name, { method: h.method ?? 'POST', path: h.path }])),
    ...(value.oauth ? { oauth: { ...withoutSecret(value.oauth), ...(clientSecret !== undefined ? { clientSecret } : {}), tokenAuth: value.oauth.tokenAuth ?? 'client_secret_basic' } } : {}),
    ...(obp ? { obp } : {}),
    ...(value.tls ? { tls: { certPem: readPem(value.tls.cert, file, 'tls.cert'), keyPem: readPem(value.tls.key, file, 'tls.key'), ...(value.tls.ca ? { caPem: readPem(value.tls.ca, file, 'tls.ca') } : {}) } } : {}),
    ...(value.signing ? { signing: { certificatePem: readPem(value.signing.certificate, file, 'signing.certificate'), keyPem: readPem(value.signing.key, file, 'signing.key'), digest: value.signing.digest ?? 'SHA-256' } } : {}),
    properties: { ...(value.properties?.runs !== undefined ? { runs: value.properties.runs } : {}), ...(value.properties?.seed !== undefined ? { seed: value.properties.seed } : {}), tolerated: value.properties?.tolerated ?? [] },
    ...(value.sandbox?.identity ? { sandboxIdentity: { tls: value.sandbox.identity.tls ?? false, signing: value.sandbox.identity.signing ?? false, roles: value.sandbox.identity.roles ?? ['PSP_AS', 'PSP_PI', 'PSP_AI', 'PSP_IC'] } } : {}),
  };
}

/** Every secret value of a profile, for redaction. */
export function secretsOf(profile: Profile): string[] {
  const others = (profile.multilevel?.psus ?? []).flatMap((p) => [p.password, p.otp]);
  return [profile.psu.password, profile.psu.otp, ...others, profile.oauth?.clientSecret, profile.obp?.consumerKey, profile.obp?.challengeAnswer, profile.tls?.keyPem, profile.signing?.keyPem].filter((s): s is string => typeof s === 'string' && s.length > 0);
}
