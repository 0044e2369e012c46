// Each test file gets its own database: an in-memory PGlite, or with TEST_DATABASE_URL a fresh
// schema on that PostgreSQL server, dropped afterwards. Migrations are the committed ones.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, inject } from 'vitest';
import { dropSchema } from './_support.ts';
import { WITHOUT_DATABASE } from './without-database.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
// The per-request time budget (1.5 s in production) is a guard against a request holding the
// service; its own tests set it (bounded-work.test.ts stops a computation at 1 ms). Elsewhere a test
// checks answers, which must not depend on how fast or how loaded the machine running it is.
process.env.COMPUTE_BUDGET_MS ??= '60000';
const schema = `muster_test_${randomBytes(6).toString('hex')}`;
if (serverUrl) {
  process.env.DATABASE_URL = serverUrl;
  process.env.DATABASE_SCHEMA = schema;
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = 'memory://';
  // Started from the run's dump (test/global-setup.ts): with the demo data when the file asks for
  // it (useDatabase reads PGLITE_SNAPSHOT_SEEDED and checks that it got what it asked for).
  const snapshots = inject('pgliteSnapshots');
  const file = expect.getState().testPath;
  if (snapshots && file) {
    const seeded = /useDatabase\(\{ demo: true \}\)/.test(readFileSync(file, 'utf8'));
    process.env.PGLITE_SNAPSHOT = seeded ? snapshots.demo : snapshots.migrated;
    process.env.PGLITE_SNAPSHOT_SEEDED = seeded ? '1' : '0';
  }
}

afterAll(async () => {
  const { destroyComputePool } = await import('../src/compute/pool.ts');
  await destroyComputePool();
  // A file that never opened the database (the spreadsheet readers and writers) does not open it now.
  if ((globalThis as Record<symbol, unknown>)[Symbol.for('muster.processDatabaseOpened')] === true) {
    const { database } = await import('../src/db.ts');
    await database.close();
    const file = path.relative(process.cwd(), expect.getState().testPath ?? '');
    if (WITHOUT_DATABASE.includes(file)) {
      throw new Error(`${file} opened the database: take it out of test/without-database.ts`);
    }
  }
  if (serverUrl) {
    // A connection of its own: the file's database may already be closed.
    await dropSchema(serverUrl, schema);
  }
});
