import { describe, expect, it } from 'vitest';
import { parseRunOptions } from '../../src/cli/run-options.js';
import { UsageError } from '../../src/cli/usage.js';

describe('run options: time limit and body-size cap', () => {
  it('reads --timeout MS and --max-body BYTES; absent, the profile and the client decide', () => {
    expect(parseRunOptions(['--timeout', '500', '--max-body', '1000000'])).toMatchObject({ timeoutMs: 500, maxBodyBytes: 1_000_000 });
    const defaults = parseRunOptions([]);
    expect(defaults.timeoutMs).toBeUndefined();
    expect(defaults.maxBodyBytes).toBeUndefined();
  });

  it.each([
    ['--timeout', '0'],
    ['--timeout', '-5'],
    ['--timeout', '1.5'],
    ['--timeout', '10s'],
    ['--max-body', 'lots'],
    ['--max-body', '0'],
  ])('refuses %s %s with one line naming the option', (option, value) => {
    expect(() => parseRunOptions([`${option}=${value}`])).toThrow(UsageError);
    expect(() => parseRunOptions([`${option}=${value}`])).toThrow(new RegExp(`^${option} must be a whole number of (milliseconds|bytes) from 1 up, not '${value.replace('.', '\\.')}'$`));
  });
});
