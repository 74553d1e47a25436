import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readRerunSelection, type RerunSelection } from './rerun.js';
import { parseShard, type Shard } from './shard.js';
import { UsageError } from './usage.js';

export interface RunOptions {
  profile?: string;
  /** Every --profile given: more than one runs the suite against each bank (src/cli/multi-run.ts). */
  profiles: string[];
  spec?: string;
  target?: string;
  reportDir: string;
  defects: string[];
  filter?: string;
  quiet: boolean;
  shard?: Shard;
  /** Where a shard's blob goes (default REPORT_DIR/blob). */
  blobDir: string;
  rerun?: RerunSelection;
  bundle: boolean;
  /** `--timeout MS`: time limit of one exchange (default: the profile's timeouts.requestMs). */
  timeoutMs?: number;
  /** `--max-body BYTES`: largest response body kept (default: the client's 10 MiB). */
  maxBodyBytes?: number;
  /** `--seed N`: seed of the property tests (default: the profile's, else derived from its name). */
  seed?: number;
  /** `--property-runs N`: runs per property (default: the profile's, else 25). */
  propertyRuns?: number;
}

/** A property-test seed: a whole number from 0 to 2^31-1, or a UsageError. */
export function seedOption(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n > 0x7fffffff) throw new UsageError(`--seed must be a whole number from 0 to 2147483647, not '${raw}'`);
  return n;
}

/** A whole number from 1 up, or a UsageError naming the option. */
export function positiveInteger(option: string, raw: string | undefined, unit: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`${option} must be a whole number of ${unit} from 1 up, not '${raw}'`);
  return n;
}

export function targetUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--target '${raw}' is not a URL (expected e.g. https://bank.example/psd2)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--target '${raw}' must be an http or https URL`);
  return raw.replace(/\/+$/, '');
}

/** `run`'s command line, checked: every mistake is a UsageError (exit 2) naming the option. */
export function parseRunOptions(argv: string[]): RunOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        profile: { type: 'string', multiple: true, default: [] },
        spec: { type: 'string' },
        target: { type: 'string' },
        'report-dir': { type: 'string', default: 'reports' },
        defect: { type: 'string', multiple: true, default: [] },
        filter: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        shard: { type: 'string' },
        'blob-dir': { type: 'string' },
        'rerun-failed': { type: 'string' },
        bundle: { type: 'boolean', default: false },
        timeout: { type: 'string' },
        'max-body': { type: 'string' },
        seed: { type: 'string' },
        'property-runs': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values['blob-dir'] !== undefined && values.shard === undefined) throw new UsageError('--blob-dir goes with --shard i/n');
  if (values.filter !== undefined) {
    try {
      new RegExp(values.filter);
    } catch {
      throw new UsageError(`--filter '${values.filter}' is not a regular expression`);
    }
  }
  const reportDir = resolve(values['report-dir']);
  const timeoutMs = positiveInteger('--timeout', values.timeout, 'milliseconds');
  const maxBodyBytes = positiveInteger('--max-body', values['max-body'], 'bytes');
  const seed = seedOption(values.seed);
  const propertyRuns = positiveInteger('--property-runs', values['property-runs'], 'runs');
  return {
    ...(values.profile.length > 0 ? { profile: values.profile[0]! } : {}),
    profiles: values.profile,
    ...(values.spec !== undefined ? { spec: values.spec } : {}),
    ...(values.target !== undefined ? { target: values.target } : {}),
    reportDir,
    defects: values.defect,
    ...(values.filter !== undefined ? { filter: values.filter } : {}),
    quiet: values.quiet || process.env['CI'] === 'true',
    ...(values.shard !== undefined ? { shard: parseShard(values.shard) } : {}),
    blobDir: resolve(values['blob-dir'] ?? `${reportDir}/blob`),
    ...(values['rerun-failed'] !== undefined ? { rerun: readRerunSelection(values['rerun-failed']) } : {}),
    bundle: values.bundle,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(maxBodyBytes !== undefined ? { maxBodyBytes } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(propertyRuns !== undefined ? { propertyRuns } : {}),
  };
}
