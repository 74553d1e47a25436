import { randomUUID } from 'node:crypto';
import type { OutgoingRequest } from '../http/client.js';
import type { Session } from '../run/session.js';
import type { ExchangeRequest, ExchangeResponse } from '../http/exchange.js';
import { SCA_DRIVERS } from '../sca/drivers.js';
import { oauthPreStep, PRE_STEP_ID } from '../sca/oauth-pre-step.js';
import { captureValue, pathValue, unmetExpectations } from './expect.js';
import { fixtureFor, type Fixtures } from './fixtures.js';
import { resolveHref } from './href.js';
import { encodeBody, type EncodedBody } from './request-body.js';
import { scaPreferences } from './sca-preferences.js';
import { render, renderString, TemplateError, type TemplateScope } from './template.js';
import { cellName, type Cell, type HookStep, type PollStep, type RequestSpec, type RequestStep, type Scenario, type ScaStep, type Step } from './types.js';

export interface StepResult {
  step: string;
  ok: boolean;
  /** Why the step failed, when it did. */
  failures: string[];
  exchangeIds: string[];
}

/** Wraps the run of each step, e.g. to record it as an Allure step; must return the step's result. */
export type StepObserver = (step: Step, run: () => Promise<StepResult>) => Promise<StepResult>;

export interface ScenarioOutcome {
  steps: StepResult[];
  /** Every failed expectation or broken step, "step: reason". */
  failures: string[];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function duration(text: string | undefined, fallback: number): number {
  if (!text) return fallback;
  const m = /^(\d+)(ms|s)$/.exec(text)!;
  return Number(m[1]) * (m[2] === 's' ? 1000 : 1);
}

/** Runs one scenario in one cell of the matrix, step by step, through a Session. */
class ScenarioRun {
  readonly #vars: Record<string, unknown>;
  readonly #scope: TemplateScope;
  readonly #origin: { scenario: string; cell: string };
  /** Each request step's response, by step id: an sca step starts from one. */
  readonly #responses = new Map<string, ExchangeResponse>();
  /** …and its request, as sent (an SCA driver reads the PSU-ID it named). */
  readonly #requests = new Map<string, ExchangeRequest>();

  constructor(
    readonly scenario: Scenario,
    readonly cell: Cell,
    readonly session: Session,
    fixtures: Fixtures,
    readonly observe: StepObserver = (_step, run) => run(),
  ) {
    const { psu, tpp, obp, multilevel } = session.profile;
    const sca = cell.approach ? scaPreferences(cell.approach) : undefined;
    this.#vars = { ...cell, psu, tpp, ...(obp ? { obp } : {}), ...(sca ? { sca } : {}), ...(multilevel ? { multilevel } : {}) };
    this.#scope = { vars: this.#vars, fixture: (name) => fixtureFor(fixtures, name, cell) };
    this.#origin = { scenario: scenario.id, cell: cellName(cell) };
  }

  /** The body as sent: bodyText and bodyXml as written, body as JSON or as its typed kind ($xml, $multipart). */
  #body(spec: RequestSpec): EncodedBody | undefined {
    if (spec.bodyText !== undefined) return { text: renderString(spec.bodyText, this.#scope), contentType: 'application/json' };
    if (spec.bodyXml !== undefined) return { text: renderString(spec.bodyXml, this.#scope), contentType: 'application/xml' };
    return spec.body !== undefined ? encodeBody(render(spec.body, this.#scope)) : undefined;
  }

  /** A path below the target base, or a link as the bank gave it (href.ts). */
  #url(spec: RequestSpec): URL {
    const base = this.session.baseUrl;
    if (spec.href === undefined) return new URL(`${base}${renderString(spec.path!, this.#scope)}`);
    return resolveHref(base, renderString(spec.href, this.#scope));
  }

  #request(spec: RequestSpec, step: string): OutgoingRequest {
    const { profile } = this.session;
    const url = this.#url(spec);
    for (const [k, v] of Object.entries((spec.query ? render(spec.query, this.#scope) : {}) as Record<string, unknown>)) url.searchParams.set(k, String(v));
    const body = this.#body(spec);
    const defaults: Record<string, string> = {
      'x-request-id': randomUUID(),
      'psu-ip-address': profile.psu.ipAddress,
      ...(body !== undefined ? { 'content-type': body.contentType } : {}),
    };
    const omitted = new Set((spec.omitHeaders ?? []).map((h) => h.toLowerCase()));
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(defaults)) if (!omitted.has(k)) headers[k] = v;
    for (const [k, v] of Object.entries(spec.headers ?? {})) headers[k.toLowerCase()] = renderString(v, this.#scope);
    return {
      method: spec.method,
      url: url.toString(),
      headers,
      ...(body !== undefined ? { body: body.text } : {}),
      origin: { ...this.#origin, step },
    };
  }

  async #requestStep(step: RequestStep): Promise<StepResult> {
    const { exchange } = await this.session.send(this.#request(step.request, step.id));
    if (!exchange.response) return { step: step.id, ok: false, failures: [`no response: ${exchange.error?.message}`], exchangeIds: [exchange.id] };
    this.#responses.set(step.id, exchange.response);
    this.#requests.set(step.id, exchange.request);
    const failures = unmetExpectations(render(step.expect, this.#scope) as RequestStep['expect'], exchange.response);
    for (const [name, source] of Object.entries(step.capture ?? {})) {
      const value = captureValue(source, exchange.response);
      if (value === undefined) failures.push(`nothing to capture as '${name}' at ${source}`);
      else this.#vars[name] = value;
    }
    return { step: step.id, ok: failures.length === 0, failures, exchangeIds: [exchange.id] };
  }

  async #scaStep(step: ScaStep): Promise<StepResult> {
    const approach = renderString(step.sca.approach, this.#scope);
    const driver = SCA_DRIVERS[approach];
    if (!driver) return { step: step.id, ok: false, failures: [`no SCA driver for the ${approach} approach (known: ${Object.keys(SCA_DRIVERS).join(', ')})`], exchangeIds: [] };
    const started = step.sca.from !== undefined ? this.#responses.get(step.sca.from) : undefined;
    if (step.sca.from !== undefined && !started) return { step: step.id, ok: false, failures: [`step ${step.sca.from} has no response to start the SCA from`], exchangeIds: [] };
    const before = this.session.exchanges.length;
    const outcome = await driver({
      session: this.session,
      ...(started ? { started, startedBody: parseJson(started.body), startedRequest: this.#requests.get(step.sca.from!)! } : {}),
      ...(step.sca.link !== undefined ? { link: renderString(step.sca.link, this.#scope) } : {}),
      outcome: step.sca.outcome ?? 'approve',
      render: (template) => renderString(template, this.#scope),
      origin: { ...this.#origin, step: step.id },
    });
    for (const [name, value] of Object.entries(outcome.vars ?? {})) this.#vars[name] = value;
    const exchangeIds = this.session.exchanges.slice(before).map((e) => e.id);
    return { step: step.id, ok: outcome.ok, failures: outcome.ok ? [] : [outcome.message], exchangeIds };
  }

  async #pollStep(step: PollStep): Promise<StepResult> {
    const within = duration(step.poll.within, this.session.profile.timeouts.pollMs);
    const every = duration(step.poll.every, 200);
    const deadline = Date.now() + within;
    const exchangeIds: string[] = [];
    const seen: string[] = [];
    for (;;) {
      const { exchange } = await this.session.send(this.#request(step.poll.request, step.id));
      exchangeIds.push(exchange.id);
      if (!exchange.response) return { step: step.id, ok: false, failures: [`no response: ${exchange.error?.message}`], exchangeIds };
      let body: unknown;
      try {
        body = JSON.parse(exchange.response.body);
      } catch {
        body = undefined;
      }
      const unmet = Object.entries(step.poll.until).filter(([path, values]) => !values.some((v) => JSON.stringify(v) === JSON.stringify(pathValue(body, path))));
      if (unmet.length === 0) return { step: step.id, ok: true, failures: [], exchangeIds };
      seen.push(unmet.map(([path]) => `${path}=${JSON.stringify(pathValue(body, path))}`).join(', '));
      if (Date.now() + every > deadline) {
        return { step: step.id, ok: false, failures: [`not reached within ${within} ms: ${unmet.map(([p, v]) => `${p} in ${JSON.stringify(v)}`).join(', ')}; saw ${[...new Set(seen)].join(' → ')}`], exchangeIds };
      }
      await new Promise((r) => setTimeout(r, every));
    }
  }

  /** A test hook the profile declares: its path's {placeholders} filled from params, a JSON body; any 2xx is success. */
  async #hookStep(step: HookStep): Promise<StepResult> {
    const { name } = step.hook;
    const hook = this.session.profile.hooks[name];
    if (!hook) return { step: step.id, ok: false, failures: [`the profile declares no ${name} hook`], exchangeIds: [] };
    const params = render(step.hook.params ?? {}, this.#scope) as Record<string, unknown>;
    const path = hook.path.replace(/\{([^{}]+)\}/g, (_, param: string) => {
      if (params[param] === undefined) throw new TemplateError(`the ${name} hook's path ${hook.path} needs the param ${param}`);
      return encodeURIComponent(String(params[param]));
    });
    const body = step.hook.body === undefined ? undefined : JSON.stringify(render(step.hook.body, this.#scope));
    const exchange = await this.session.sendHook({
      method: hook.method,
      url: new URL(`${this.session.baseUrl}${path}`).toString(),
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body }),
      origin: { ...this.#origin, step: step.id },
    });
    const res = exchange.response;
    const failure = !res ? `no response: ${exchange.error?.message}` : res.status < 200 || res.status > 299 ? `the ${name} hook answered ${res.status}: ${res.body.slice(0, 200)}` : undefined;
    return { step: step.id, ok: !failure, failures: failure ? [failure] : [], exchangeIds: [exchange.id] };
  }

  async #step(step: Step): Promise<StepResult> {
    try {
      if ('request' in step) return await this.#requestStep(step);
      if ('sca' in step) return await this.#scaStep(step);
      if ('hook' in step) return await this.#hookStep(step);
      return await this.#pollStep(step);
    } catch (err) {
      // A template naming no value, a missing fixture: the scenario's fault, reported on its step.
      if (err instanceof TemplateError || err instanceof Error) return { step: step.id, ok: false, failures: [err.message], exchangeIds: [] };
      throw err;
    }
  }

  /** The OAuth pre-step (src/sca/oauth-pre-step.ts), when the profile or the cell calls for one. */
  async #preStep(): Promise<StepResult | undefined> {
    const before = this.session.exchanges.length;
    const origin = { ...this.#origin, step: PRE_STEP_ID };
    const outcome = await oauthPreStep(this.session, this.cell, origin, (template) => renderString(template, this.#scope));
    if (!outcome) return undefined;
    const exchangeIds = this.session.exchanges.slice(before).map((e) => e.id);
    return { step: PRE_STEP_ID, ok: outcome.ok, failures: outcome.ok ? [] : [outcome.message], exchangeIds };
  }

  async run(): Promise<ScenarioOutcome> {
    const steps: StepResult[] = [];
    const pre = await this.#preStep();
    if (pre) steps.push(pre);
    for (const step of pre?.ok === false ? [] : this.scenario.steps) {
      const result = await this.observe(step, () => this.#step(step));
      steps.push(result);
      if (!result.ok) break; // later steps depend on this one
    }
    this.session.finish();
    return { steps, failures: steps.flatMap((s) => s.failures.map((f) => `${s.step}: ${f}`)) };
  }
}

/** Run a scenario in one cell. Exchanges and findings land in the session. */
export function runScenario(scenario: Scenario, cell: Cell, session: Session, fixtures: Fixtures, observe?: StepObserver): Promise<ScenarioOutcome> {
  return new ScenarioRun(scenario, cell, session, fixtures, observe).run();
}
