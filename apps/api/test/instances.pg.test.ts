// Instances of the API over one PostgreSQL schema: this test process (yoga in-process) and two
// real API processes on loopback. What one keeps across requests follows what another writes: a
// report recorded through one is in the other's next answer; and a subscriber on one instance
// hears of a batch committed through another (issue 15).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computationsStarted } from '../src/compute/pool.ts';
import { type ApiProcess, post, startApi } from './_processes.ts';
import { sseResults, subscriptionRequest } from './_sse.ts';
import { data, database, tokenFor, useDatabase } from './graphql.ts';

if (!process.env.TEST_DATABASE_URL)
  throw new Error('a *.pg.test.ts file needs TEST_DATABASE_URL=postgres://…');

useDatabase({ demo: true });

let first: ApiProcess;
let second: ApiProcess;
let admin = '';
let reporter = '';
beforeAll(async () => {
  admin = await tokenFor({ role: 'ADMIN', name: 'instances admin' });
  reporter = await tokenFor({ role: 'REPORTER', name: 'instances reporter', teamCode: 'DN-DAK-SONG-MOBILE' });
  // The same schema as this file's (DATABASE_URL and DATABASE_SCHEMA from test/setup.ts).
  [first, second] = await Promise.all([startApi({}), startApi({})]);
});
afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
});

const COMPARISON = `{ planVsActual(scenarioId: "dak-nong-2021", areaCode: "67") { ... on PlanVsActual { totalActual } } }`;
type Comparison = { planVsActual: { totalActual: number } };

const comparisonRuns = () => computationsStarted().get('compareAreasWithActuals') ?? 0;

describe('a cache on each instance, keyed on the database’s versions', () => {
  it('answers with a report recorded through the other instance', async () => {
    const before = await data<Comparison>(COMPARISON);
    const runs = comparisonRuns();
    await data<Comparison>(COMPARISON);
    expect(comparisonRuns()).toBe(runs);

    // Đắk Song (665) on a day of the campaign nobody reported: the province's total grows by 77.
    const recorded = await post<{ recordActuals: { created: number } }>(
      second.url,
      admin,
      `mutation { recordActuals(reports: [{ date: "2021-06-22", areaCode: "665", dossiers: 77 }]) { ... on RecordActualsPayload { created } } }`,
      {},
    );
    expect(recorded.body.data?.recordActuals.created).toBe(1);

    const after = await data<Comparison>(COMPARISON);
    expect(after.planVsActual.totalActual).toBe(before.planVsActual.totalActual + 77);
    expect(comparisonRuns()).toBe(runs + 1);
  });
});

type Event = { actualsRecorded: { areaCode: string; dossiers: number; reports: { date: string }[] } };

/** Follows `areaCode` on the instance at `url`, as `token`, until `signal` aborts. */
async function follow(url: string, token: string, areaCode: string, signal: AbortSignal) {
  return sseResults<Event>(
    await fetch(
      url,
      subscriptionRequest(
        `subscription { actualsRecorded(areaCode: "${areaCode}") { areaCode dossiers reports { date } } }`,
        token,
        signal,
      ),
    ),
  );
}

const record = (url: string, token: string, reports: Record<string, unknown>[]) =>
  post<{ recordActuals: { created: number } }>(
    url,
    token,
    `mutation ($reports: [ActualReportInput!]!) { recordActuals(reports: $reports) { ... on RecordActualsPayload { created } } }`,
    { reports },
  );

describe('actualsRecorded across instances, over LISTEN/NOTIFY', () => {
  it('tells a subscriber on one instance of each batch committed through the other', async () => {
    const controller = new AbortController();
    try {
      const onFirst = await follow(first.url, reporter, '665', controller.signal);
      const onSecond = await follow(second.url, admin, '67', controller.signal);
      // The reporter's batch through the second instance, then the admin's through the first.
      expect(
        (await record(second.url, reporter, [{ date: '2021-06-26', areaCode: '665', dossiers: 21 }])).status,
      ).toBe(200);
      expect(
        (await record(first.url, admin, [{ date: '2021-06-27', areaCode: '661', dossiers: 8 }])).status,
      ).toBe(200);

      expect((await onFirst.next()).value?.data?.actualsRecorded).toEqual({
        areaCode: '665',
        dossiers: 21,
        reports: [{ date: '2021-06-26' }],
      });
      // The province's subscriber hears of both, in commit order.
      expect((await onSecond.next()).value?.data?.actualsRecorded.dossiers).toBe(21);
      expect((await onSecond.next()).value?.data?.actualsRecorded).toEqual({
        areaCode: '67',
        dossiers: 8,
        reports: [{ date: '2021-06-27' }],
      });
    } finally {
      controller.abort();
    }
  });
});

describe('a revoked token’s subscription, across instances', () => {
  it('ends on another instance when the token command revokes the token', async () => {
    const phone = await tokenFor({
      role: 'REPORTER',
      name: 'instances lost phone',
      teamCode: 'DN-DAK-SONG-MOBILE',
    });
    const controller = new AbortController();
    try {
      const events = await follow(first.url, phone, '665', controller.signal);
      expect(
        (await record(second.url, phone, [{ date: '2021-06-30', areaCode: '665', dossiers: 4 }])).status,
      ).toBe(200);
      expect((await events.next()).value?.data?.actualsRecorded.dossiers).toBe(4);
      // Revoked by the command, a third process on the same schema (DATABASE_URL, DATABASE_SCHEMA).
      const revoked = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/cli/token.ts', '--revoke', 'instances lost phone'],
        { cwd: path.join(import.meta.dirname, '..'), env: process.env, encoding: 'utf8', timeout: 60_000 },
      );
      expect(revoked.stdout, revoked.stderr).toBe('revoked 1 token(s)\n');
      const ended = await events.next();
      expect(ended.value?.data ?? null).toBeNull();
      expect(ended.value?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await events.next()).done).toBe(true);
    } finally {
      controller.abort();
    }
  });
});

describe('an expired token, across instances', () => {
  it('is refused by every instance, and its subscription on another instance ends at its expiry', async () => {
    const phone = await tokenFor({
      role: 'REPORTER',
      name: 'instances expiring phone',
      teamCode: 'DN-DAK-SONG-MOBILE',
    });
    const controller = new AbortController();
    try {
      const events = await follow(first.url, phone, '665', controller.signal);
      expect(
        (await record(second.url, phone, [{ date: '2021-07-01', areaCode: '665', dossiers: 2 }])).status,
      ).toBe(200);
      expect((await events.next()).value?.data?.actualsRecorded.dossiers).toBe(2);
      // Its end moved to a second from now in the database, as an old token's would stand.
      const expiresAt = Date.now() + 1000;
      await database.prisma.apiToken.updateMany({
        where: { name: 'instances expiring phone' },
        data: { expiresAt: new Date(expiresAt) },
      });
      // Nothing is written: the first instance ends it by itself at the expiry.
      const ended = await events.next();
      expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
      expect(ended.value?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await events.next()).done).toBe(true);
      for (const instance of [first, second]) {
        const refused = await post(instance.url, phone, '{ viewer { name } }', {});
        expect(refused.status, instance.url).toBe(401);
      }
    } finally {
      controller.abort();
    }
  });
});
