// The one Prisma client of the process, opened on first import from the environment (database.ts
// says where the data lives and how a database is opened).
import { DataFolderInUseError } from './data-folder-lock.ts';
import { createDatabase, type Database, readDatabaseConfig } from './database.ts';
import type { PrismaClient } from './generated/prisma/client.ts';

export * from './database.ts';

/** Marks the process's database as opened (the tests close it only in files that opened it). */
export const PROCESS_DATABASE_OPENED = Symbol.for('muster.processDatabaseOpened');

/**
 * The process's database, opened on first import from the environment. An embedded folder held by
 * another process stops this one with the reason, before anything else runs.
 */
function openProcessDatabase(): Database {
  try {
    const opened = createDatabase(readDatabaseConfig(process.env));
    (globalThis as { [PROCESS_DATABASE_OPENED]?: true })[PROCESS_DATABASE_OPENED] = true;
    return opened;
  } catch (error) {
    if (!(error instanceof DataFolderInUseError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

export const database: Database = openProcessDatabase();
export const prisma: PrismaClient = database.prisma;
