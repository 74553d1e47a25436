import { createHash, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyValidators } from '../../src/spec/body-validators.js';
import { indexOperations } from '../../src/spec/operations.js';
import { validatorEntryFor, validatorKey } from '../../src/spec/validator-cache.js';

// The cache lives under os.tmpdir(): point it at a folder of this file's own.
const previousTmp = process.env['TMPDIR'];
const scratch = mkdtempSync(join(tmpdir(), 'validator-cache-'));
beforeAll(() => {
  process.env['TMPDIR'] = scratch;
});
afterAll(() => {
  if (previousTmp === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = previousTmp;
  rmSync(scratch, { recursive: true, force: true });
});

/** A document whose bodies use a shared component, a format, a custom format, an enum and an uncompilable pattern. */
const document = (): Record<string, unknown> => ({
  openapi: '3.0.1',
  info: { title: 't', version: '1' },
  paths: {
    '/v1/things': {
      get: {
        operationId: 'getThing',
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/thing' } } } },
          '400': { description: 'no', content: { 'application/json': { schema: { type: 'string', pattern: '(' } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      status: { type: 'string', enum: ['RCVD', 'ACSC'] },
      thing: {
        type: 'object',
        required: ['status'],
        properties: {
          status: { $ref: '#/components/schemas/status' },
          bookingDate: { type: 'string', format: 'date' },
          href: { type: 'string', format: 'url' },
          note: { type: 'string', nullable: true, maxLength: 3 },
        },
      },
    },
  },
});

function validatorsOf(hash: string) {
  const raw = document();
  const operations = indexOperations(raw);
  const bodies = bodyValidators(raw, operations, 'things.yaml', hash);
  const op = operations[0]!;
  return { bodies, check: (body: unknown) => bodies.response(op, '200', 'application/json', body), broken: () => bodies.response(op, '400', 'application/json', 'x') };
}

const bodies: unknown[] = [
  { status: 'RCVD', bookingDate: '2024-02-29', href: '/v1/things/1', note: null },
  { status: 'NOPE', bookingDate: '2023-02-29', href: 'not a url', note: 'long' },
  { bookingDate: 7 },
  'not an object',
];

describe('the disk cache of compiled body validators', () => {
  it('compiles on a miss, then loads the same validators from disk, with the same verdicts', () => {
    const hash = randomUUID();
    const cold = validatorsOf(hash);
    expect(cold.bodies.origin).toBe('compiled');
    expect(existsSync(validatorEntryFor(validatorKey(hash)))).toBe(true);
    const warm = validatorsOf(hash);
    expect(warm.bodies.origin).toBe('cache');
    for (const body of bodies) expect(warm.check(body)).toEqual(cold.check(body));
    expect(warm.check(bodies[0])).toEqual([]);
    expect((warm.check(bodies[1]) ?? []).map((e) => e.keyword).sort()).toEqual(['enum', 'format', 'format', 'maxLength']);
  });

  it('keys the entry by the document: another hash is a miss', () => {
    validatorsOf(randomUUID());
    expect(validatorsOf(randomUUID()).bodies.origin).toBe('compiled');
  });

  it('still names a schema that cannot be compiled when the body that needs it comes, cached or not', () => {
    const hash = randomUUID();
    expect(validatorsOf(hash).broken).toThrow(/^things\.yaml: cannot compile the schema of the 400 application\/json response of getThing: /);
    expect(validatorsOf(hash).bodies.origin).toBe('cache');
    expect(validatorsOf(hash).broken).toThrow(/^things\.yaml: cannot compile the schema of the 400 application\/json response of getThing: /);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['altered', (text: string) => text.replace('"RCVD"', '"XXXX"')],
    ['empty', () => ''],
    ['not code, with a matching digest', () => withDigest('this is { not javascript')],
    ['code that throws, with a matching digest', () => withDigest('throw new Error("boom")')],
    ['code exporting something else, with a matching digest', () => withDigest('exports.s0 = 42;')],
  ])('falls back to compiling when the entry is %s, and rewrites it', (_name, corrupt) => {
    const hash = randomUUID();
    const reference = validatorsOf(hash);
    const entry = validatorEntryFor(validatorKey(hash));
    writeFileSync(entry, corrupt(readFileSync(entry, 'utf8')));
    const recovered = validatorsOf(hash);
    expect(recovered.bodies.origin).toBe('compiled');
    for (const body of bodies) expect(recovered.check(body)).toEqual(reference.check(body));
    expect(validatorsOf(hash).bodies.origin).toBe('cache');
  });

  it.runIf(process.getuid !== undefined)('ignores an entry that others may write', () => {
    const hash = randomUUID();
    validatorsOf(hash);
    chmodSync(validatorEntryFor(validatorKey(hash)), 0o666);
    expect(validatorsOf(hash).bodies.origin).toBe('compiled');
  });

  it('compiles lazily, without touching the disk, when no document hash is given', () => {
    const raw = document();
    const operations = indexOperations(raw);
    const bodies = bodyValidators(raw, operations, 'things.yaml');
    expect(bodies.origin).toBe('lazy');
    expect(bodies.response(operations[0]!, '200', 'application/json', { status: 'ACSC' })).toEqual([]);
  });
});

/** An entry whose digest line matches its (bad) code. */
function withDigest(code: string): string {
  return `// sha256 ${createHash('sha256').update(code).digest('hex')}\n${code}`;
}
