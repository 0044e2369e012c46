// The connection an instance LISTENs on, lost and found again (issue 15): terminated by the server
// (pg_terminate_backend) while new connections are refused for a while, it is opened again with a
// bounded backoff until the server takes it, notifications flow again, no failed client is left
// open, and stopping closes it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelOf, createDatabase, type Database } from '../src/db.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) throw new Error('a *.pg.test.ts file needs TEST_DATABASE_URL=postgres://…');
const schema = process.env.DATABASE_SCHEMA ?? 'public';

/** A login role of its own (not a superuser, so that its connection limit holds), dropped after. */
const role = `muster_listener_${randomBytes(4).toString('hex')}`;
/** Longest wait for the listener to be back once the server takes connections again (its pause is at most 10 s). */
const BACK_WITHIN_MS = 30_000;

let admin: pg.Client;
let database: Database;
beforeAll(async () => {
  admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE ROLE ${role} LOGIN`);
  const url = new URL(serverUrl);
  url.username = role;
  database = createDatabase({ kind: 'postgres', location: url.toString(), schema });
});
afterAll(async () => {
  await database?.close();
  await admin.query(`ALTER ROLE ${role} CONNECTION LIMIT -1`);
  await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1`, [role]);
  await admin.query(`DROP ROLE IF EXISTS ${role}`);
  await admin.end();
});

/** The role's connections to the server, by backend pid. */
async function connectionsOfRole(): Promise<number[]> {
  const { rows } = await admin.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE usename = $1 ORDER BY pid',
    [role],
  );
  return rows.map((row) => row.pid);
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, withinMs: number): Promise<T> {
  const until = Date.now() + withinMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`${what}: not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a listening connection', () => {
  it('is opened again, as long as it takes, after the server drops it, and closed on stop', async () => {
    const heard: string[] = [];
    const stop = await database.listen('probe', (payload) => heard.push(payload));
    const channel = channelOf('probe', schema);
    const notify = (payload: string) => admin.query('SELECT pg_notify($1, $2)', [channel, payload]);

    await notify('before');
    await waitFor('the first notification', async () => (heard.includes('before') ? true : undefined), 5000);
    const [listening] = await connectionsOfRole();
    expect(listening).toBeDefined();

    // The server refuses the role's new connections, then drops the listening one: the first tries
    // to open it again fail.
    await admin.query(`ALTER ROLE ${role} CONNECTION LIMIT 0`);
    await admin.query('SELECT pg_terminate_backend($1)', [listening]);
    await waitFor(
      'the dropped connection gone',
      async () => ((await connectionsOfRole()).length === 0 ? true : undefined),
      5000,
    );
    // Several tries fail meanwhile (the first pauses are a quarter, a half and one second).
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await connectionsOfRole()).toEqual([]);

    await admin.query(`ALTER ROLE ${role} CONNECTION LIMIT -1`);
    const again = await waitFor(
      'a listening connection again',
      async () => {
        const pids = await connectionsOfRole();
        return pids.length > 0 ? pids : undefined;
      },
      BACK_WITHIN_MS,
    );
    // One connection: no client of a failed try is left open.
    expect(again).toHaveLength(1);
    expect(again[0]).not.toBe(listening);
    await waitFor(
      'a notification after the loss',
      async () => {
        await notify('after');
        await new Promise((resolve) => setTimeout(resolve, 100));
        return heard.includes('after') ? true : undefined;
      },
      5000,
    );

    await stop();
    await waitFor(
      'no connection after stop',
      async () => ((await connectionsOfRole()).length === 0 ? true : undefined),
      5000,
    );
  });
});
