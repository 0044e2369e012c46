// Applies the committed migrations in prisma/migrations, in order, each once. The bookkeeping
// table is Prisma's own `_prisma_migrations`, so `prisma migrate deploy` and this agree.
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './db.ts';

export const migrationsDir = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'prisma',
  'migrations',
);

const bookkeeping = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
);`;

/** Key of the PostgreSQL advisory lock held while a migration runs. */
const MIGRATION_LOCK = 727_274_001;

async function isApplied(database: Database, name: string): Promise<boolean> {
  const rows = await database.prisma.$queryRawUnsafe<unknown[]>(
    'SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL',
    name,
  );
  return rows.length > 0;
}

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Applies the migrations not yet applied; returns their names. */
export async function applyMigrations(database: Database): Promise<string[]> {
  await database.exec(bookkeeping);
  const applied = await database.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
    'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  const done = new Set(applied.map((row) => row.migration_name));
  const names = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const newlyApplied: string[] = [];
  for (const name of names) {
    if (done.has(name)) continue;
    const sql = readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
    const checksum = createHash('sha256').update(sql).digest('hex');
    // One script so a failing migration leaves nothing half-applied. Instances starting together
    // queue on the lock; one that finds the migration applied meanwhile fails and moves on.
    try {
      await database.exec(
        `BEGIN;\nSELECT pg_advisory_xact_lock(${MIGRATION_LOCK});\n${sql}\nINSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (${literal(randomUUID())}, ${literal(checksum)}, now(), ${literal(name)}, 1);\nCOMMIT;`,
      );
    } catch (error) {
      if (await isApplied(database, name)) continue;
      throw error;
    }
    newlyApplied.push(name);
  }
  return newlyApplied;
}
