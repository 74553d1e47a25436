/** What the CLI hands to the vitest workers (provide/inject): plain JSON. */
export interface RunConfig {
  /** Base URL of the target; absent: the global setup starts the bundled reference bank. */
  baseUrl?: string;
  profilePath: string;
  specPath: string;
  /** Folder holding the scenario groups and fixtures/. */
  scenarioRoot: string;
  /** Defects of the bundled bank (used only when it is started here). */
  defects: string[];
  /** The bundled bank's emulation mode (the profile's sandbox.mode); default standard. */
  mode?: string;
  /** Only these test keys (src/run/plan.ts) run: `--rerun-failed`. Absent: every test case. */
  selection?: string[];
  /** Record scenario steps and exchanges for Allure (allure-vitest's reporter is on). */
  allure?: boolean;
  /** Time limit of one exchange in ms (`--timeout`); absent: the profile's timeouts.requestMs. */
  timeoutMs?: number;
  /** Largest response body kept, in bytes (`--max-body`); absent: the client's default. */
  maxBodyBytes?: number;
  /** Seed of the property tests (`--seed`); absent: the profile's, else one derived from its name. */
  seed?: number;
  /** Runs per property (`--property-runs`); absent: the profile's, else the default. */
  propertyRuns?: number;
  /** The options a replay command repeats to reach the same target: `--target URL`, or `--defect D`, `--profile`, `--spec`. */
  replayArgs?: string[];
  /** A TPP identity generated at run start (PEM files); it replaces the profile's tls and signing. */
  identity?: IdentityFiles;
}

/** PEM files of a generated TPP identity (src/certs). */
export interface IdentityFiles {
  /** The QWAC the client presents, and the CA that issued the bank's server certificate. */
  tls?: { cert: string; key: string; ca: string };
  /** The QSealC requests are signed with. */
  signing?: { certificate: string; key: string };
  /** QWACs lacking roles, for the role properties: name → files and the roles they hold. */
  roleClients?: Record<string, { cert: string; key: string; roles: string[] }>;
}

declare module 'vitest' {
  interface ProvidedContext {
    xs2aRun: RunConfig;
    /** The base URL the suites send to, set by the CLI or the global setup. */
    xs2aTarget: string;
  }
}
