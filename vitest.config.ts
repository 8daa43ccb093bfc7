import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests start node processes and model tests run whole simulations.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
