/**
 * What the embedded and decoupled approaches share: who the PSU is, the answer of one step
 * (scaStatus, methods, challenge, message, the links of the next step) and the bound on wrong
 * credentials.
 */
import type { RequestContext } from './context.js';
import { type Psu, type ScaMethod, findPsu } from './data.js';
import { apiError } from './errors.js';
import { psuIdHeader } from './headers.js';
import { refusalFor, reject } from './lifecycle.js';
import { type Href, authorisationPath, href } from './links.js';
import type { AuthorisableRecord, AuthorisationRecord } from './store.js';

/** Wrong passwords or OTPs allowed before the authorisation fails. */
export const MAX_FAILED_ATTEMPTS = 3;

/** The body of one SCA step's answer, without _links. */
export interface StepAnswer {
  scaStatus: AuthorisationRecord['scaStatus'];
  scaMethods?: object[];
  chosenScaMethod?: object;
  challengeData?: object;
  psuMessage?: string;
  /** Names of the links to the next step (each is the authorisation resource itself). */
  next: string[];
}

/** The method as the API shows it (authenticationObject). */
export function methodObject(m: ScaMethod): object {
  return { authenticationType: m.authenticationType, authenticationMethodId: m.authenticationMethodId, name: m.name, explanation: m.explanation };
}

/** The links of a step: every next step is a PUT on the authorisation; scaStatus always. */
export function stepLinks(ctx: RequestContext, parent: AuthorisableRecord, auth: AuthorisationRecord, next: string[]): Record<string, Href> {
  const at = href(ctx, authorisationPath(parent, auth.id, auth.purpose));
  const links: Record<string, Href> = {};
  for (const name of next) links[name] = at;
  links.scaStatus = at;
  return links;
}

/** The answer body of a step (start-authorisation 201, update 200). */
export function stepBody(ctx: RequestContext, parent: AuthorisableRecord, auth: AuthorisationRecord, answer: StepAnswer, withId: boolean): Record<string, unknown> {
  const { next, ...rest } = answer;
  return { ...rest, ...(withId ? { authorisationId: auth.id } : {}), _links: stepLinks(ctx, parent, auth, next) };
}

/** A wrong password or OTP: 401, and at the bound the authorisation fails with its resource. */
export function wrongCredentials(ctx: RequestContext, auth: AuthorisationRecord, what: string): never {
  auth.failedLogins += 1;
  const left = MAX_FAILED_ATTEMPTS - auth.failedLogins;
  if (left <= 0) {
    reject(ctx.env, auth);
    throw apiError(401, 'PSU_CREDENTIALS_INVALID', `${what}; the authorisation has failed after ${MAX_FAILED_ATTEMPTS} attempts`);
  }
  throw apiError(401, 'PSU_CREDENTIALS_INVALID', `${what}; ${left} attempt${left === 1 ? '' : 's'} left`);
}

/**
 * The PSU of a request: PSU-ID, which must match the PSU already identified on the authorisation,
 * be known to the bank, and be allowed to authorise the resource (401 PSU_CREDENTIALS_INVALID).
 */
export function identifiedPsu(ctx: RequestContext, parent: AuthorisableRecord, auth: AuthorisationRecord): Psu | undefined {
  const sent = psuIdHeader(ctx);
  if (auth.psuId && sent && sent !== auth.psuId) {
    throw apiError(401, 'PSU_CREDENTIALS_INVALID', `PSU-ID ${sent} is not the PSU of this authorisation`, 'PSU-ID');
  }
  const id = sent ?? auth.psuId;
  if (id === undefined) return undefined;
  const psu = findPsu(id);
  if (!psu) throw apiError(401, 'PSU_CREDENTIALS_INVALID', `PSU-ID ${id} is not known to the bank`, 'PSU-ID');
  const refusal = refusalFor(ctx.env.store, parent, psu);
  if (refusal) throw apiError(401, 'PSU_CREDENTIALS_INVALID', refusal, 'PSU-ID');
  return psu;
}

export function requirePsu(ctx: RequestContext, parent: AuthorisableRecord, auth: AuthorisationRecord): Psu {
  const psu = identifiedPsu(ctx, parent, auth);
  if (!psu) throw apiError(400, 'FORMAT_ERROR', 'Header PSU-ID is missing: the PSU must be identified for this step', 'PSU-ID');
  return psu;
}

/** The body of an update or start request as one step: which key it carries. */
export type StepInput =
  | { kind: 'identification' }
  | { kind: 'password'; password: string }
  | { kind: 'method'; methodId: string }
  | { kind: 'otp'; otp: string }
  | { kind: 'confirmation'; code: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads the step a body asks for (DOMAIN §4.3); a body fitting no step is a FORMAT_ERROR. */
export function stepInput(body: unknown): StepInput {
  if (body === undefined || (isObject(body) && Object.keys(body).length === 0)) return { kind: 'identification' };
  if (!isObject(body)) throw apiError(400, 'FORMAT_ERROR', 'The body must be a JSON object', 'body');
  if (isObject(body['psuData'])) {
    const password = body['psuData']['password'];
    if (typeof password !== 'string' || password === '') throw apiError(400, 'FORMAT_ERROR', 'psuData.password must be a non-empty string', 'psuData.password');
    return { kind: 'password', password };
  }
  const str = (key: string) => (typeof body[key] === 'string' && body[key] !== '' ? (body[key] as string) : undefined);
  const methodId = str('authenticationMethodId');
  if (methodId) return { kind: 'method', methodId };
  const otp = str('scaAuthenticationData');
  if (otp) return { kind: 'otp', otp };
  const code = str('confirmationCode');
  if (code) return { kind: 'confirmation', code };
  throw apiError(400, 'FORMAT_ERROR', 'The body carries none of psuData, authenticationMethodId, scaAuthenticationData, confirmationCode', 'body');
}
