/**
 * `xs2a-conformance property NAME --seed N --path P`: rerun one property, outside vitest, against
 * the same target (the bundled bank with the same defects, or --target), and print whether it
 * holds. With the seed and fast-check path of a report's finding it replays that counterexample.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHECKS, Observations } from '../checks/index.js';
import { bundled } from '../paths.js';
import { loadProfile } from '../profile/load.js';
import { propertiesFor } from '../properties/properties.js';
import { replayCommand } from '../properties/replay.js';
import { DEFAULT_PROPERTY_RUNS, defaultSeed, runPropertySuite } from '../properties/run.js';
import { ROLE_CLIENTS, startBundledBank, type BundledBank } from '../run/bundled-bank.js';
import { clientFor, roleClientsFor } from '../run/client-for.js';
import { Session } from '../run/session.js';
import { DEFECTS } from '../sandbox/index.js';
import { loadSpec } from '../spec/index.js';
import { positiveInteger, seedOption, targetUrl } from './run-options.js';
import { UsageError } from './usage.js';

/** The options that name the target (all but the property, --seed and --path), for the replay command. */
function targetArgs(argv: string[], name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--seed' || a === '--path') i++;
    else if (!a.startsWith('--seed=') && !a.startsWith('--path=') && a !== name) out.push(a);
  }
  return out;
}

export async function propertyCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        seed: { type: 'string' },
        path: { type: 'string' },
        'property-runs': { type: 'string' },
        target: { type: 'string' },
        defect: { type: 'string', multiple: true, default: [] },
        profile: { type: 'string' },
        spec: { type: 'string' },
        timeout: { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const profile = loadProfile(values.profile ?? bundled.profile());
  const signing = Boolean(profile.signing ?? profile.sandboxIdentity?.signing);
  const roleNames: Record<string, string[]> = profile.sandboxIdentity?.tls && !values.target ? { ...ROLE_CLIENTS } : {};
  const names = propertiesFor({ profile, signing, roleClients: roleNames }).map((p) => p.name);
  if (positionals.length !== 1) throw new UsageError(`property needs one property name; known: ${names.join(', ')}`);
  const name = positionals[0]!;
  if (!names.includes(name)) throw new UsageError(`unknown property '${name}'; known: ${names.join(', ')}`);
  if (values.path !== undefined && !/^\d+(:\d+)*$/.test(values.path)) throw new UsageError(`--path must be a fast-check path such as 0:1:3, not '${values.path}'`);
  const seed = seedOption(values.seed) ?? profile.properties.seed ?? defaultSeed(profile.name);
  const numRuns = positiveInteger('--property-runs', values['property-runs'], 'runs') ?? profile.properties.runs ?? DEFAULT_PROPERTY_RUNS;
  const timeoutMs = positiveInteger('--timeout', values.timeout, 'milliseconds');
  const unknown = values.defect.filter((d) => !(d in DEFECTS));
  if (unknown.length) throw new UsageError(`unknown defect ${unknown.join(', ')}`);
  const given = values.target ?? profile.baseUrl;
  if (given && values.defect.length) throw new UsageError('defects switch the bundled reference bank; they do not apply with a --target or a profile baseUrl');
  const spec = await loadSpec(resolve(values.spec ?? profile.spec ?? bundled.spec()));

  let bank: BundledBank | undefined;
  if (!given) bank = await startBundledBank(profile, [...new Set([...profile.defects, ...values.defect])]);
  const target = given ? targetUrl(given) : bank!.bank.url;
  const run = { ...(timeoutMs !== undefined ? { timeoutMs } : {}), ...(bank?.identity ? { identity: bank.identity } : {}) };
  const client = clientFor(run, profile);
  const roleClients = bank?.identity?.roleClients ? roleClientsFor(run, profile) : {};
  const print = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const observations = new Observations();
    const [result] = await runPropertySuite({
      session: (c) => new Session(target, spec, profile, c ?? client, CHECKS, observations),
      seed,
      numRuns,
      only: [name],
      ...(values.path !== undefined ? { path: values.path } : {}),
      roleClients,
      tolerated: profile.properties.tolerated,
      replayCommand: (p, s, path) => replayCommand(p, s, path, targetArgs(argv, name)),
    });
    const r = result!;
    if (r.state === 'not-applicable') {
      print(`${name}: not applicable: ${r.notApplicable}`);
      return 0;
    }
    const failing = r.findings.filter((f) => f.level === 'MUST' && !f.accepted);
    if (!failing.length) {
      print(`✓ ${name} holds (seed ${seed}${values.path !== undefined ? `, path ${values.path}` : `, ${r.runs} runs`})`);
      return 0;
    }
    print(`✗ ${name} fails (seed ${seed}, path ${r.path ?? values.path ?? '-'})`);
    if (r.counterexample) print(`  counterexample: ${r.counterexample.label} → ${r.counterexample.status ?? 'no answer'}`);
    for (const f of failing) print(`  ${f.check}: ${f.message}`);
    return 1;
  } finally {
    await Promise.all([client.close(), ...Object.values(roleClients).map((c) => c.client.close())]);
    await bank?.close();
  }
}
