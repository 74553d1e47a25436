import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { compareSpecs } from '../../src/lint/compare.js';
import { readOpenApi } from '../../src/lint/openapi-doc.js';
import { bundled, packageRoot } from '../../src/paths.js';
import { cli } from '../cli/cli-harness.js';

const OFFICIAL = '/work/shared/specs/berlin-group/psd2-api-1.3.12-2022-07-06.yaml';
const core = () => readOpenApi(bundled.spec());
type Json = Record<string, any>;

/** The core with one change, as a bank's own file. */
function variant(change: (doc: Json) => void): string {
  const doc = parse(readFileSync(bundled.spec(), 'utf8'), { maxAliasCount: -1 }) as Json;
  change(doc);
  const file = join(mkdtempSync(join(tmpdir(), 'xs2a-lint-')), 'bank.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}

describe('lint: a bank OpenAPI against the NextGenPSD2 core', () => {
  it('the core against itself, and the official 1.3.12 file against the core, deviate in nothing', () => {
    expect(compareSpecs(core(), core())).toEqual([]);
    expect(compareSpecs(readOpenApi(OFFICIAL), core())).toEqual([]);
  });

  it('the bank variant: its payment-product enum and its catalogue endpoints', () => {
    const found = compareSpecs(readOpenApi(join(packageRoot(), 'specs', 'bank-variant', 'openapi.yaml')), core());
    expect(found.filter((d) => d.kind === 'operation-added').map((d) => d.operation)).toEqual(['GET /v1/products', 'GET /v1/products/{productId}', 'GET /v1/deposits', 'GET /v1/loans']);
    const initiate = found.find((d) => d.kind === 'enum-changed' && d.operationId === 'initiatePayment')!;
    expect(initiate.message).toMatch(/^payment-product: adds aspsp, domestic, foreign; lacks sepa-credit-transfers/);
    expect(new Set(found.map((d) => d.kind))).toEqual(new Set(['enum-changed', 'operation-added']));
  });

  it('a misspelt field is reported as a likely rename, with changed required lists, statuses and a missing operation', () => {
    const file = variant((doc) => {
      const body = doc.components.schemas['consents'];
      body.properties.frequencyPerDy = body.properties.frequencyPerDay;
      delete body.properties.frequencyPerDay;
      body.required = body.required.filter((r: string) => r !== 'frequencyPerDay' && r !== 'validUntil');
      body.required.push('combinedServiceIndicator');
      delete doc.paths['/v1/consents/{consentId}'].delete;
      doc.paths['/v1/consents'].post.responses['202'] = { description: 'accepted later' };
      delete doc.paths['/v1/consents'].post.responses['429'];
    });
    const found = compareSpecs(readOpenApi(file), core()).map((d) => `${d.kind} ${d.operation} ${d.where ?? ''}: ${d.message}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'field-renamed POST /v1/consents request body: frequencyPerDay is frequencyPerDy here: a likely rename or misspelling',
        'required-changed POST /v1/consents request body: makes validUntil optional (required in the core)',
        'status-added POST /v1/consents response 202: answers 202, which the core does not declare',
        'status-removed POST /v1/consents response 429: does not declare 429, which the core does',
        'operation-missing DELETE /v1/consents/{consentId} : the core operation is missing',
      ]),
    );
  });

  it('CLI: exit 1 with the deviations (text or json), 0 without, 2 for a broken file naming it', async () => {
    const bank = await cli(['lint', join(packageRoot(), 'specs', 'bank-variant', 'openapi.yaml'), '--format', 'json']);
    expect(bank.code).toBe(1);
    expect(JSON.parse(bank.stdout).deviations.length).toBeGreaterThan(4);
    // As text, the product enum every payment path shares is listed once, with the operations it is on.
    const text = await cli(['lint', join(packageRoot(), 'specs', 'bank-variant', 'openapi.yaml')]);
    expect(text.code).toBe(1);
    expect(text.stdout.match(/enum-changed/g)).toHaveLength(1);
    expect(text.stdout).toContain('on 12 operations:');
    expect(text.stdout).toMatch(/on 4 operations:\n  operation-added .*\n    GET \/v1\/products \(getProducts\)/);
    const official = await cli(['lint', OFFICIAL, '--core', bundled.spec()]);
    expect([official.code, official.stdout]).toEqual([0, `${OFFICIAL}: no deviation from ${bundled.spec()}\n`]);
    const broken = join(mkdtempSync(join(tmpdir(), 'xs2a-lint-')), 'broken.yaml');
    writeFileSync(broken, 'openapi: 3.0.3\npaths: [\n');
    const bad = await cli(['lint', broken]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${broken}: not valid YAML or JSON`);
    expect((await cli(['lint', '/nonexistent/spec.yaml'])).stderr).toContain('/nonexistent/spec.yaml: cannot read it (ENOENT)');
  });
});
