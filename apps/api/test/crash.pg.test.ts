// A batch whose API process is SIGKILLed while its transaction is open is stored whole or not at
// all, and sending it again converges. PostgreSQL only: the proof needs an observer outside the
// killed process that sees the batch's transaction open and writing (pg_stat_activity). With the
// embedded PGlite the database lives inside the process being killed, so nothing can see the
// transaction in flight, and whether its data folder survives a SIGKILL is PGlite's durability,
// not this service's. Files named *.pg.test.ts run only in the server pass (vitest.config.ts leaves
// them out without TEST_DATABASE_URL; scripts/test.mjs sets it there and CI requires it).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { ActualReportInput } from '../src/actuals/record-actuals.ts';
import { type ApiProcess, type HttpGraphQLResult, post, startApi } from './_processes.ts';
import { database, tokenFor, useDatabase } from './graphql.ts';

const serverUrl = process.env.TEST_DATABASE_URL ?? '';
if (serverUrl === '') throw new Error('a *.pg.test.ts file needs TEST_DATABASE_URL=postgres://…');

/** Close to the 5,000 limit, so the transaction stays open long enough to be caught writing (some tens of ms). */
const BATCH_SIZE = 4800;
/** A kill that lands after the commit proves nothing; try again with a fresh batch, this often. */
const MAX_ATTEMPTS = 8;
const POLL_MS = 10;

const RECORD = `mutation ($reports: [ActualReportInput!]!) {
  recordActuals(reports: $reports) {
    __typename
    ... on RecordActualsPayload { created corrected unchanged }
    ... on Error { message }
  }
}`;

type Counts = { __typename: string; created: number; corrected: number; unchanged: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a recordActuals batch cut short by SIGKILL', () => {
  useDatabase({ demo: true });
  let api: ApiProcess | null = null;
  const monitor = new pg.Client({ connectionString: serverUrl });

  afterAll(async () => {
    await api?.kill();
    await monitor.end().catch(() => undefined);
  });

  /** The API's connections carry their own application name, so the monitor can find them. */
  async function start(applicationName: string): Promise<ApiProcess> {
    const url = new URL(serverUrl);
    url.searchParams.set('application_name', applicationName);
    return startApi({ DATABASE_URL: url.toString(), DATABASE_SCHEMA: database.schema });
  }

  /**
   * The text of the statement of an open transaction of `applicationName` that has written reports.
   * Only the batch's: every authenticated request also writes its rate-limit counter in a short
   * transaction of its own, which a slow machine can catch first (CI once killed four attempts
   * there, before the batch's transaction had begun).
   */
  async function openWrite(applicationName: string): Promise<string | null> {
    const { rows } = await monitor.query<{ query: string }>(
      `SELECT query FROM pg_stat_activity
       WHERE application_name = $1 AND backend_xid IS NOT NULL AND xact_start IS NOT NULL
         AND query LIKE '%"ActualReport"%'`,
      [applicationName],
    );
    return rows[0]?.query ?? null;
  }

  async function stored(prefix: string): Promise<number> {
    return database.prisma.actualReport.count({ where: { idempotencyKey: { startsWith: prefix } } });
  }

  it('stores all of it or none, and resending converges to all of it once', async () => {
    await monitor.connect();
    const token = await tokenFor({ role: 'ADMIN', name: 'crash admin' });
    const areas = await database.prisma.area.findMany({
      where: { path: { startsWith: '40/' } },
      select: { code: true },
      orderBy: { code: 'asc' },
    });
    const days = Math.ceil(BATCH_SIZE / areas.length);
    const batchOf = (attempt: number): { prefix: string; reports: ActualReportInput[] } => {
      const prefix = `crash:${attempt}:`;
      const reports = Array.from({ length: BATCH_SIZE }, (_, index) => ({
        // A month of its own per attempt, so the attempts never share a report.
        date: `2022-${String(attempt).padStart(2, '0')}-${String(1 + (index % days)).padStart(2, '0')}`,
        areaCode: areas[Math.floor(index / days)]?.code as string,
        idempotencyKey: `${prefix}${index}`,
        dossiers: 100 + (index % 50),
      }));
      return { prefix, reports };
    };

    let batch = batchOf(1);
    let caught: string | null = null;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS && caught === null; attempt += 1) {
      batch = batchOf(attempt);
      const applicationName = `muster-crash-${randomBytes(4).toString('hex')}`;
      api = await start(applicationName);
      let settled = false;
      const answer = post<{ recordActuals: Counts }>(api.url, token, RECORD, { reports: batch.reports }).then(
        (result) => result,
        (error: unknown) => error as Error,
      );
      void answer.then(() => {
        settled = true;
      });
      let writing: string | null = null;
      while (!settled && writing === null) {
        writing = await openWrite(applicationName);
        if (writing === null) await sleep(POLL_MS);
      }
      // Pulled at once: the batch is written in a few statements, its transaction open for some tens
      // of milliseconds.
      const stillOpen = await openWrite(applicationName);
      await api.kill();
      api = null;
      const answered = await answer;
      // The server rolls back a transaction whose client is gone; wait until it has.
      for (let waited = 0; (await openWrite(applicationName)) !== null; waited += POLL_MS) {
        if (waited > 20_000) throw new Error('the killed process’s transaction is still open after 20 s');
        await sleep(POLL_MS);
      }
      const count = await stored(batch.prefix);
      console.log(
        `attempt ${attempt}: transaction ${stillOpen ? `open and writing at the kill (${stillOpen.slice(0, 60)}…)` : 'not open at the kill'}, request ${answered instanceof Error ? `failed (${answered.message})` : `answered ${(answered as HttpGraphQLResult<unknown>).status}`}, ${count} of ${BATCH_SIZE} reports stored`,
      );
      // All or nothing, whenever the kill landed.
      expect([0, BATCH_SIZE]).toContain(count);
      // Seen writing just before the kill and nothing stored: the kill cut the batch mid-write. (All
      // of it stored means its commit slipped in between the look and the kill: that proves nothing.)
      if (stillOpen !== null && answered instanceof Error && count === 0) caught = stillOpen;
    }
    // The kill must have landed while the batch's transaction was writing, or this proved nothing.
    expect(caught).not.toBeNull();

    api = await start(`muster-crash-${randomBytes(4).toString('hex')}`);
    const again = await post<{ recordActuals: Counts }>(api.url, token, RECORD, { reports: batch.reports });
    expect(again.status).toBe(200);
    const first = again.body.data?.recordActuals;
    expect(first?.__typename).toBe('RecordActualsPayload');
    expect(first?.corrected).toBe(0);
    expect((first?.created ?? 0) + (first?.unchanged ?? 0)).toBe(BATCH_SIZE);
    expect(await stored(batch.prefix)).toBe(BATCH_SIZE);
    const { rows } = await monitor.query<{ n: number }>(
      `SELECT count(DISTINCT ("date", "areaCode", "teamKey"))::int AS n FROM "${database.schema}"."ActualReport" WHERE "idempotencyKey" LIKE $1`,
      [`${batch.prefix}%`],
    );
    expect(rows[0]?.n).toBe(BATCH_SIZE);

    const third = await post<{ recordActuals: Counts }>(api.url, token, RECORD, { reports: batch.reports });
    expect(third.body.data?.recordActuals).toMatchObject({ created: 0, corrected: 0, unchanged: BATCH_SIZE });
  }, 180_000);
});
