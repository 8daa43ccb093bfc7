import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests spawn bin/sahel-sim.js, which runs the bundle in dist/: build it first.
    globalSetup: ['test/support/build-dist.ts'],
    // CLI tests start node processes and model tests run whole simulations.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
