import { randomUUID } from 'node:crypto';
import { headerOf } from '../http/exchange.js';
import type { RedirectForm } from '../profile/types.js';
import type { Session } from '../run/session.js';
import { resolveHref } from '../scenario/href.js';
import { linkOf, type ScaDriver } from './driver.js';
import { parseFirstForm, type HtmlForm } from './html-form.js';

export interface RedirectOutcome {
  ok: boolean;
  /** What happened, in one sentence. */
  message: string;
  /** Where the bank sent the PSU back to. */
  returnedTo?: string;
}

export interface RedirectDriveOptions {
  link: string;
  outcome: 'approve' | 'reject';
  /** Form field name → value, already rendered. */
  fields: Record<string, string>;
  form?: RedirectForm;
  /** Where the bank must send the PSU back: TPP-Redirect-URI, and TPP-Nok-Redirect-URI for a rejection. */
  redirectUri: string;
  nokRedirectUri?: string;
  origin: { scenario: string; step: string; cell: string };
}

const MAX_HOPS = 5;

function chooseButton(form: HtmlForm, outcome: 'approve' | 'reject', configured?: { name: string; value: string }) {
  if (configured) return configured;
  const pattern = outcome === 'approve' ? /approve|confirm|accept|ok|login|sign/i : /reject|deny|decline|cancel/i;
  return form.buttons.find((b) => pattern.test(b.value) || pattern.test(b.label));
}

/** The value a field gets: configured, else PSU id / password by the input's kind, else its own. */
function fieldValues(form: HtmlForm, fields: Record<string, string>): URLSearchParams {
  const out = new URLSearchParams();
  for (const input of form.inputs) {
    if (input.name in fields) out.set(input.name, fields[input.name]!);
    else out.set(input.name, input.value);
  }
  for (const [name, value] of Object.entries(fields)) if (!out.has(name)) out.set(name, value);
  return out;
}

/**
 * The HTTP form driver for redirect SCA: open the scaRedirect page, fill in the login form as the
 * profile says, press approve or reject, and see where the bank sends the PSU back to.
 * Redirects inside the bank are followed; the TPP's own URI is never requested.
 */
export async function driveRedirectForm(session: Session, opts: RedirectDriveOptions): Promise<RedirectOutcome> {
  let url = opts.link;
  let method: 'GET' | 'POST' = 'GET';
  let body: string | undefined;
  let submitted = false;
  const back = opts.outcome === 'approve' ? [opts.redirectUri] : [opts.nokRedirectUri ?? opts.redirectUri, opts.redirectUri];
  for (let hop = 0; hop < MAX_HOPS * 2; hop++) {
    const { exchange } = await session.send({
      method,
      url,
      headers: { accept: 'text/html', ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(body !== undefined ? { body } : {}),
      origin: opts.origin,
    });
    if (!exchange.response) return { ok: false, message: `the SCA page ${url} could not be loaded: ${exchange.error?.message}` };
    const { status } = exchange.response;
    const location = headerOf(exchange.response.headers, 'location');
    if (status >= 300 && status < 400 && location) {
      const target = new URL(location, url).toString();
      if (back.some((b) => target.startsWith(b))) {
        const expected = back[0]!;
        return target.startsWith(expected)
          ? { ok: true, message: `the bank sent the PSU back to ${target}`, returnedTo: target }
          : { ok: false, message: `after ${opts.outcome} the bank sent the PSU to ${target}, expected ${expected}`, returnedTo: target };
      }
      [url, method, body] = [target, 'GET', undefined];
      continue;
    }
    if (status !== 200) return { ok: false, message: `the SCA page ${url} answered ${status}` };
    const form = parseFirstForm(exchange.response.body);
    if (!form) return { ok: false, message: `the SCA page ${url} has no form to fill in` };
    if (submitted) return { ok: false, message: `the bank showed its form again after the login was submitted (credentials refused?)` };
    const button = chooseButton(form, opts.outcome, opts.outcome === 'approve' ? opts.form?.approve : opts.form?.reject);
    if (!button) return { ok: false, message: `the SCA page has no button to ${opts.outcome}` };
    const params = fieldValues(form, opts.fields);
    params.set(button.name, button.value);
    const action = new URL(form.action || url, url).toString();
    submitted = true;
    if (form.method === 'POST') [url, method, body] = [action, 'POST', params.toString()];
    else [url, method, body] = [`${action}${action.includes('?') ? '&' : '?'}${params}`, 'GET', undefined];
  }
  return { ok: false, message: `the SCA pages redirected more than ${MAX_HOPS * 2} times` };
}

/**
 * An explicit start (the started answer links startAuthorisation, no scaRedirect): POST it as the
 * TPP, with the redirect URIs, and take the scaRedirect of its answer.
 */
async function startExplicitly(request: Parameters<ScaDriver>[0], start: string): Promise<{ link?: string; problem?: string }> {
  const { session } = request;
  const { tpp, psu } = session.profile;
  const { exchange } = await session.send({
    method: 'POST',
    url: resolveHref(session.baseUrl, start).toString(),
    headers: {
      'x-request-id': randomUUID(),
      'psu-ip-address': psu.ipAddress,
      'tpp-redirect-uri': tpp.redirectUri,
      ...(tpp.nokRedirectUri ? { 'tpp-nok-redirect-uri': tpp.nokRedirectUri } : {}),
    },
    origin: request.origin,
  });
  if (!exchange.response) return { problem: `the explicit start at ${start} got no answer: ${exchange.error?.message}` };
  let body: unknown;
  try {
    body = JSON.parse(exchange.response.body);
  } catch {
    body = undefined;
  }
  const link = linkOf(body, 'scaRedirect');
  return link ? { link } : { problem: `the explicit start at ${start} answered ${exchange.response.status} without a scaRedirect link` };
}

/** The redirect approach with the HTTP form driver: the link is the step's own, the started response's scaRedirect, or that of its explicit start. */
export const redirectDriver: ScaDriver = async (request) => {
  const { session } = request;
  const { profile } = session;
  let link = request.link ?? linkOf(request.startedBody, 'scaRedirect');
  const start = linkOf(request.startedBody, 'startAuthorisation');
  if (!link && start) {
    const started = await startExplicitly(request, start);
    if (started.problem) return { ok: false, message: started.problem };
    link = started.link;
  }
  if (!link) return { ok: false, message: 'no scaRedirect link to send the PSU to' };
  const form = profile.sca.redirect;
  const fields = Object.fromEntries(Object.entries(form?.fields ?? {}).map(([k, v]) => [k, request.render(v)]));
  const outcome = await driveRedirectForm(session, {
    link,
    outcome: request.outcome,
    fields,
    ...(form ? { form } : {}),
    redirectUri: profile.tpp.redirectUri,
    ...(profile.tpp.nokRedirectUri ? { nokRedirectUri: profile.tpp.nokRedirectUri } : {}),
    origin: { scenario: request.origin.scenario ?? '', step: request.origin.step ?? '', cell: request.origin.cell ?? '' },
  });
  return { ok: outcome.ok, message: outcome.message, ...(outcome.returnedTo ? { vars: { returnedTo: outcome.returnedTo } } : {}) };
};
