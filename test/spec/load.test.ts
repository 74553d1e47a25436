import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSpec, loadSpecFromText, SpecError } from '../../src/spec/index.js';
import { BG_1_3_12, PIIS_2_0, official, officialFiles } from './official-files.js';

const fixtures = mkdtempSync(join(tmpdir(), 'spec-load-'));
afterAll(() => rmSync(fixtures, { recursive: true, force: true }));
function fixture(name: string, text: string): string {
  const file = join(fixtures, name);
  writeFileSync(file, text);
  return file;
}

async function specErrorOf(load: Promise<unknown>): Promise<SpecError> {
  const error = await load.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SpecError);
  const specError = error as SpecError;
  expect(specError.message.split('\n').length).toBeLessThanOrEqual(2);
  return specError;
}

const minimal = (paths: string): string => `openapi: 3.0.1\ninfo: { title: t, version: '1' }\npaths:\n${paths}`;

describe('loadSpec', () => {
  it.each(officialFiles)('loads the official %s', async (name) => {
    const spec = await loadSpec(official(name));
    expect(spec.operations.length).toBeGreaterThan(0);
    expect(spec.source).toBe(official(name));
    expect(spec.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('indexes the 38 operations of 1.3.12 with their title and version', async () => {
    const spec = await loadSpec(BG_1_3_12);
    expect(spec.operations).toHaveLength(38);
    expect(spec.title).toBe('NextGenPSD2 XS2A Framework');
    expect(spec.version).toBe('1.3.12_2022-07-01');
    expect(spec.warnings).toEqual([]);
  });

  it('loads PIIS 2.0 although its operationIds collide with the AIS ones, tolerating its dangling $ref', async () => {
    const spec = await loadSpec(PIIS_2_0);
    expect(spec.operations).toHaveLength(8);
    expect(spec.operations.map((o) => o.operationId)).toContain('startConsentAuthorisation');
    expect(spec.warnings).toEqual([expect.stringContaining('#/components/schemas/tppMessageGeneric')]);
  });

  it('tolerates the 1.3.4 schema whose type is not a JSON type', async () => {
    const spec = await loadSpec(official('psd2-api-1.3.4-2019-07-17.yaml'));
    expect(spec.warnings).toEqual([expect.stringContaining('type "standingOrderDetails" is not a JSON type')]);
  });

  it('returns the same Spec for the same text', async () => {
    const text = minimal("  /a:\n    get:\n      responses: { '200': { description: ok } }\n");
    const first = await loadSpec(fixture('same-a.yaml', text));
    expect(await loadSpec(fixture('same-b.yaml', text))).toBe(first);
    expect(await loadSpecFromText(`${text}\n`, 'other')).not.toBe(first);
  });

  it('reads JSON documents too', async () => {
    const doc = { openapi: '3.0.3', info: { title: 'j', version: '2' }, paths: { '/x': { get: { responses: { '204': { description: 'none' } } } } } };
    const spec = await loadSpecFromText(JSON.stringify(doc), 'doc.json');
    expect(spec.operations.map((o) => `${o.method} ${o.pathTemplate} ${o.operationId}`)).toEqual(['GET /x GET /x']);
  });
});

describe('loadSpec refuses what it cannot use, naming the file', () => {
  it('a file that is not YAML, with its line', async () => {
    const file = fixture('broken.yaml', 'openapi: 3.0.1\ninfo:\n  title: x\n   version: 1\npaths: [\n');
    const error = await specErrorOf(loadSpec(file));
    expect(error.file).toBe(file);
    expect(error.position).toEqual({ line: 3, column: 10 });
    expect(error.message).toBe(`${file}:3:10: not valid YAML or JSON: Nested mappings are not allowed in compact mappings`);
  });

  it('YAML that is not OpenAPI', async () => {
    const file = fixture('profile.yaml', 'name: my bank\nbaseUrl: https://bank.example\n');
    const error = await specErrorOf(loadSpec(file));
    expect(error.file).toBe(file);
    expect(error.message).toBe(`${file}: not an OpenAPI 3 document: it has no \`openapi: 3.x\` field`);
  });

  it('a Swagger 2.0 document', async () => {
    const error = await specErrorOf(loadSpecFromText('swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\n', 'old.yaml'));
    expect(error.message).toBe('old.yaml: is Swagger 2.0; convert it to OpenAPI 3.0 first');
  });

  it('an OpenAPI document that breaks the OpenAPI schema, saying where', async () => {
    const file = fixture('invalid.yaml', minimal('  /a:\n    get:\n      responses: {}\n'));
    const error = await specErrorOf(loadSpec(file));
    expect(error.message).toBe(`${file}: not a valid OpenAPI document: #/paths/~1a/get/responses must NOT have fewer than 1 properties`);
  });

  it('a component schema that breaks the OpenAPI schema, where it is written', async () => {
    const text = `${minimal("  /a:\n    get:\n      responses: { '200': { description: ok } }\n")}components:\n  schemas:\n    amount: { type: object, required: amount }\n`;
    const error = await specErrorOf(loadSpecFromText(text, 'schema.yaml'));
    expect(error.message).toBe('schema.yaml: not a valid OpenAPI document: #/components/schemas/amount/required must be array');
  });

  it('a $ref to a parameter that does not exist', async () => {
    const text = minimal("  /a:\n    get:\n      parameters: [ { $ref: '#/components/parameters/Nope' } ]\n      responses: { '200': { description: ok } }\n");
    const error = await specErrorOf(loadSpecFromText(text, 'dangling.yaml'));
    expect(error.message).toBe('dangling.yaml: $ref "#/components/parameters/Nope" at #/paths/~1a/get/parameters/0 points to nothing');
  });

  it('a $ref into another file', async () => {
    const text = minimal("  /a:\n    get:\n      responses: { '200': { $ref: 'common.yaml#/responses/Ok' } }\n");
    const error = await specErrorOf(loadSpecFromText(text, 'split.yaml'));
    expect(error.message).toContain('points outside the document');
  });

  it('a file that does not exist', async () => {
    const file = join(fixtures, 'missing.yaml');
    const error = await specErrorOf(loadSpec(file));
    expect(error.message).toBe(`${file}: cannot read the OpenAPI document (ENOENT)`);
  });
});
