/**
 * Embedded SCA (DOMAIN §3b, §4.4): the TPP carries the PSU's credentials. The steps, each a PUT
 * on the authorisation (or the body of the POST that starts it):
 *   PSU-ID with {}              → psuIdentified, link updatePsuAuthentication
 *   {psuData:{password}}        → several embedded methods: psuAuthenticated, scaMethods, link selectAuthenticationMethod
 *                                 one method: scaMethodSelected, chosenScaMethod, challengeData, link authoriseTransaction
 *                                 a low-value single payment (≤ 30 EUR, PSD2 RTS Art. 16): exempted, no SCA needed
 *   {authenticationMethodId}    → scaMethodSelected, chosenScaMethod, challengeData, link authoriseTransaction
 *   {scaAuthenticationData}     → finalised (the PSU's OTP, accepted once)
 * A wrong password or OTP is 401 PSU_CREDENTIALS_INVALID; the third fails the authorisation.
 * A body that does not fit the current step is 400 SERVICE_INVALID.
 */
import type { RequestContext } from './context.js';
import type { Psu, ScaMethod } from './data.js';
import { apiError } from './errors.js';
import { approve } from './lifecycle.js';
import { type StepAnswer, type StepInput, methodObject, requirePsu, wrongCredentials } from './sca-steps.js';
import type { AuthorisableRecord, AuthorisationRecord } from './store.js';

/** Largest amount (EUR) of a single payment the bank exempts from SCA (PSD2 RTS Art. 16, low-value remote payments). */
export const LOW_VALUE_LIMIT_CENTS = 3000;

/** True when the bank exempts the resource from SCA: a single payment in EUR of at most 30.00. */
export function exemptFromSca(parent: AuthorisableRecord, auth: AuthorisationRecord): boolean {
  if (auth.purpose !== 'authorisation' || parent.kind !== 'payment' || parent.service !== 'payments') return false;
  const amount = (parent.data as { instructedAmount?: { amount?: unknown; currency?: unknown } }).instructedAmount;
  if (amount?.currency !== 'EUR' || typeof amount.amount !== 'string') return false;
  return Math.round(Number(amount.amount) * 100) <= LOW_VALUE_LIMIT_CENTS;
}

const embeddedMethods = (psu: Psu): ScaMethod[] => psu.scaMethods.filter((m) => !m.decoupled);

/** The challenge of a method: how long the OTP is and what the PSU does. */
function challengeOf(ctx: RequestContext, m: ScaMethod): object {
  const otpMaxLength = ctx.env.defects.has('otp-max-length-as-string') ? '6' : 6;
  const additionalInformation = m.authenticationType === 'CHIP_OTP' ? 'Insert your card into the reader and enter the code it shows' : `Enter the code sent to ${m.name}`;
  return { otpMaxLength, otpFormat: 'integer', additionalInformation };
}

function selected(ctx: RequestContext, auth: AuthorisationRecord, method: ScaMethod): StepAnswer {
  auth.methodId = method.authenticationMethodId;
  auth.scaStatus = 'scaMethodSelected';
  // The defect: the method reported as chosen is one the PSU was never offered.
  const chosen = ctx.env.defects.has('chosen-method-not-offered')
    ? { authenticationType: 'PHOTO_OTP', authenticationMethodId: 'photo-otp', name: 'photoTAN' }
    : methodObject(method);
  return { scaStatus: auth.scaStatus, chosenScaMethod: chosen, challengeData: challengeOf(ctx, method), next: ['authoriseTransaction'] };
}

function authenticate(ctx: RequestContext, parent: AuthorisableRecord, auth: AuthorisationRecord, password: string): StepAnswer {
  const psu = requirePsu(ctx, parent, auth);
  if (psu.password !== password) wrongCredentials(ctx, auth, 'Unknown PSU or wrong password');
  auth.psuId = psu.id;
  if (exemptFromSca(parent, auth)) {
    approve(ctx.env, auth, psu, 'exempted');
    return { scaStatus: 'exempted', next: [] };
  }
  const methods = embeddedMethods(psu);
  if (methods.length === 0) throw apiError(400, 'SCA_METHOD_UNKNOWN', `${psu.id} has no SCA method for the embedded approach`);
  if (methods.length === 1) return selected(ctx, auth, methods[0]!);
  auth.scaStatus = 'psuAuthenticated';
  const next = ctx.env.defects.has('no-select-authentication-method-link') ? [] : ['selectAuthenticationMethod'];
  return { scaStatus: auth.scaStatus, scaMethods: methods.map(methodObject), next };
}

function stageError(auth: AuthorisationRecord, step: string): never {
  throw apiError(400, 'SERVICE_INVALID', `Authorisation ${auth.id} is ${auth.scaStatus}; ${step} does not fit this step`);
}

/** One embedded step on an authorisation that is not final. */
export function embeddedStep(ctx: RequestContext, parent: AuthorisableRecord, auth: AuthorisationRecord, input: StepInput): StepAnswer {
  switch (input.kind) {
    case 'identification': {
      if (auth.scaStatus !== 'received') stageError(auth, 'a PSU identification');
      const psu = requirePsu(ctx, parent, auth);
      auth.psuId = psu.id;
      auth.scaStatus = 'psuIdentified';
      return { scaStatus: auth.scaStatus, next: ['updatePsuAuthentication'] };
    }
    case 'password':
      if (auth.scaStatus !== 'received' && auth.scaStatus !== 'psuIdentified') stageError(auth, 'a password');
      return authenticate(ctx, parent, auth, input.password);
    case 'method': {
      if (auth.scaStatus !== 'psuAuthenticated') stageError(auth, 'a method selection');
      const psu = requirePsu(ctx, parent, auth);
      const method = embeddedMethods(psu).find((m) => m.authenticationMethodId === input.methodId);
      if (!method) throw apiError(400, 'SCA_METHOD_UNKNOWN', `${input.methodId} is not an SCA method offered to ${psu.id}`, 'authenticationMethodId');
      return selected(ctx, auth, method);
    }
    case 'otp': {
      if (auth.scaStatus !== 'scaMethodSelected') stageError(auth, 'an OTP');
      const psu = requirePsu(ctx, parent, auth);
      if (input.otp !== psu.otp) wrongCredentials(ctx, auth, 'Wrong OTP');
      auth.otpUsed = true;
      approve(ctx.env, auth, psu);
      return { scaStatus: auth.scaStatus, next: [] };
    }
    case 'confirmation':
      stageError(auth, 'a confirmation code');
  }
}
