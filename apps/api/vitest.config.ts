import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { WITHOUT_DATABASE } from './test/without-database.ts';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS entry for Pothos and yoga; make our own imports use the same
    // one, or graphql sees two realms (Vite would pick the `module` build).
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Proofs that need a PostgreSQL server (several processes, an observer outside a killed one)
    // run only with one; files that never open a database run only without one (once is enough).
    exclude: process.env.TEST_DATABASE_URL ? WITHOUT_DATABASE : ['**/*.pg.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: ['./test/setup.ts'],
    // Two files at a time even on 2 cores (Vitest's default there is one): each file spends seconds
    // starting (imports, its database from the dump or a fresh schema) and waiting on the database,
    // which the other file's tests fill; every file has its own database, so they cannot meet.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
