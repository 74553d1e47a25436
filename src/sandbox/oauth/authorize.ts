/**
 * The authorisation endpoint (RFC 6749 §4.1, PKCE RFC 7636 with S256 only). GET shows the PSU's
 * login and consent page; POST approves or denies. For a PIS:/AIS:/PIIS:/SB: scope the grant is
 * the resource's SCA (OAuth SCA, DOMAIN §4.4): approval finalises its authorisation, denial fails
 * it. A bare AIS scope is OAuth as a pre-step: the PSU grants access to all accounts.
 */
import { readFormBody } from '../body.js';
import type { RequestContext, SandboxEnv } from '../context.js';
import { findPsu, type Psu } from '../data.js';
import { addDays } from '../dates.js';
import { approve, awaitingSca, createAuthorisation, isFinalSca, markStarted, refusalFor, reject } from '../lifecycle.js';
import { messagePage } from '../redirect-pages.js';
import { sendHtml, sendRedirect } from '../response.js';
import type { AuthorisableRecord, AuthorisationRecord, ConsentRecord } from '../store.js';
import { findClient, registeredRedirect } from './clients.js';
import { AUTHORIZE_PATH } from './metadata.js';
import { authorizePage } from './authorize-page.js';
import { parseScope, type ParsedScope } from './scope.js';
import { CODE_LIFETIME_S, type Grant, newSecret, nowMs, oauthState } from './state.js';

const REQUEST_PARAMS = ['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method'] as const;

interface ValidRequest {
  clientId: string;
  redirectUri: string;
  state?: string;
  codeChallenge: string;
  scope: ParsedScope;
  /** The parameters as received, carried through the page's form. */
  params: Record<string, string>;
}

type Checked = { ok: ValidRequest } | { page: string } | { redirect: { uri: string; error: string; description: string; state?: string } };

function pick(source: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of REQUEST_PARAMS) {
    const v = source.get(name);
    if (v !== null) out[name] = v;
  }
  return out;
}

/**
 * RFC 6749 §4.1.2.1: an unknown client or a redirect URI it did not register is shown to the PSU,
 * never redirected to; every other problem goes back to the redirect URI with the state.
 */
function check(env: SandboxEnv, params: Record<string, string>): Checked {
  const client = findClient(params.client_id);
  if (!client) return { page: `Unknown client_id ${params.client_id ?? '(none)'}.` };
  const redirectUri = params.redirect_uri;
  if (!redirectUri || !registeredRedirect(client, redirectUri)) return { page: `The redirect_uri ${redirectUri ?? '(none)'} is not registered for ${client.clientId}.` };
  const back = (error: string, description: string): Checked => ({ redirect: { uri: redirectUri, error, description, ...(params.state !== undefined ? { state: params.state } : {}) } });
  if (params.response_type !== 'code') return back('unsupported_response_type', 'only response_type=code is supported');
  if (!params.code_challenge) return back('invalid_request', 'PKCE is required: code_challenge is missing');
  if (params.code_challenge_method !== 'S256') return back('invalid_request', 'PKCE: code_challenge_method must be S256');
  if (!/^[A-Za-z0-9_-]{43}$/.test(params.code_challenge)) return back('invalid_request', 'code_challenge is not a base64url SHA-256 value');
  const scope = parseScope(env, params.scope);
  if ('error' in scope) return back('invalid_scope', scope.error);
  if (scope.kind === 'sca' && !awaitingSca(scope.resource)) return back('invalid_scope', `${scope.scope}: the resource no longer awaits an authorisation`);
  return { ok: { clientId: client.clientId, redirectUri, ...(params.state !== undefined ? { state: params.state } : {}), codeChallenge: params.code_challenge, scope, params } };
}

function redirectBack(ctx: RequestContext, uri: string, values: Record<string, string | undefined>): void {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(values)) {
    // The defect: the state the TPP sent is not returned.
    if (k === 'state' && ctx.env.defects.has('oauth-state-dropped')) continue;
    if (v !== undefined) url.searchParams.set(k, v);
  }
  sendRedirect(ctx, url.toString(), 302);
}

function answerProblem(ctx: RequestContext, checked: Exclude<Checked, { ok: ValidRequest }>): void {
  if ('page' in checked) return sendHtml(ctx, 400, messagePage('Invalid authorisation request', checked.page));
  const { uri, error, description, state } = checked.redirect;
  redirectBack(ctx, uri, { error, error_description: description, state });
}

/** The authorisation the grant carries for a resource's SCA: the open OAuth one, any open one, or a new one. */
function authorisationFor(ctx: RequestContext, resource: AuthorisableRecord): AuthorisationRecord {
  const { store } = ctx.env;
  const oauth = oauthState(ctx.env).oauthAuthorisations;
  const open = store.authorisationsOf(resource).filter((a) => !isFinalSca(a));
  const auth = open.find((a) => oauth.has(a.id)) ?? open[0] ?? createAuthorisation(store, resource, 'REDIRECT', {});
  oauth.add(auth.id);
  return auth;
}

function describe(scope: ParsedScope): Array<[string, string]> {
  if (scope.kind === 'ais') return [['Access', 'Your accounts, balances and transactions (all accounts)']];
  const r = scope.resource;
  const what = { payment: 'Payment', consent: 'Account access consent', fundsConsent: 'Confirmation of funds consent', basket: 'Signing basket' }[r.kind];
  return [
    ['Authorise', `${what} ${r.id}`],
    ['Scope', scope.scope],
  ];
}

function showPage(ctx: RequestContext, req: ValidRequest, status: number, error?: string, psuId?: string): void {
  sendHtml(
    ctx,
    status,
    authorizePage({
      clientId: req.clientId,
      summary: describe(req.scope),
      formAction: `${ctx.baseUrl}${AUTHORIZE_PATH}`,
      request: req.params,
      ...(error ? { error } : {}),
      ...(psuId ? { psuId } : {}),
    }),
  );
}

/** GET /oauth/authorize */
export function showAuthorizePage(ctx: RequestContext): void {
  const checked = check(ctx.env, pick(ctx.query));
  if (!('ok' in checked)) return answerProblem(ctx, checked);
  if (checked.ok.scope.kind === 'sca') markStarted(authorisationFor(ctx, checked.ok.scope.resource));
  showPage(ctx, checked.ok, 200);
}

/** The consent the bank keeps for a bare AIS grant: all PSD2 accounts of the PSU, recurring. */
function preStepConsent(env: SandboxEnv, psu: Psu): ConsentRecord {
  const day = env.clock.today();
  const consent: ConsentRecord = {
    kind: 'consent',
    id: env.store.newId(),
    form: 'allPsd2',
    access: { allPsd2: 'allAccounts' },
    recurringIndicator: true,
    validUntil: addDays(day, 90),
    frequencyPerDay: 4,
    combinedServiceIndicator: false,
    consentStatus: 'valid',
    lastActionDate: day,
    unattendedAccesses: { day, count: 0 },
    reported: new Map(),
    psuId: psu.id,
    redirect: {},
    authorisationIds: [],
    explicitStart: false,
  };
  env.store.consents.set(consent.id, consent);
  return consent;
}

/** POST /oauth/authorize: the PSU's decision. */
export function submitAuthorizePage(ctx: RequestContext): void {
  const form = readFormBody(ctx);
  if (!form) return sendHtml(ctx, 415, messagePage('Unsupported form', 'The form must be sent as application/x-www-form-urlencoded.'));
  const checked = check(ctx.env, pick(form));
  if (!('ok' in checked)) return answerProblem(ctx, checked);
  const req = checked.ok;
  const auth = req.scope.kind === 'sca' ? authorisationFor(ctx, req.scope.resource) : undefined;
  const decision = form.get('decision');
  if (decision === 'deny') {
    if (auth) reject(ctx.env, auth);
    return redirectBack(ctx, req.redirectUri, { error: 'access_denied', error_description: 'the PSU denied the authorisation', state: req.state });
  }
  if (decision !== 'approve') return showPage(ctx, req, 400, 'Choose Approve or Deny.');
  const psuId = (form.get('psuId') ?? '').trim();
  const psu = findPsu(psuId);
  if (!psu || psu.password !== form.get('password')) return showPage(ctx, req, 200, 'Unknown user or wrong password.', psuId);
  let grant: Grant;
  if (req.scope.kind === 'sca') {
    const refusal = refusalFor(ctx.env.store, req.scope.resource, psu);
    if (refusal) return showPage(ctx, req, 200, refusal, psuId);
    approve(ctx.env, auth!, psu);
    grant = { scope: req.scope.scope, ...(req.scope.resource.kind === 'consent' ? { consentId: req.scope.resource.id } : {}) };
  } else {
    grant = { scope: 'AIS', consentId: preStepConsent(ctx.env, psu).id };
  }
  const code = newSecret();
  oauthState(ctx.env).codes.set(code, {
    code,
    clientId: req.clientId,
    redirectUri: req.redirectUri,
    codeChallenge: req.codeChallenge,
    psuId: psu.id,
    grant,
    expiresAt: nowMs(ctx.env) + CODE_LIFETIME_S * 1000,
    used: false,
  });
  redirectBack(ctx, req.redirectUri, { code, state: req.state });
}
