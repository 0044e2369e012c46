// Opening a database: embedded PGlite by default (data in apps/api/.data/pglite, git-ignored);
// DATABASE_URL=postgres://… switches to a PostgreSQL server through node-postgres. Importing this
// opens nothing: the process's own database is db.ts's (the tests' run-wide setup opens one of its
// own here, and must not hold the embedded data folder a running service may be using).
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { lockDataFolder } from './data-folder-lock.ts';
import { PrismaClient } from './generated/prisma/client.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export type DatabaseConfig = {
  kind: DatabaseKind;
  /** PGlite data folder (or `memory://`), or the PostgreSQL connection string. */
  location: string;
  /** PostgreSQL schema to work in (tests use a fresh one per file); `public` when absent. */
  schema?: string;
  /**
   * PGlite in memory only: a tar file made by {@link Database.dump} to start from instead of an
   * empty cluster (the tests start each file from one made once per run: 1 s instead of 4).
   */
  snapshot?: string;
};

export type Database = {
  readonly kind: DatabaseKind;
  readonly schema: string;
  readonly prisma: PrismaClient;
  /** Runs a script of several SQL statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Calls `listener` for every SQL statement Prisma sends until the returned function is called. */
  onQuery(listener: (sql: string) => void): () => void;
  /**
   * Calls `onPayload` with each notification on this schema's `topic` channel (PostgreSQL
   * LISTEN/NOTIFY, in-process with PGlite), once its LISTEN is in place; the returned function stops.
   */
  listen(topic: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** PGlite only: the cluster's files as an uncompressed tar, for {@link DatabaseConfig.snapshot}. */
  dump(): Promise<Uint8Array>;
  close(): Promise<void>;
};

/**
 * The channel of `topic` in `schema`: `muster_<topic>_<schema>`, lower-case letters, digits and
 * underscores (an identifier LISTEN takes unquoted), at most 63 bytes. The triggers that notify
 * (migration 20261129180000_data_versions) name it the same way.
 */
export function channelOf(topic: string, schema: string): string {
  return `muster_${topic}_${schema.replace(/[^A-Za-z0-9_]/g, '_').toLowerCase()}`.slice(0, 63);
}

/** First pause before a lost PostgreSQL listening connection is opened again; doubled per failed try. */
const RELISTEN_FIRST_MS = 250;
/** Longest pause between two tries, however long the server stays away. */
const RELISTEN_MAX_MS = 10_000;

/** The pause before try `attempt` (1, 2, …): doubling from the first, bounded, with jitter so instances spread out. */
function relistenDelayMs(attempt: number): number {
  const ceiling = Math.min(RELISTEN_MAX_MS, RELISTEN_FIRST_MS * 2 ** (attempt - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/**
 * A connection of its own that LISTENs on `channel` while wanted. The first connection's failure
 * is thrown; once listening, a lost connection is closed and opened again, with a bounded backoff,
 * for as long as it takes, until the returned function stops it (notifications sent while it is
 * down are missed). Every client that fails, on connecting or later, is closed.
 */
async function listenOnServer(
  connectionString: string,
  channel: string,
  onPayload: (payload: string) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let connecting: Promise<void> | null = null;
  let attempt = 0;

  /** A listening client, or a throw with the client closed. */
  const connect = async (): Promise<pg.Client> => {
    // TCP keepalive: a connection dropped without a word (a half-open socket) still ends in an
    // error, so the listen is opened again.
    const next = new pg.Client({ connectionString, keepAlive: true });
    let broken = false;
    const lose = (): void => {
      broken = true;
      lost(next);
    };
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    next.on('error', lose);
    next.on('end', lose);
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
      if (broken) throw new Error(`the connection listening on ${channel} was lost while it started`);
      return next;
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
  };

  const reopen = async (): Promise<void> => {
    try {
      const next = await connect();
      if (stopped) {
        await next.end().catch(() => undefined);
        return;
      }
      client = next;
      attempt = 0;
    } catch {
      schedule();
    }
  };

  function schedule(): void {
    if (stopped || retry !== null) return;
    attempt += 1;
    retry = setTimeout(() => {
      retry = null;
      connecting = reopen().finally(() => {
        connecting = null;
      });
    }, relistenDelayMs(attempt));
    retry.unref();
  }

  function lost(failed: pg.Client): void {
    if (client !== failed) return;
    client = null;
    void failed.end().catch(() => undefined);
    schedule();
  }

  client = await connect();
  return async () => {
    stopped = true;
    if (retry !== null) clearTimeout(retry);
    retry = null;
    await connecting;
    const current = client;
    client = null;
    await current?.end().catch(() => undefined);
  };
}

const defaultDataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.data', 'pglite');

/**
 * Reads where the data lives from the environment (DATABASE_URL, DATABASE_SCHEMA, PGLITE_DATA_DIR,
 * and PGLITE_SNAPSHOT for an in-memory PGlite started from a dump).
 */
export function readDatabaseConfig(env: NodeJS.ProcessEnv): DatabaseConfig {
  const url = env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    return env.DATABASE_SCHEMA
      ? { kind: 'postgres', location: url, schema: env.DATABASE_SCHEMA }
      : { kind: 'postgres', location: url };
  }
  const location = env.PGLITE_DATA_DIR ?? defaultDataDir;
  return env.PGLITE_SNAPSHOT
    ? { kind: 'pglite', location, snapshot: env.PGLITE_SNAPSHOT }
    : { kind: 'pglite', location };
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
  let listenOn: Database['listen'];
  let dump: Database['dump'];
  const schema = config.schema ?? 'public';

  if (config.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.location,
      max: 10,
      // UTC sessions: `now()` in a raw statement is stored in a `timestamp without time zone` column
      // as Prisma stores its own times, whatever the server's TimeZone.
      options: `-c search_path=${quoteIdentifier(schema)} -c TimeZone=UTC`,
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
    dump = () => Promise.reject(new Error('only an embedded PGlite database can be dumped'));
    listenOn = (topic, onPayload) => listenOnServer(config.location, channelOf(topic, schema), onPayload);
  } else {
    let unlock = (): void => undefined;
    if (!config.location.includes('://')) {
      mkdirSync(config.location, { recursive: true });
      unlock = lockDataFolder(config.location);
    }
    if (config.snapshot && config.location !== 'memory://') {
      throw new Error('a PGlite snapshot starts an in-memory database only (PGLITE_DATA_DIR=memory://)');
    }
    const pglite = config.snapshot
      ? new PGlite(config.location, { loadDataDir: new Blob([readFileSync(config.snapshot)]) })
      : new PGlite(config.location);
    prisma = newClient(new PrismaPGlite(pglite));
    exec = async (sql) => {
      try {
        await pglite.exec(sql);
      } catch (error) {
        await pglite.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    };
    dump = async () => new Uint8Array(await (await pglite.dumpDataDir('none')).arrayBuffer());
    closeDriver = async () => {
      await pglite.close();
      unlock();
    };
    // One session: its own notifications come back to it, at commit, in this process.
    listenOn = async (topic, onPayload) => {
      const unlisten = await pglite.listen(channelOf(topic, schema), onPayload);
      return async () => {
        if (!pglite.closed) await unlisten();
      };
    };
  }
  const listening = new Set<() => Promise<void>>();
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
    async listen(topic, onPayload) {
      const unlisten = await listenOn(topic, onPayload);
      const stop = async (): Promise<void> => {
        listening.delete(stop);
        await unlisten();
      };
      listening.add(stop);
      return stop;
    },
    dump: () => dump(),
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...listening].map((stop) => stop()));
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}
