import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/support/setup.ts'],
    // Runner-contract and database tests spawn real processes, and CI runs on two shared cores: these
    // limits only stop a hung test, they never judge speed (speed is measured in `npm run bench`).
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    reporters: ['default', 'junit', './tests/support/summary-reporter.ts'],
    // Reports where `npx shipkit test` looks for them, so shipkit can gate its own suite.
    outputFile: { junit: 'reports/junit.xml' },
    coverage: {
      enabled: true,
      provider: 'v8',
      include: ['src/**'],
      reporter: ['text-summary', 'lcovonly'],
      reportsDirectory: 'coverage',
    },
  },
});
