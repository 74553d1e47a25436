import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two test files at a time even on a 2-core machine: the detection matrix runs in-process on one
    // core while the CLI tests, which mostly wait on child processes, take turns on the other.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The conformance suites against the bundled reference bank (or XS2A_TARGET's provide):
        // the CLI builds the same configuration programmatically.
        test: {
          name: 'conformance',
          include: ['suites/**/*.test.ts'],
          globalSetup: ['src/run/global-setup.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
