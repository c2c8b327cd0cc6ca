import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Engine and adapter tests start servers and containers: keep the 2-core machine responsive.
    maxWorkers: 2,
  },
});
