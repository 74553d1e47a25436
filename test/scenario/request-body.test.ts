import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unmetExpectations } from '../../src/scenario/expect.js';
import { fixtureFor, loadFixtures } from '../../src/scenario/fixtures.js';
import { parseScenario } from '../../src/scenario/load.js';
import { BodyError, encodeBody } from '../../src/scenario/request-body.js';
import { parseMultipart } from '../../src/sandbox/multipart.js';
import { resolveHref } from '../../src/scenario/href.js';

describe('request bodies of scenarios', () => {
  it('sends plain values as JSON', () => {
    expect(encodeBody({ access: { allPsd2: 'allAccounts' } })).toEqual({ text: '{"access":{"allPsd2":"allAccounts"}}', contentType: 'application/json' });
    expect(encodeBody({})).toEqual({ text: '{}', contentType: 'application/json' });
  });

  it('sends { $xml } as application/xml', () => {
    expect(encodeBody({ $xml: '<Document/>' })).toEqual({ text: '<Document/>', contentType: 'application/xml' });
  });

  it('sends { $multipart } as multipart/form-data whose parts the bank can read back', () => {
    const body = encodeBody({ $multipart: { xml_sct: { $xml: '<Document/>' }, json_standingorderType: { frequency: 'Monthly' } } });
    expect(body.contentType).toMatch(/^multipart\/form-data; boundary=xs2a-conformance-[0-9a-f]+$/);
    expect(parseMultipart(body.text, body.contentType)).toEqual([
      { name: 'xml_sct', contentType: 'application/xml', body: '<Document/>' },
      { name: 'json_standingorderType', contentType: 'application/json', body: '{"frequency":"Monthly"}' },
    ]);
  });

  it('refuses an unknown or mixed typed body', () => {
    expect(() => encodeBody({ $yaml: 'x' })).toThrow(BodyError);
    expect(() => encodeBody({ $multipart: { a: 1 }, extra: true })).toThrow(/no other keys/);
    expect(() => encodeBody({ $multipart: {} })).toThrow(/named parts/);
  });
});

describe('fixtures', () => {
  it('merges the files of the folder by fixture and service; the most specific entry wins; merge keys work', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixtures-'));
    writeFileSync(join(dir, 'a.yaml'), 'payment:\n  payments:\n    default: &d { amount: "1.00" }\n    sepa-credit-transfers: { <<: *d, currency: EUR }\n');
    writeFileSync(join(dir, 'b.yaml'), 'payment:\n  payments:\n    pain.001-sepa-credit-transfers: { $xml: "<Document/>" }\nconsent:\n  default: { access: {} }\n');
    const fixtures = loadFixtures(dir);
    expect(fixtureFor(fixtures, 'payment', { service: 'payments', product: 'sepa-credit-transfers' })).toEqual({ amount: '1.00', currency: 'EUR' });
    expect(fixtureFor(fixtures, 'payment', { service: 'payments', product: 'pain.001-sepa-credit-transfers' })).toEqual({ $xml: '<Document/>' });
    expect(fixtureFor(fixtures, 'payment', { service: 'payments', product: 'target-2-payments' })).toEqual({ amount: '1.00' });
    expect(fixtureFor(fixtures, 'consent', {})).toEqual({ access: {} });
  });
});

describe('requests and expectations of the scenario format', () => {
  const scenario = (request: string) => parseScenario(`id: x\ntitle: T\nsteps:\n  - id: one\n    request: ${request}\n`, 'x.yaml').problems;

  it('takes a path or an href, not both and not neither', () => {
    expect(scenario('{ method: GET, path: /v1/accounts }')).toEqual([]);
    expect(scenario('{ method: GET, href: "{{next}}" }')).toEqual([]);
    expect(scenario('{ method: GET }')[0]).toMatchObject({ field: 'steps.0.request', message: expect.stringContaining('not neither') });
    expect(scenario('{ method: GET, path: /v1/a, href: "{{next}}" }')[0]).toMatchObject({ message: expect.stringContaining('not both') });
    expect(scenario('{ method: POST, path: /v1/a, body: {}, bodyXml: "<a/>" }').length).toBeGreaterThan(0);
  });

  it('expects a content type by media type, parameters ignored', () => {
    const xml = { status: 200, headers: { 'content-type': 'application/xml; charset=utf-8' }, body: '<Document/>' };
    expect(unmetExpectations({ contentType: 'application/xml' }, xml)).toEqual([]);
    expect(unmetExpectations({ contentType: ['text/plain', 'application/json'] }, xml)).toEqual(['expected Content-Type text/plain or application/json, got application/xml']);
  });
});

describe('following links', () => {
  it('takes absolute hrefs as they are and resolves paths below the target base', () => {
    expect(resolveHref('https://bank.example/psd2', 'https://other.example/v1/x?a=1').toString()).toBe('https://other.example/v1/x?a=1');
    expect(resolveHref('https://bank.example/psd2', '/v1/accounts/a1/transactions?pageIndex=2').toString()).toBe('https://bank.example/psd2/v1/accounts/a1/transactions?pageIndex=2');
    expect(resolveHref('https://bank.example/psd2/', '/psd2/v1/accounts').toString()).toBe('https://bank.example/psd2/v1/accounts');
    expect(resolveHref('http://127.0.0.1:8080', '/v1/consents/c1').toString()).toBe('http://127.0.0.1:8080/v1/consents/c1');
    expect(resolveHref('https://bank.example/psd2', 'v1/consents/c1').toString()).toBe('https://bank.example/psd2/v1/consents/c1');
  });
});
