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
    // A story reads answers from a real service that the whole suite keeps busy on 2 cores (the first
    // staffing answer of a story took over vitest's default 1 s of polling there): a poll waits up
    // to 10 s for the page to say what it must.
    expect: { poll: { timeout: 10_000 } },
  },
});
