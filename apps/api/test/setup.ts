// Each test file gets its own database: an in-memory PGlite, or with TEST_DATABASE_URL a fresh
// schema on that PostgreSQL server, dropped afterwards. Migrations are the committed ones.
import { randomBytes } from 'node:crypto';
import { afterAll } from 'vitest';

const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  process.env.DATABASE_URL = serverUrl;
  process.env.DATABASE_SCHEMA = `muster_test_${randomBytes(6).toString('hex')}`;
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = 'memory://';
}

afterAll(async () => {
  const { database } = await import('../src/db.ts');
  if (database.kind === 'postgres' && database.schema.startsWith('muster_test_')) {
    await database.exec(`DROP SCHEMA "${database.schema}" CASCADE`);
  }
  await database.close();
});
