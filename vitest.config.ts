import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
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
