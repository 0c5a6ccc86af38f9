import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // Server processes run the bundle `npm run server` runs, built from this checkout.
    globalSetup: ['test/fixtures/serverBundle.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
