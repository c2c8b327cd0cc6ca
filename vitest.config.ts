import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The socket recorder: every engine request the bot makes in tests is checked (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Engine and adapter tests start servers and containers: keep the 2-core machine responsive.
    maxWorkers: 2,
  },
});
