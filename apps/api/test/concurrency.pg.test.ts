// No report is lost when many clients write the same reports at once through two API processes
// sharing one PostgreSQL schema: every accepted answer is in the final state or its history, the
// versions have no gaps, and the final state is what running the accepted batches one after the
// other gives. PostgreSQL only: with the embedded PGlite there is one process and one connection,
// so batches cannot overlap. Files named *.pg.test.ts run only in the server pass (vitest.config.ts
// leaves them out without TEST_DATABASE_URL; scripts/test.mjs sets it there and CI requires it).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActualReportInput, type RecordOutcome, recordActuals } from '../src/actuals/record-actuals.ts';
import { type Principal, principalOfToken } from '../src/auth/tokens.ts';
import { seedDemo } from '../src/data/seed-demo.ts';
import { createDatabase, type Database } from '../src/db.ts';
import { applyMigrations } from '../src/migrate.ts';
import { type ApiProcess, post, startApi } from './_processes.ts';
import { dropSchema, seededRandom } from './_support.ts';
import { database, tokenFor, useDatabase } from './graphql.ts';

const serverUrl = process.env.TEST_DATABASE_URL ?? '';
if (serverUrl === '') throw new Error('a *.pg.test.ts file needs TEST_DATABASE_URL=postgres://…');

/** Pinned so a failure replays; MUSTER_TEST_SEED picks another interleaving of inputs. */
const SEED = Number(process.env.MUSTER_TEST_SEED ?? 20_260_511);
/** Enough clients that every report is written by several batches at the same moment. */
const CLIENTS = 12;
const BATCHES_PER_CLIENT = 12;
const MAX_REPORTS_PER_BATCH = 6;
/** Few figures, so that resending the same figures (UNCHANGED) happens as often as corrections. */
const DOSSIER_VALUES = [100, 101, 102, 103];
/** Days no demo report uses, so every row of these days comes from this test. */
const DATES = ['2021-05-10', '2021-05-11', '2021-05-12'];

const RECORD = `mutation ($reports: [ActualReportInput!]!) {
  recordActuals(reports: $reports) {
    __typename
    ... on RecordActualsPayload {
      reports { outcome report { id: reportId date areaCode teamCode version dossiers machinesWorking recordedBy } }
    }
    ... on Error { message }
  }
}`;

type Recorded = {
  outcome: RecordOutcome;
  report: {
    id: string;
    date: string;
    areaCode: string;
    teamCode: string | null;
    version: number;
    dossiers: number;
    machinesWorking: number | null;
    recordedBy: string;
  };
};

type Writer = { name: string; token: string; principal: Principal; slots: Slot[] };
/** One report of the pool: a natural key, and whether it travels with an idempotency key. */
type Slot = {
  date: string;
  areaCode: string;
  teamCode: string | null;
  key: 'always' | 'never' | 'sometimes';
};
type Sent = { writer: Writer; reports: ActualReportInput[]; process: number };
type Accepted = Sent & { results: Recorded[] };

const naturalKey = (report: { date: string; areaCode: string; teamCode?: string | null }): string =>
  `${report.date}|${report.areaCode}|${report.teamCode ?? ''}`;

/**
 * An order of the accepted batches that a serial execution could have taken: per report, the
 * batch that wrote version v comes before those that found v unchanged, which come before the one
 * that wrote v + 1. Throws when the answers admit no such order.
 */
function serialOrder(accepted: readonly Accepted[]): Accepted[] {
  const byReport = new Map<string, { batch: number; rank: number }[]>();
  accepted.forEach((batch, index) => {
    for (const { outcome, report } of batch.results) {
      const rank = 2 * report.version + (outcome === 'UNCHANGED' ? 1 : 0);
      const ops = byReport.get(naturalKey(report)) ?? [];
      ops.push({ batch: index, rank });
      byReport.set(naturalKey(report), ops);
    }
  });
  const after = accepted.map(() => new Set<number>());
  const before = accepted.map(() => 0);
  for (const ops of byReport.values()) {
    for (const a of ops) {
      for (const b of ops) {
        if (a.rank < b.rank && !after[a.batch]?.has(b.batch)) {
          after[a.batch]?.add(b.batch);
          before[b.batch] = (before[b.batch] ?? 0) + 1;
        }
      }
    }
  }
  const ready = accepted.flatMap((_, index) => (before[index] === 0 ? [index] : []));
  const order: Accepted[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => a - b);
    const next = ready.shift() as number;
    order.push(accepted[next] as Accepted);
    for (const later of after[next] ?? []) {
      before[later] = (before[later] ?? 0) - 1;
      if (before[later] === 0) ready.push(later);
    }
  }
  if (order.length !== accepted.length) {
    throw new Error(`the answers of ${accepted.length - order.length} batches admit no serial order`);
  }
  return order;
}

/** Reports of the test's days with their history, without ids and times: what a replay must match. */
async function stateOf(db: Database): Promise<unknown[]> {
  const rows = await db.prisma.actualReport.findMany({
    where: { date: { in: DATES } },
    include: { revisions: { orderBy: { version: 'asc' } } },
  });
  return rows
    .map((row) => ({
      key: naturalKey(row),
      idempotencyKey: row.idempotencyKey,
      version: row.version,
      dossiers: row.dossiers,
      machinesWorking: row.machinesWorking,
      recordedBy: row.recordedBy,
      history: row.revisions.map((revision) => ({
        version: revision.version,
        dossiers: revision.dossiers,
        machinesWorking: revision.machinesWorking,
        recordedBy: revision.recordedBy,
      })),
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

describe('recordActuals from two API processes on one PostgreSQL schema', () => {
  useDatabase({ demo: true });
  const processes: ApiProcess[] = [];
  const writers: Writer[] = [];
  const replaySchema = `muster_test_replay_${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    const slotsOf = async (teamCode: string | null, homeArea: string): Promise<Slot[]> => {
      const communes = await database.prisma.area.findMany({
        where: { parentCode: homeArea },
        orderBy: { code: 'asc' },
        take: 1,
      });
      const kinds = ['always', 'never', 'sometimes'] as const;
      return DATES.flatMap((date) =>
        [homeArea, ...communes.map((area) => area.code)].map((areaCode) => ({ date, areaCode, teamCode })),
      ).map((slot, index) => ({ ...slot, key: kinds[index % 3] as Slot['key'] }));
    };
    const reporterOf = async (name: string, teamCode: string, homeArea: string): Promise<Writer> => {
      const token = await tokenFor({ role: 'REPORTER', name, teamCode });
      const principal = (await principalOfToken(database.prisma, token)) as Principal;
      return { name, token, principal, slots: await slotsOf(teamCode, homeArea) };
    };
    const adminToken = await tokenFor({ role: 'ADMIN', name: 'load admin' });
    const reporters = [
      await reporterOf('load reporter Đắk Song', 'DN-DAK-SONG-MOBILE', '665'),
      await reporterOf('load reporter Đắk Glong', 'DN-DAK-GLONG-MOBILE', '661'),
      await reporterOf('load reporter Hưng Nguyên', 'NA-HUNG-NGUYEN', '18001'),
    ];
    // The admin writes the reporters' reports too, and the same days without a team.
    const admin: Writer = {
      name: 'load admin',
      token: adminToken,
      principal: (await principalOfToken(database.prisma, adminToken)) as Principal,
      slots: [...reporters.flatMap((reporter) => reporter.slots), ...(await slotsOf(null, '665'))],
    };
    writers.push(...reporters, admin);
    // useDatabase's hook has migrated and seeded the schema; both processes find it ready.
    const env = { DATABASE_URL: serverUrl, DATABASE_SCHEMA: database.schema };
    processes.push(...(await Promise.all([startApi(env), startApi(env)])));
  });

  afterAll(async () => {
    await Promise.all(processes.map((process) => process.stop()));
    await dropSchema(serverUrl, replaySchema);
  });

  it('keeps every accepted report, with gapless versions, equal to a serial replay of the accepted batches', async () => {
    console.log(`concurrency test seed: ${SEED} (set MUSTER_TEST_SEED to change it)`);
    const random = seededRandom(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const batches: Sent[][] = Array.from({ length: CLIENTS }, (_, client) => {
      const writer = writers[client % writers.length] as Writer;
      return Array.from({ length: BATCHES_PER_CLIENT }, (_, round) => {
        const size = 1 + Math.floor(random() * MAX_REPORTS_PER_BATCH);
        const slots = [...writer.slots].sort(() => random() - 0.5).slice(0, size);
        const reports = slots.map((slot): ActualReportInput => {
          const withKey = slot.key === 'always' || (slot.key === 'sometimes' && random() < 0.5);
          return {
            date: slot.date,
            areaCode: slot.areaCode,
            // A reporter may leave its team out; the report is its team's all the same.
            teamCode: writer.principal.role === 'REPORTER' && random() < 0.5 ? null : slot.teamCode,
            ...(withKey ? { idempotencyKey: `load:${naturalKey(slot)}` } : {}),
            dossiers: pick(DOSSIER_VALUES),
            machinesWorking: pick([2, 3]),
          };
        });
        return { writer, reports, process: (client + round) % 2 };
      });
    });

    const accepted: Accepted[] = [];
    const refused: string[] = [];
    await Promise.all(
      batches.map(async (clientBatches) => {
        for (const sent of clientBatches) {
          const api = processes[sent.process] as ApiProcess;
          const { status, body } = await post<{
            recordActuals: { __typename: string; reports?: Recorded[]; message?: string };
          }>(api.url, sent.writer.token, RECORD, { reports: sent.reports });
          const payload = body.data?.recordActuals;
          if (status === 200 && payload?.__typename === 'RecordActualsPayload' && payload.reports) {
            accepted.push({ ...sent, results: payload.reports });
          } else {
            refused.push(`${status} ${JSON.stringify(body).slice(0, 400)}`);
          }
        }
      }),
    );
    // Every batch is valid: a refusal can only be a concurrency failure that leaked out.
    expect(refused).toEqual([]);
    expect(accepted).toHaveLength(CLIENTS * BATCHES_PER_CLIENT);
    const outcomes = accepted.flatMap((batch) => batch.results);
    console.log(
      `${accepted.length} batches, ${outcomes.length} reports: ${['CREATED', 'CORRECTED', 'UNCHANGED']
        .map((outcome) => `${outcomes.filter((result) => result.outcome === outcome).length} ${outcome}`)
        .join(', ')}`,
    );
    // The mix must contain real contention, or the test proves nothing.
    expect(outcomes.filter((result) => result.outcome === 'CORRECTED').length).toBeGreaterThan(50);
    expect(outcomes.filter((result) => result.outcome === 'UNCHANGED').length).toBeGreaterThan(20);

    const rows = await database.prisma.actualReport.findMany({
      where: { date: { in: DATES } },
      include: { revisions: true },
    });
    const versions = new Map<string, { dossiers: number; recordedBy: string }>();
    for (const row of rows) {
      versions.set(`${row.id}@${row.version}`, row);
      for (const revision of row.revisions) versions.set(`${row.id}@${revision.version}`, revision);
      // Versions 1..n without gaps: the history holds exactly 1..n-1.
      expect(row.revisions.map((revision) => revision.version).sort((a, b) => a - b)).toEqual(
        Array.from({ length: row.version - 1 }, (_, index) => index + 1),
      );
    }
    // Every answer (id, version, dossiers) is the current value or in the history.
    for (const { report } of outcomes) {
      expect(versions.get(`${report.id}@${report.version}`)).toMatchObject({
        dossiers: report.dossiers,
        recordedBy: report.recordedBy,
      });
    }
    // Each stored version was written by exactly one accepted CREATED or CORRECTED answer.
    const writes = outcomes.filter((result) => result.outcome !== 'UNCHANGED');
    const written = new Map<string, number>();
    for (const { report } of writes) {
      const version = `${report.id}@${report.version}`;
      written.set(version, (written.get(version) ?? 0) + 1);
    }
    expect([...versions.keys()].sort()).toEqual([...written.keys()].sort());
    expect([...written.values()].every((count) => count === 1)).toBe(true);

    // One after the other, in an order the answers allow, into a fresh schema: same answers,
    // same rows.
    const replay = createDatabase({ kind: 'postgres', location: serverUrl, schema: replaySchema });
    try {
      await applyMigrations(replay);
      await seedDemo(replay.prisma);
      for (const batch of serialOrder(accepted)) {
        const result = await recordActuals(replay.prisma, batch.reports, batch.writer.principal);
        expect(
          result.results.map(({ outcome, report }) => [
            outcome,
            naturalKey(report),
            report.version,
            report.dossiers,
          ]),
        ).toEqual(
          batch.results.map(({ outcome, report }) => [
            outcome,
            naturalKey(report),
            report.version,
            report.dossiers,
          ]),
        );
      }
      expect(await stateOf(replay)).toEqual(await stateOf(database));
    } finally {
      await replay.close();
    }
  }, 120_000);
});
