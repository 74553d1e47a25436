import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundled } from '../../src/paths.js';
import { loadScenarios, parseScenario, ScenarioError } from '../../src/scenario/load.js';

describe('scenario files', () => {
  it('loads every bundled scenario', () => {
    const scenarios = loadScenarios([bundled.scenarios()]);
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
  });

  it('names file, line and field of a misspelt key', () => {
    const text = ['id: x.y', 'title: T', 'steps:', '  - id: one', '    request: { method: GET, path: /v1/accounts }', '    expct: { status: 200 }', ''].join('\n');
    const { problems } = parseScenario(text, 'scenarios/x.yaml');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'scenarios/x.yaml', line: 6, field: 'steps.0.expct' });
    expect(problems[0]!.message).toContain("did you mean 'expect'");
  });

  it('names the line of a YAML syntax error and of a wrong value', () => {
    expect(parseScenario('id: x\ntitle: [unclosed\n', 'a.yaml').problems[0]).toMatchObject({ file: 'a.yaml', line: expect.any(Number) });
    const wrong = parseScenario('id: x\ntitle: T\nsteps:\n  - id: one\n    request: { method: FETCH, path: /v1 }\n', 'b.yaml').problems;
    expect(wrong[0]).toMatchObject({ line: 5, field: 'steps.0.request.method' });
  });

  it('refuses duplicate step ids and reports all files at once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    mkdirSync(join(dir, 'g'));
    writeFileSync(join(dir, 'g', 'a.yaml'), 'id: a\ntitle: A\nsteps:\n  - { id: s, request: { method: GET, path: /v1/x } }\n  - { id: s, request: { method: GET, path: /v1/y } }\n');
    writeFileSync(join(dir, 'g', 'b.yaml'), 'id: b\ntitle: B\nsteps: []\n');
    let error: unknown;
    try {
      loadScenarios([dir], dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).message).toMatch(/g\/a\.yaml.*step id 's' is used twice/);
    expect((error as ScenarioError).message).toMatch(/g\/b\.yaml:3: steps:/);
  });
});
