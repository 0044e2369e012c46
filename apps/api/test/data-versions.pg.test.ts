// Writers of reports do not queue on one version row (issue 15's data versions): a transaction that
// writes a report and stays open does not hold back another writer of reports, and every commit
// still changes the reports' version that the caches and ETags are keyed on.
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataVersions } from '../src/cache/data-versions.ts';
import { database, useDatabase } from './graphql.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) throw new Error('a *.pg.test.ts file needs TEST_DATABASE_URL=postgres://…');
const schema = process.env.DATABASE_SCHEMA ?? 'public';

useDatabase({ demo: true });

/** Shards of the reports' version (migration 20261129220000_report_version_shards). */
const SHARDS = 16;
/** Longer than any insert takes alone: a writer still waiting then is held back by the other. */
const NOT_HELD_MS = 5000;

const reportsVersion = () => dataVersions(new Map(), database.prisma).then((versions) => versions.reports);

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: serverUrl, options: `-c search_path="${schema}"` });
  await client.connect();
  return client;
}

/** Begins a transaction and returns its id's shard. */
async function begin(client: pg.Client): Promise<number> {
  await client.query('BEGIN');
  const { rows } = await client.query<{ id: string }>('SELECT txid_current()::text AS id');
  return Number(BigInt(rows[0]?.id ?? '0') % BigInt(SHARDS));
}

const insertReport = (client: pg.Client, date: string, areaCode: string) =>
  client.query(
    `INSERT INTO "ActualReport" ("id", "date", "areaCode", "dossiers", "recordedBy", "updatedAt") VALUES (gen_random_uuid()::text, $1, $2, 1, 'versions test', now())`,
    [date, areaCode],
  );

let first: pg.Client;
let second: pg.Client;
beforeAll(async () => {
  first = await connect();
  second = await connect();
  return async () => {
    await Promise.all([first.end(), second.end()]);
  };
});

describe('the reports’ version', () => {
  it('lets a second writer of reports commit while the first is still open, and changes at each commit', async () => {
    const before = await reportsVersion();
    const shardOfFirst = await begin(first);
    await insertReport(first, '2021-05-20', '665');
    // The other writer's transaction on another shard (a transaction id of the same residue
    // would share the first's row, as any two writers did before).
    while ((await begin(second)) === shardOfFirst) await second.query('ROLLBACK');
    let timer: NodeJS.Timeout | undefined;
    const held = new Promise<'held'>((resolve) => {
      timer = setTimeout(() => resolve('held'), NOT_HELD_MS);
    });
    const committed = (async () => {
      await insertReport(second, '2021-05-20', '661');
      await second.query('COMMIT');
      return 'committed' as const;
    })();
    const outcome = await Promise.race([committed, held]);
    clearTimeout(timer);
    await first.query(outcome === 'held' ? 'ROLLBACK' : 'SELECT 1');
    if (outcome === 'held') await committed;
    expect(outcome).toBe('committed');

    const afterSecond = await reportsVersion();
    expect(afterSecond).not.toBe(before);
    await first.query('COMMIT');
    const afterFirst = await reportsVersion();
    expect(afterFirst).not.toBe(afterSecond);
    expect(afterFirst).not.toBe(before);
  });
});
