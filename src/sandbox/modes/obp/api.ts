/**
 * The Open Bank Project consent API as the reference bank emulates it (DOMAIN §10.3): DirectLogin,
 * consents created with an SMS, EMAIL or IMPLICIT challenge, the challenge answer, Consent-JWT
 * (with Consumer-Key) on an account read, reads (by id, mine, at the bank), revocation, consent
 * requests (also VRP) and status updates. Errors are OBP's `{ code, message: "OBP-XXXXX: …" }`.
 */
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../context.js';
import { accountById, accountsOf, findPsu } from '../../data.js';
import type { ModeRoute } from '../types.js';
import { obpError, obpHandler, sendObp } from './errors.js';
import { type ObpConsent, type ObpConsentStatus, type ViewAccess, obpState } from './state.js';

export const OBP_VERSION = 'v5.1.0';
/** The one bank this OBP instance hosts. */
export const OBP_BANK_ID = 'rbank.01.de';
/** The OTP the emulated SMS and EMAIL challenges send (printed on the sandbox's console of a real bank). */
export const OBP_CHALLENGE_ANSWER = '123456';
/** consents.max_time_to_live: 3600 s by default. */
const MAX_TIME_TO_LIVE = 3600;
const SCA_METHODS = ['SMS', 'EMAIL', 'IMPLICIT'] as const;
const UPDATABLE: readonly ObpConsentStatus[] = ['ACCEPTED', 'REJECTED', 'REVOKED', 'AUTHORISED'];

type Json = Record<string, unknown>;
const P = `/obp/${OBP_VERSION}`;

/** `name="value", other=value` pairs of a DirectLogin header. */
function directLoginParams(value: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of (value ?? '').replace(/^DirectLogin\s+/i, '').matchAll(/([a-z_]+)\s*=\s*"?([^",]*)"?/gi)) out[m[1]!.toLowerCase()] = m[2]!;
  return out;
}

function jsonBody(ctx: RequestContext): Json {
  if (ctx.rawBody.length === 0) return {};
  try {
    const body: unknown = JSON.parse(ctx.rawBody.toString('utf8'));
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Json;
  } catch {
    // falls through to the OBP error
  }
  throw obpError('incorrectJson');
}

/** The logged-in user (Authorization: DirectLogin token=…). */
function user(ctx: RequestContext): { userId: string; consumerKey: string } {
  const token = directLoginParams(ctx.header('Authorization'))['token'];
  const login = token ? obpState(ctx.env).logins.get(token) : undefined;
  if (!login) throw obpError('notLoggedIn');
  return login;
}

function bank(ctx: RequestContext): string {
  const id = ctx.params['bankId'] ?? '';
  if (id !== OBP_BANK_ID) throw obpError('bankNotFound', `Current BANK_ID is ${id}.`);
  return id;
}

function consentOf(ctx: RequestContext, userId?: string): ObpConsent {
  const consent = obpState(ctx.env).consents.get(ctx.params['consentId'] ?? '');
  if (!consent || (userId !== undefined && consent.userId !== userId)) throw obpError('consentNotFound');
  expireIfDue(ctx, consent);
  return consent;
}

function expireIfDue(ctx: RequestContext, consent: ObpConsent): void {
  const due = consent.createdAt + consent.timeToLive * 1000;
  if (ctx.env.clock.now().getTime() > due && (consent.status === 'INITIATED' || consent.status === 'ACCEPTED' || consent.status === 'AUTHORISED')) consent.status = 'EXPIRED';
}

const consentJson = (c: ObpConsent): Json => ({ consent_id: c.id, jwt: c.jwt, status: c.status, ...(c.consentRequestId ? { consent_request_id: c.consentRequestId } : {}) });

function consentInfo(c: ObpConsent): Json {
  return { ...consentJson(c), api_standard: 'obp', api_version: OBP_VERSION, everything: c.everything, views: c.views };
}

function timeToLive(body: Json): number {
  const ttl = body['time_to_live'];
  if (ttl === undefined) return MAX_TIME_TO_LIVE;
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 1) throw obpError('incorrectJson', 'time_to_live must be a positive whole number of seconds.');
  if (ttl > MAX_TIME_TO_LIVE) throw obpError('timeToLive', `Maximum: ${MAX_TIME_TO_LIVE}.`);
  return ttl;
}

/** The views a consent asks for: each an account of the user at this bank. */
function views(body: Json, userId: string): ViewAccess[] {
  const everything = body['everything'];
  if (typeof everything !== 'boolean') throw obpError('incorrectJson', 'everything must be true or false.');
  const own = accountsOf(userId);
  if (everything) return own.map((a) => ({ bank_id: OBP_BANK_ID, account_id: a.resourceId, view_id: 'owner' }));
  const list = body['views'];
  if (!Array.isArray(list) || list.length === 0) throw obpError('incorrectJson', 'views must list the accounts when everything is false.');
  return list.map((v: unknown) => {
    const view = (typeof v === 'object' && v !== null ? v : {}) as Json;
    const access = { bank_id: String(view['bank_id'] ?? ''), account_id: String(view['account_id'] ?? ''), view_id: String(view['view_id'] ?? '') };
    if (!access.account_id || !access.view_id) throw obpError('incorrectJson', 'each view needs bank_id, account_id and view_id.');
    if (access.bank_id !== OBP_BANK_ID) throw obpError('bankNotFound', `Current BANK_ID is ${access.bank_id}.`);
    if (!own.some((a) => a.resourceId === access.account_id)) throw obpError('accountNotFound', `Current ACCOUNT_ID is ${access.account_id}.`);
    return access;
  });
}

function scaMethod(ctx: RequestContext): ObpConsent['scaMethod'] {
  const method = ctx.params['scaMethod'] ?? 'IMPLICIT';
  if (!(SCA_METHODS as readonly string[]).includes(method)) throw obpError('onlySmsEmailImplicit');
  return method as ObpConsent['scaMethod'];
}

function newConsent(ctx: RequestContext, body: Json, login: { userId: string; consumerKey: string }, method: ObpConsent['scaMethod'], bankId: string, consentRequestId?: string): ObpConsent {
  if (method === 'SMS' && typeof body['phone_number'] !== 'string') throw obpError('incorrectJson', 'phone_number is required for the SMS challenge.');
  if (method === 'EMAIL' && typeof body['email'] !== 'string') throw obpError('incorrectJson', 'email is required for the EMAIL challenge.');
  const consumerKey = ctx.header('Consumer-Key') ?? login.consumerKey;
  const ttl = timeToLive(body);
  const granted = views(body, login.userId);
  const id = randomUUID();
  const createdAt = ctx.env.clock.now().getTime();
  const state = obpState(ctx.env);
  const jwt = state.signer.sign({ jti: id, sub: login.userId, aud: consumerKey, iat: Math.floor(createdAt / 1000), exp: Math.floor(createdAt / 1000) + ttl, views: granted });
  const consent: ObpConsent = {
    id,
    userId: login.userId,
    bankId,
    consumerKey,
    scaMethod: method,
    status: 'INITIATED',
    everything: body['everything'] === true,
    views: granted,
    entitlements: Array.isArray(body['entitlements']) ? (body['entitlements'] as ObpConsent['entitlements']) : [],
    timeToLive: ttl,
    createdAt,
    ...(consentRequestId ? { consentRequestId } : {}),
    jwt,
  };
  state.consents.set(id, consent);
  return consent;
}

const handlers = {
  directLogin(ctx: RequestContext): void {
    const params = directLoginParams(ctx.header('DirectLogin') ?? ctx.header('Authorization'));
    const psu = params['username'] ? findPsu(params['username']) : undefined;
    if (!params['consumer_key']) throw obpError('consumerNotFound');
    if (!psu || psu.password !== params['password']) throw obpError('invalidLogin');
    const state = obpState(ctx.env);
    const token = state.signer.sign({ sub: psu.id, aud: params['consumer_key'], iat: Math.floor(ctx.env.clock.now().getTime() / 1000), jti: randomUUID() });
    state.logins.set(token, { userId: psu.id, consumerKey: params['consumer_key'] });
    sendObp(ctx, 201, { token });
  },

  createConsent(ctx: RequestContext): void {
    const login = user(ctx);
    const bankId = bank(ctx);
    const method = scaMethod(ctx);
    sendObp(ctx, 201, consentJson(newConsent(ctx, jsonBody(ctx), login, method, bankId)));
  },

  createImplicitConsent(ctx: RequestContext): void {
    const login = user(ctx);
    const body = jsonBody(ctx);
    const bankId = typeof body['bank_id'] === 'string' ? body['bank_id'] : OBP_BANK_ID;
    if (bankId !== OBP_BANK_ID) throw obpError('bankNotFound', `Current BANK_ID is ${bankId}.`);
    sendObp(ctx, 201, consentJson(newConsent(ctx, body, login, 'IMPLICIT', bankId)));
  },

  answerChallenge(ctx: RequestContext): void {
    const login = user(ctx);
    bank(ctx);
    const consent = consentOf(ctx, login.userId);
    const answer = jsonBody(ctx)['answer'];
    if (typeof answer !== 'string') throw obpError('incorrectJson', 'answer must be a string.');
    if (consent.status !== 'INITIATED') throw obpError('consentStatus', 'INITIATED.');
    consent.status = answer === OBP_CHALLENGE_ANSWER ? 'ACCEPTED' : 'REJECTED';
    sendObp(ctx, 201, consentJson(consent));
  },

  getConsent(ctx: RequestContext): void {
    const login = user(ctx);
    sendObp(ctx, 200, consentInfo(consentOf(ctx, login.userId)));
  },

  myConsents(ctx: RequestContext): void {
    const login = user(ctx);
    const mine = [...obpState(ctx.env).consents.values()].filter((c) => c.userId === login.userId);
    mine.forEach((c) => expireIfDue(ctx, c));
    sendObp(ctx, 200, { consents: mine.map(consentInfo) });
  },

  consentsAtBank(ctx: RequestContext): void {
    user(ctx);
    const bankId = bank(ctx);
    const status = ctx.query.get('status');
    const limit = Number(ctx.query.get('limit') ?? 50);
    const offset = Number(ctx.query.get('offset') ?? 0);
    if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0) throw obpError('incorrectJson', 'limit and offset must be whole numbers.');
    const all = [...obpState(ctx.env).consents.values()].filter((c) => c.bankId === bankId);
    all.forEach((c) => expireIfDue(ctx, c));
    const chosen = all.filter((c) => status === null || c.status === status.toUpperCase());
    sendObp(ctx, 200, { consents: chosen.slice(offset, offset + limit).map(consentInfo) });
  },

  revoke(ctx: RequestContext): void {
    const login = user(ctx);
    bank(ctx);
    const consent = consentOf(ctx, login.userId);
    if (consent.status === 'REJECTED' || consent.status === 'EXPIRED') throw obpError('consentStatus', 'INITIATED, ACCEPTED or AUTHORISED.');
    consent.status = 'REVOKED';
    sendObp(ctx, 200, consentJson(consent));
  },

  updateStatus(ctx: RequestContext): void {
    const login = user(ctx);
    bank(ctx);
    const consent = consentOf(ctx, login.userId);
    const status = jsonBody(ctx)['status'];
    if (typeof status !== 'string' || !(UPDATABLE as readonly string[]).includes(status)) throw obpError('incorrectJson', `status must be one of ${UPDATABLE.join(', ')}.`);
    const next = status as ObpConsentStatus;
    const from = consent.status;
    const allowed =
      (from === 'INITIATED' && next !== 'AUTHORISED') || (from === 'ACCEPTED' && (next === 'AUTHORISED' || next === 'REVOKED')) || (from === 'AUTHORISED' && next === 'REVOKED');
    if (!allowed) throw obpError('consentStatus', from === 'INITIATED' ? 'ACCEPTED.' : 'INITIATED.');
    consent.status = next;
    sendObp(ctx, 200, consentJson(consent));
  },

  createConsentRequest(vrp: boolean) {
    return (ctx: RequestContext): void => {
      const consumerKey = ctx.header('Consumer-Key');
      if (!consumerKey) throw obpError('consumerNotFound');
      const payload = jsonBody(ctx);
      if (vrp) {
        const to = payload['to_account'] as Json | undefined;
        if (typeof payload['from_account'] !== 'object' || typeof to !== 'object' || to === null || typeof to['limit'] !== 'object') {
          throw obpError('incorrectJson', 'from_account and to_account (with its limit) are required.');
        }
      } else if (typeof payload['everything'] !== 'boolean') throw obpError('incorrectJson', 'everything must be true or false.');
      timeToLive(payload);
      const id = randomUUID();
      obpState(ctx.env).requests.set(id, { id, consumerKey, payload, vrp });
      sendObp(ctx, 201, { consent_request_id: id, payload, consumer_id: consumerKey });
    };
  },

  getConsentRequest(ctx: RequestContext): void {
    const request = obpState(ctx.env).requests.get(ctx.params['requestId'] ?? '');
    if (!request || request.consumerKey !== ctx.header('Consumer-Key')) throw obpError('consentRequestNotFound');
    sendObp(ctx, 200, { consent_request_id: request.id, payload: request.payload, consumer_id: request.consumerKey });
  },

  finaliseConsentRequest(ctx: RequestContext): void {
    const login = user(ctx);
    const request = obpState(ctx.env).requests.get(ctx.params['requestId'] ?? '');
    if (!request) throw obpError('consentRequestNotFound');
    const method = scaMethod(ctx);
    const body = request.vrp ? { everything: true, ...request.payload } : request.payload;
    sendObp(ctx, 201, consentJson(newConsent(ctx, body, login, method, OBP_BANK_ID, request.id)));
  },

  /** An account read with Consent-JWT and Consumer-Key (or as the logged-in user). */
  readAccount(ctx: RequestContext): void {
    bank(ctx);
    const accountId = ctx.params['accountId'] ?? '';
    const jwt = ctx.header('Consent-JWT');
    let userId: string;
    if (jwt !== undefined) {
      const claims = obpState(ctx.env).signer.verify(jwt);
      const consent = claims ? obpState(ctx.env).consents.get(String(claims['jti'])) : undefined;
      if (!claims || !consent || claims['aud'] !== ctx.header('Consumer-Key')) throw obpError('consentNotVerified');
      expireIfDue(ctx, consent);
      if (consent.status === 'EXPIRED') throw obpError('consentExpired');
      if (consent.status !== 'ACCEPTED' && consent.status !== 'AUTHORISED') throw obpError('consentStatus', 'ACCEPTED.');
      if (!consent.views.some((v) => v.account_id === accountId)) throw obpError('accountNotFound');
      userId = consent.userId;
    } else userId = user(ctx).userId;
    const account = accountById(accountId);
    if (!account || account.psuId !== userId) throw obpError('accountNotFound');
    sendObp(ctx, 200, {
      id: account.resourceId,
      bank_id: OBP_BANK_ID,
      label: account.name,
      number: account.iban,
      product_code: account.product,
      account_routings: [{ scheme: 'IBAN', address: account.iban }],
      views_basic: [{ id: 'owner', short_name: 'Owner', is_public: false }],
    });
  },
};

const route = (method: ModeRoute['method'], pattern: string, handler: (ctx: RequestContext) => void): ModeRoute => ({ method, pattern, handler: obpHandler(handler) });

export const OBP_ROUTES: readonly ModeRoute[] = [
  route('POST', '/my/logins/direct', handlers.directLogin),
  route('POST', `${P}/banks/{bankId}/my/consents/{scaMethod}`, handlers.createConsent),
  route('POST', `${P}/my/consents/IMPLICIT`, handlers.createImplicitConsent),
  route('POST', `${P}/banks/{bankId}/consents/{consentId}/challenge`, handlers.answerChallenge),
  route('GET', `${P}/user/current/consents/{consentId}`, handlers.getConsent),
  route('GET', `${P}/my/consents`, handlers.myConsents),
  route('GET', `${P}/management/consents/banks/{bankId}`, handlers.consentsAtBank),
  route('GET', `${P}/banks/{bankId}/my/consents/{consentId}/revoke`, handlers.revoke),
  route('DELETE', `${P}/banks/{bankId}/consents/{consentId}`, handlers.revoke),
  route('PUT', `${P}/management/banks/{bankId}/consents/{consentId}`, handlers.updateStatus),
  route('POST', `${P}/consumer/consent-requests`, handlers.createConsentRequest(false)),
  route('POST', `${P}/consumer/vrp-consent-requests`, handlers.createConsentRequest(true)),
  route('GET', `${P}/consumer/consent-requests/{requestId}`, handlers.getConsentRequest),
  route('POST', `${P}/consumer/consent-requests/{requestId}/{scaMethod}/consents`, handlers.finaliseConsentRequest),
  route('GET', `${P}/my/banks/{bankId}/accounts/{accountId}/account`, handlers.readAccount),
];
