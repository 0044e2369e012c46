// The one Prisma client of the process. Embedded PGlite by default (data in apps/api/.data/pglite,
// git-ignored); DATABASE_URL=postgres://… switches to a PostgreSQL server through node-postgres.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { DataFolderInUseError, lockDataFolder } from './data-folder-lock.ts';
import { PrismaClient } from './generated/prisma/client.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export type DatabaseConfig = {
  kind: DatabaseKind;
  /** PGlite data folder (or `memory://`), or the PostgreSQL connection string. */
  location: string;
  /** PostgreSQL schema to work in (tests use a fresh one per file); `public` when absent. */
  schema?: string;
};

export type Database = {
  readonly kind: DatabaseKind;
  readonly schema: string;
  readonly prisma: PrismaClient;
  /** Runs a script of several SQL statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Calls `listener` for every SQL statement Prisma sends until the returned function is called. */
  onQuery(listener: (sql: string) => void): () => void;
  close(): Promise<void>;
};

const defaultDataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.data', 'pglite');

/** Reads where the data lives from the environment (DATABASE_URL, DATABASE_SCHEMA, PGLITE_DATA_DIR). */
function readDatabaseConfig(env: NodeJS.ProcessEnv): DatabaseConfig {
  const url = env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    return env.DATABASE_SCHEMA
      ? { kind: 'postgres', location: url, schema: env.DATABASE_SCHEMA }
      : { kind: 'postgres', location: url };
  }
  return { kind: 'pglite', location: env.PGLITE_DATA_DIR ?? defaultDataDir };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Opens a database as configured; the caller closes it. */
export function createDatabase(config: DatabaseConfig): Database {
  const listeners = new Set<(sql: string) => void>();
  const newClient = (adapter: PrismaPg | PrismaPGlite): PrismaClient => {
    const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
    client.$on('query', (event) => {
      for (const listener of listeners) listener(event.query);
    });
    return client;
  };
  let prisma: PrismaClient;
  let exec: (sql: string) => Promise<void>;
  let closeDriver: () => Promise<void>;
  const schema = config.schema ?? 'public';

  if (config.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.location,
      max: 10,
      options: `-c search_path=${quoteIdentifier(schema)}`,
    });
    prisma = newClient(new PrismaPg(pool, { schema }));
    exec = async (sql) => {
      const client = await pool.connect();
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
        await client.query(sql);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    };
    closeDriver = () => pool.end();
  } else {
    let unlock = (): void => undefined;
    if (!config.location.includes('://')) {
      mkdirSync(config.location, { recursive: true });
      unlock = lockDataFolder(config.location);
    }
    const pglite = new PGlite(config.location);
    prisma = newClient(new PrismaPGlite(pglite));
    exec = async (sql) => {
      try {
        await pglite.exec(sql);
      } catch (error) {
        await pglite.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    };
    closeDriver = async () => {
      await pglite.close();
      unlock();
    };
  }
  let closed = false;
  return {
    kind: config.kind,
    schema,
    prisma,
    exec,
    onQuery(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}

/**
 * The process's database, opened on first import from the environment. An embedded folder held by
 * another process stops this one with the reason, before anything else runs.
 */
function openProcessDatabase(): Database {
  try {
    return createDatabase(readDatabaseConfig(process.env));
  } catch (error) {
    if (!(error instanceof DataFolderInUseError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

export const database: Database = openProcessDatabase();
export const prisma: PrismaClient = database.prisma;
