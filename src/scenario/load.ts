import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatProblem, parseValidatedYaml, type YamlProblem } from '../yaml/validated-yaml.js';
import schema from './scenario.schema.json' with { type: 'json' };
import type { Scenario } from './types.js';

/** Scenario files that cannot be run; the message names file, line and reason. */
export class ScenarioError extends Error {
  constructor(readonly problems: YamlProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
  }
}

/** Every *.yaml below a folder, except the fixtures folder, in a stable order. */
export function scenarioFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'fixtures') out.push(...scenarioFiles(path));
    } else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

/** Parse and validate one scenario file. */
export function parseScenario(text: string, file: string): { scenario?: Scenario; problems: YamlProblem[] } {
  const { value, problems } = parseValidatedYaml<Omit<Scenario, 'source'>>(text, file, schema);
  if (!value) return { problems };
  const seen = new Set<string>();
  const needs = new Set(value.needs ?? []);
  value.steps.forEach((step, i) => {
    if (seen.has(step.id)) problems.push({ file, message: `step id '${step.id}' is used twice`, field: 'steps' });
    seen.add(step.id);
    if ('hook' in step && !needs.has(step.hook.name)) {
      problems.push({ file, field: `steps.${i}.hook.name`, message: `the hook '${step.hook.name}' is not named in the scenario's needs (needs: [${[...needs, step.hook.name].join(', ')}])` });
    }
    const [request, field] = 'request' in step ? [step.request, `steps.${i}.request`] : 'poll' in step ? [step.poll.request, `steps.${i}.poll.request`] : [];
    if (request && (request.path === undefined) === (request.href === undefined)) {
      problems.push({ file, field: field!, message: `a request names either path (below the target) or href (a link the bank gave), ${request.path === undefined ? 'not neither' : 'not both'}` });
    }
  });
  return problems.length ? { problems } : { scenario: { ...value, source: file }, problems };
}

/** Load every scenario below the given folders; all problems of all files are reported at once. */
export function loadScenarios(dirs: string[], cwd = process.cwd()): Scenario[] {
  const scenarios: Scenario[] = [];
  const problems: YamlProblem[] = [];
  const ids = new Map<string, string>();
  for (const dir of dirs) {
    for (const path of scenarioFiles(dir)) {
      const shown = relative(cwd, path) || path;
      const parsed = parseScenario(readFileSync(path, 'utf8'), shown);
      problems.push(...parsed.problems);
      if (!parsed.scenario) continue;
      const other = ids.get(parsed.scenario.id);
      if (other) problems.push({ file: shown, field: 'id', message: `scenario id '${parsed.scenario.id}' is also used by ${other}` });
      ids.set(parsed.scenario.id, shown);
      scenarios.push(parsed.scenario);
    }
  }
  if (problems.length) throw new ScenarioError(problems);
  return scenarios;
}
