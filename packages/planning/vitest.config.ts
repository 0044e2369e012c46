import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 60_000,
    // Two files at a time even on 2 cores (Vitest's default there is one): a file's start, its
    // imports and transforms, is a second of mostly waiting that the other file's tests fill.
    maxWorkers: 2,
  },
});
