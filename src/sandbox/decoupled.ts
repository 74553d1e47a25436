/**
 * Decoupled SCA (DOMAIN §4.4): the TPP identifies the PSU (PSU-ID), the bank sends the request
 * to the PSU's app, and the PSU approves or rejects it there; the TPP polls scaStatus.
 *   PSU-ID with {}            → one decoupled method: psuIdentified, psuMessage, link scaStatus (the app is asked)
 *                               several: psuIdentified, scaMethods, link selectAuthenticationMethod
 *   {authenticationMethodId}  → scaMethodSelected, chosenScaMethod, psuMessage, link scaStatus
 * Anything else is refused (403 SERVICE_BLOCKED): the PSU authenticates in the app, not through the TPP.
 *
 * The PSU's side is the sandbox approval API, like a bank's back office or the PSU's app:
 *   GET  /sandbox/authorisations                       the requests waiting in the PSU's app (?psuId=)
 *   POST /sandbox/authorisations/{authorisationId}/approve | /reject
 */
import type { RequestContext } from './context.js';
import type { Psu, ScaMethod } from './data.js';
import { findPsu } from './data.js';
import { apiError } from './errors.js';
import { approve, awaitingSca, isFinalSca, reject } from './lifecycle.js';
import { sendJson } from './response.js';
import { type StepAnswer, type StepInput, methodObject, requirePsu } from './sca-steps.js';
import type { AuthorisableRecord, AuthorisationRecord } from './store.js';

const decoupledMethods = (psu: Psu): ScaMethod[] => psu.scaMethods.filter((m) => m.decoupled);

function psuMessage(ctx: RequestContext, method: ScaMethod): string | undefined {
  if (ctx.env.defects.has('decoupled-without-psu-message')) return undefined;
  return `Please open the ${method.name} and confirm the request there.`;
}

/** The request is sent to the PSU's app. */
function sentToApp(ctx: RequestContext, auth: AuthorisationRecord, method: ScaMethod, status: 'psuIdentified' | 'scaMethodSelected'): StepAnswer {
  auth.methodId = method.authenticationMethodId;
  auth.scaStatus = status;
  const message = psuMessage(ctx, method);
  return {
    scaStatus: status,
    ...(status === 'scaMethodSelected' ? { chosenScaMethod: methodObject(method) } : {}),
    ...(message ? { psuMessage: message } : {}),
    next: [],
  };
}

/** The PSU is identified: the request goes to their only app, or they choose one. */
export function identifyForDecoupled(ctx: RequestContext, auth: AuthorisationRecord, psu: Psu, mayChoose = true): StepAnswer {
  auth.psuId = psu.id;
  const methods = decoupledMethods(psu);
  if (methods.length === 0) throw apiError(400, 'SCA_METHOD_UNKNOWN', `${psu.id} has no app for the decoupled approach`);
  // Without a way to choose (an initiation's 201), the request goes to the PSU's first app.
  if (methods.length === 1 || !mayChoose) return sentToApp(ctx, auth, methods[0]!, 'psuIdentified');
  auth.scaStatus = 'psuIdentified';
  return { scaStatus: auth.scaStatus, scaMethods: methods.map(methodObject), next: ['selectAuthenticationMethod'] };
}

/** One decoupled step on an authorisation that is not final. */
export function decoupledStep(ctx: RequestContext, parent: AuthorisableRecord, auth: AuthorisationRecord, input: StepInput): StepAnswer {
  if (input.kind === 'identification' && auth.scaStatus === 'received') return identifyForDecoupled(ctx, auth, requirePsu(ctx, parent, auth));
  if (input.kind === 'method' && auth.scaStatus === 'psuIdentified' && auth.methodId === undefined) {
    const psu = requirePsu(ctx, parent, auth);
    const method = decoupledMethods(psu).find((m) => m.authenticationMethodId === input.methodId);
    if (!method) throw apiError(400, 'SCA_METHOD_UNKNOWN', `${input.methodId} is not a decoupled method of ${psu.id}`, 'authenticationMethodId');
    return sentToApp(ctx, auth, method, 'scaMethodSelected');
  }
  throw apiError(403, 'SERVICE_BLOCKED', `Authorisation ${auth.id} uses the DECOUPLED approach and is ${auth.scaStatus}: the PSU confirms in the app, not through the TPP`);
}

/** A decoupled authorisation waiting in the PSU's app. */
function pending(ctx: RequestContext, auth: AuthorisationRecord): AuthorisableRecord | undefined {
  if (auth.approach !== 'DECOUPLED' || auth.methodId === undefined || isFinalSca(auth)) return undefined;
  const parent = ctx.env.store.parentOf(auth);
  return parent && awaitingSca(parent, auth.purpose) ? parent : undefined;
}

/** GET /sandbox/authorisations: what the PSUs' apps show; opening it starts the SCA routine. */
export function listPendingApprovals(ctx: RequestContext): void {
  const psuId = ctx.query.get('psuId');
  const out = [];
  for (const auth of ctx.env.store.authorisations.values()) {
    const parent = pending(ctx, auth);
    if (!parent || (psuId && auth.psuId !== psuId)) continue;
    auth.scaStatus = 'started';
    out.push({ authorisationId: auth.id, psuId: auth.psuId, scaStatus: auth.scaStatus, method: auth.methodId, purpose: auth.purpose, resource: { kind: parent.kind, id: parent.id } });
  }
  sendJson(ctx, 200, { authorisations: out });
}

function decide(ctx: RequestContext, decision: 'approve' | 'reject'): void {
  const id = ctx.params.authorisationId ?? '';
  const auth = ctx.env.store.authorisations.get(id);
  if (!auth) throw apiError(404, 'RESOURCE_UNKNOWN', `Authorisation ${id} does not exist`, 'authorisationId');
  if (!pending(ctx, auth)) throw apiError(409, 'STATUS_INVALID', `Authorisation ${id} is not waiting for a decision in the PSU's app (${auth.approach}, ${auth.scaStatus})`);
  auth.scaStatus = 'started';
  if (decision === 'reject') reject(ctx.env, auth);
  // The defect: the app's approval is taken, but the authorisation never leaves started.
  else if (!ctx.env.defects.has('decoupled-never-finalises')) approve(ctx.env, auth, findPsu(auth.psuId!)!);
  sendJson(ctx, 200, { authorisationId: auth.id, scaStatus: auth.scaStatus });
}

/** POST /sandbox/authorisations/{authorisationId}/approve */
export const approveInApp = (ctx: RequestContext): void => decide(ctx, 'approve');
/** POST /sandbox/authorisations/{authorisationId}/reject */
export const rejectInApp = (ctx: RequestContext): void => decide(ctx, 'reject');
