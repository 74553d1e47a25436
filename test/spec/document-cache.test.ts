import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { entryFor, readCachedDocument, writeCachedDocument } from '../../src/spec/document-cache.js';

const written: string[] = [];
afterAll(() => {
  for (const hash of written) rmSync(entryFor(hash), { force: true });
});

describe('the disk cache of loaded documents', () => {
  it('gives back what was written, by hash', () => {
    const hash = randomUUID();
    written.push(hash);
    expect(readCachedDocument(hash)).toBeUndefined();
    const doc = { raw: { openapi: '3.0.3', paths: {} }, dereferenced: { openapi: '3.0.3', paths: { '/v1/x': {} } }, warnings: ['w'] };
    writeCachedDocument(hash, doc);
    expect(readCachedDocument(hash)).toEqual(doc);
    expect(readCachedDocument(randomUUID())).toBeUndefined();
  });

  it('ignores what it cannot store, never throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const hash = randomUUID();
    expect(() => writeCachedDocument(hash, { raw: cyclic, dereferenced: {}, warnings: [] })).not.toThrow();
    expect(readCachedDocument(hash)).toBeUndefined();
  });
});
