/** The YAML scenario format (see scenario.schema.json): one flow, as the IG's sequence diagram tells it. */
export interface ScenarioApplies {
  service?: string[];
  product?: string[];
  approach?: string[];
}

export interface RequestSpec {
  method: string;
  /** Path below the target's base URL, templated: /v1/{{service}}/{{product}}. One of path and href. */
  path?: string;
  /** A hyperlink the bank gave (templated, e.g. {{next}}), followed as given: absolute or relative to the target base. */
  href?: string;
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
  /** Default headers (X-Request-ID, PSU-IP-Address, Content-Type) not to send. */
  omitHeaders?: string[];
  /** JSON body: a YAML value, templated; a whole-string template keeps its type ({{fixture payment}}). */
  body?: unknown;
  /** Raw body text, sent as is after templating (for malformed bodies), as application/json. */
  bodyText?: string;
  /** Raw XML body (e.g. a pain.001 document), sent as application/xml after templating. */
  bodyXml?: string;
}

export interface Expectation {
  status?: number | number[];
  /** The SCA approach the bank must choose (ASPSP-SCA-Approach). */
  scaApproach?: string;
  /** Link names the response must carry. */
  links?: string[];
  /** Values of body fields by dotted path; a list means any of these. */
  body?: Record<string, unknown>;
  /** A tppMessages code the (error) response must carry. */
  tppMessage?: string | string[];
  /** Headers the response must carry. */
  headers?: string[];
  /** The media type of the response body (parameters ignored); a list means any of these. */
  contentType?: string | string[];
}

export interface RequestStep {
  id: string;
  request: RequestSpec;
  expect?: Expectation;
  /** name → source: body.a.b, header.location, status */
  capture?: Record<string, string>;
}

export interface ScaStep {
  id: string;
  sca: {
    /** redirect, embedded, decoupled or oauth (src/sca/drivers.ts); templated, so {{approach}} takes the cell's. */
    approach: string;
    /** The step whose response asked for the SCA: the driver follows its links. */
    from?: string;
    /** An explicit link (templated), e.g. {{scaRedirect}}. */
    link?: string;
    outcome?: 'approve' | 'reject';
  };
}

export interface PollStep {
  id: string;
  poll: {
    request: RequestSpec;
    /** Dotted body path → accepted values; polling stops when all hold. */
    until: Record<string, unknown[]>;
    /** Bound, e.g. 10s or 500ms. */
    within?: string;
    every?: string;
  };
}

/** A call of a test hook the profile declares (profile.hooks), e.g. a sandbox's clock. */
export interface HookStep {
  id: string;
  hook: {
    /** The hook's name in the profile, e.g. advance-clock. */
    name: string;
    /** Values for the {placeholders} of the hook's path (templated), e.g. { consentId: "{{consentId}}" }. */
    params?: Record<string, string>;
    /** JSON body (templated), e.g. { advanceSeconds: 172800 }. */
    body?: unknown;
  };
}

export type Step = RequestStep | ScaStep | PollStep | HookStep;

export interface Scenario {
  id: string;
  title: string;
  applies?: ScenarioApplies;
  /** Test hooks the flow calls: without them in the profile, its cells are not applicable. */
  needs?: string[];
  steps: Step[];
  /** File the scenario came from. */
  source: string;
}

/** One cell of the service × product × approach matrix a scenario runs in. */
export interface Cell {
  service?: string;
  product?: string;
  approach?: string;
}

export function cellName(cell: Cell): string {
  return [cell.service, cell.product, cell.approach].filter(Boolean).join(' / ') || 'any';
}
