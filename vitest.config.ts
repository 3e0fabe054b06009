import { defineConfig } from 'vitest/config';

/*
 * Shared by every package's vitest.config.ts. Tests run from source through the
 * `@tensorkit/source` export condition, set for client and server resolution alike.
 */
export default defineConfig({
  resolve: { conditions: ['@tensorkit/source'] },
  ssr: { resolve: { conditions: ['@tensorkit/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Experiment and training fixtures run in beforeAll; under a loaded 2-core CI they need more than the 10 s default.
    hookTimeout: 120_000,
    pool: 'threads',
  },
});
