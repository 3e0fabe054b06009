import { defineConfig } from 'vitest/config';

/* The end-to-end test runs in Node and drives headless Chromium through playwright. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
