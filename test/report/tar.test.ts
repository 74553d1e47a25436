import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tarGz } from '../../src/report/tar.js';

describe('the ustar writer', () => {
  it('writes archives that tar unpacks byte for byte, long paths included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tar-'));
    const long = `b/${'x'.repeat(90)}/${'y'.repeat(60)}.txt`;
    const binary = Buffer.from(Array.from({ length: 1500 }, (_, i) => i % 256));
    writeFileSync(
      join(dir, 'a.tar.gz'),
      tarGz([
        { name: 'b/' },
        { name: 'b/empty.txt', content: Buffer.alloc(0) },
        { name: 'b/report.json', content: Buffer.from('{"ü":"€"}\n') },
        { name: 'b/data.bin', content: binary },
        { name: long, content: Buffer.from('deep') },
      ]),
    );
    const out = join(dir, 'out');
    execFileSync('mkdir', ['-p', out]);
    execFileSync('tar', ['-xzf', join(dir, 'a.tar.gz'), '-C', out]);
    expect(readFileSync(join(out, 'b/report.json'), 'utf8')).toBe('{"ü":"€"}\n');
    expect(readFileSync(join(out, 'b/data.bin')).equals(binary)).toBe(true);
    expect(readFileSync(join(out, 'b/empty.txt')).length).toBe(0);
    expect(readFileSync(join(out, long), 'utf8')).toBe('deep');
    expect(execFileSync('tar', ['-tzf', join(dir, 'a.tar.gz')]).toString().trim().split('\n')).toEqual(['b/', 'b/empty.txt', 'b/report.json', 'b/data.bin', long]);
  });
});
