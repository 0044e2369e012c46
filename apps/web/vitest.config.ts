import { defineConfig } from 'vitest/config';

// Unit tests beside the code (src/**/*.test.ts) and end-to-end stories in real headless Chromium
// (e2e/*.e2e.ts) against one API process with the demo data, started by the global setup.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/_global-setup.ts'],
    // One browser at a time on a 2-core machine.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
