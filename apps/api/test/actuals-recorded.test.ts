// Live actuals in one process (the embedded PGlite's own LISTEN/NOTIFY, or PostgreSQL's): a
// subscriber to an area gets one event per committed batch with reports in it, only those, and
// a caller may only follow an area it sees (issue 15).
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_REPLAYED_REPORTS } from '../src/live/actuals-replay.ts';
import { yoga } from '../src/yoga.ts';
import { sseResults, subscriptionRequest } from './_sse.ts';
import { data, database, tokenFor, useDatabase } from './graphql.ts';

useDatabase({ demo: true });

let reporter = '';
beforeAll(async () => {
  // Đắk Song's mobile team: its area is the district 665.
  reporter = await tokenFor({ role: 'REPORTER', name: 'live reporter', teamCode: 'DN-DAK-SONG-MOBILE' });
});

const controllers: AbortController[] = [];
afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
});

type Event = {
  actualsRecorded: {
    areaCode: string;
    dossiers: number;
    replayed: boolean;
    reports: { areaCode: string; dossiers: number; date: string }[];
  };
};

async function subscribe(areaCode: string, token: string, since?: Date) {
  const controller = new AbortController();
  controllers.push(controller);
  const sinceArg = since ? `, since: "${since.toISOString()}"` : '';
  const response = await yoga.fetch(
    'http://muster.test/graphql',
    subscriptionRequest(
      `subscription { actualsRecorded(areaCode: "${areaCode}"${sinceArg}) { areaCode dossiers replayed reports { areaCode dossiers date } } }`,
      token,
      controller.signal,
    ),
  );
  return { response, events: sseResults<Event>(response) };
}

const RECORD = `mutation ($reports: [ActualReportInput!]!) {
  recordActuals(reports: $reports) { __typename ... on RecordActualsPayload { created } }
}`;

describe('actualsRecorded', () => {
  it('sends the reporter one event per batch in its area, with only the reports there', async () => {
    const { response, events } = await subscribe('665', reporter);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    // A batch elsewhere (Đắk Glong, 661) first: nothing for this subscriber.
    await data(RECORD, { reports: [{ date: '2021-06-23', areaCode: '661', dossiers: 40 }] });
    // Then the reporter's own batch of two reports, and a batch of the admin mixing both areas.
    await data(
      RECORD,
      {
        reports: [
          { date: '2021-06-23', areaCode: '665', dossiers: 11 },
          { date: '2021-06-24', areaCode: '665', dossiers: 13 },
        ],
      },
      { token: reporter },
    );
    await data(RECORD, {
      reports: [
        { date: '2021-06-25', areaCode: '661', dossiers: 50 },
        { date: '2021-06-25', areaCode: '665', dossiers: 17 },
      ],
    });
    const first = await events.next();
    expect(first.value?.data?.actualsRecorded).toEqual({
      areaCode: '665',
      dossiers: 24,
      replayed: false,
      reports: [
        { areaCode: '665', dossiers: 11, date: '2021-06-23' },
        { areaCode: '665', dossiers: 13, date: '2021-06-24' },
      ],
    });
    const second = await events.next();
    expect(second.value?.data?.actualsRecorded).toEqual({
      areaCode: '665',
      dossiers: 17,
      replayed: false,
      reports: [{ areaCode: '665', dossiers: 17, date: '2021-06-25' }],
    });
  });

  it('ends a subscription at once, with UNAUTHENTICATED, when its token is revoked', async () => {
    const phone = await tokenFor({ role: 'REPORTER', name: 'lost phone', teamCode: 'DN-DAK-SONG-MOBILE' });
    const { events } = await subscribe('665', phone);
    // A batch while the token is live arrives.
    await data(RECORD, { reports: [{ date: '2021-06-28', areaCode: '665', dossiers: 5 }] });
    expect((await events.next()).value?.data?.actualsRecorded.dossiers).toBe(5);

    const revoked = await data<{ revokeToken: { revoked: number } }>(
      `mutation { revokeToken(name: "lost phone") { ... on RevokedTokens { revoked } } }`,
    );
    expect(revoked.revokeToken.revoked).toBe(1);
    // Nothing else is written: the end comes from the revocation itself.
    const ended = await events.next();
    expect(ended.value?.data ?? null).toBeNull();
    expect(ended.value?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await events.next()).done).toBe(true);
  });

  it('sends a revoked token nothing written after the revocation, only the end', async () => {
    const phone = await tokenFor({ role: 'REPORTER', name: 'stolen phone', teamCode: 'DN-DAK-SONG-MOBILE' });
    const { events } = await subscribe('665', phone);
    await data(`mutation { revokeToken(name: "stolen phone") { ... on RevokedTokens { revoked } } }`);
    await data(RECORD, { reports: [{ date: '2021-06-29', areaCode: '665', dossiers: 9 }] });
    const first = await events.next();
    expect(first.value?.data ?? null).toBeNull();
    expect(first.value?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await events.next()).done).toBe(true);
  });

  it('ends a subscription at its token’s expiry, with UNAUTHENTICATED, with nothing written', async () => {
    const phone = await tokenFor({
      role: 'REPORTER',
      name: 'expiring phone',
      teamCode: 'DN-DAK-SONG-MOBILE',
    });
    // The token's last second, set in the database as a token issued long ago would have it.
    const expiresAt = Date.now() + 1000;
    await database.prisma.apiToken.updateMany({
      where: { name: 'expiring phone' },
      data: { expiresAt: new Date(expiresAt) },
    });
    const { events } = await subscribe('665', phone);
    // A batch of an earlier story still being published may come first; this story writes nothing.
    let ended = await events.next();
    while (ended.value?.data?.actualsRecorded) ended = await events.next();
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
    expect(ended.value?.data ?? null).toBeNull();
    expect(ended.value?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(ended.value?.errors?.[0]?.message).toMatch(/has expired/);
    expect((await events.next()).done).toBe(true);
  });

  it('ends a subscription at the new expiry when its token’s expiry is brought forward while it is open', async () => {
    const phone = await tokenFor({
      role: 'REPORTER',
      name: 'shortened phone',
      teamCode: 'DN-DAK-SONG-MOBILE',
    });
    const { events } = await subscribe('665', phone);
    await data(RECORD, { reports: [{ date: '2021-06-15', areaCode: '665', dossiers: 6 }] });
    expect((await events.next()).value?.data?.actualsRecorded.dossiers).toBe(6);
    // Issued for 90 days, its end moved to half a second from now.
    const expiresAt = Date.now() + 500;
    await database.prisma.apiToken.updateMany({
      where: { name: 'shortened phone' },
      data: { expiresAt: new Date(expiresAt) },
    });
    const ended = await events.next();
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
    expect(ended.value?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await events.next()).done).toBe(true);
  });

  it('ends at the new expiry even when an older check of its token, begun before the change, answers after it', async () => {
    const phone = await tokenFor({ role: 'REPORTER', name: 'raced phone', teamCode: 'DN-DAK-SONG-MOBILE' });
    const { events } = await subscribe('665', phone);
    await data(RECORD, { reports: [{ date: '2021-06-16', areaCode: '665', dossiers: 7 }] });
    expect((await events.next()).value?.data?.actualsRecorded.dossiers).toBe(7);
    // The next check of the subscribers' tokens (a batch's) is held until the expiry has been
    // brought forward and read again: it then answers the old expiry, 90 days away.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let holding = true;
    let caught = (): void => undefined;
    const holdingOne = new Promise<void>((resolve) => {
      caught = resolve;
    });
    const original = database.prisma.$queryRaw;
    const spy = vi.spyOn(database.prisma, '$queryRaw').mockImplementation(function (
      this: unknown,
      query: TemplateStringsArray,
      ...values: unknown[]
    ) {
      const text = query.join('?');
      const answer = Reflect.apply(original, this, [query, ...values]);
      if (!(holding && text.includes('"revokedAt" IS NULL') && text.includes('ANY('))) return answer;
      holding = false;
      caught();
      // A Prisma query runs when first awaited: started now, answered once released.
      const read = answer.then((rows) => rows);
      return held.then(() => read);
    } as typeof database.prisma.$queryRaw);
    try {
      await data(RECORD, { reports: [{ date: '2021-06-17', areaCode: '665', dossiers: 8 }] });
      await holdingOne;
      const expiresAt = Date.now() + 800;
      await database.prisma.apiToken.updateMany({
        where: { name: 'raced phone' },
        data: { expiresAt: new Date(expiresAt) },
      });
      // The change's own check has run by now; the held one answers after it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();
      const seen: string[] = [];
      const deadline = Date.now() + 5000;
      for (;;) {
        const next = await Promise.race([
          events.next(),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(0, deadline - Date.now()))),
        ]);
        if (next === null || next.done) break;
        const code = next.value?.errors?.[0]?.extensions?.code;
        seen.push(code ? String(code) : `dossiers ${next.value?.data?.actualsRecorded.dossiers}`);
        if (next.value?.errors) break;
      }
      expect(seen).toEqual(['dossiers 8', 'UNAUTHENTICATED']);
      expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
    } finally {
      spy.mockRestore();
      release();
    }
  });

  it('answers first what was written since the given instant in the area, then goes on live', async () => {
    const since = new Date();
    // Written while the dashboard was away: two in Đắk Song (665), one in Gia Nghĩa (661), outside it.
    await data(RECORD, {
      reports: [
        { date: '2021-06-10', areaCode: '665', dossiers: 31 },
        { date: '2021-06-10', areaCode: '661', dossiers: 47 },
      ],
    });
    await data(RECORD, { reports: [{ date: '2021-06-11', areaCode: '665', dossiers: 12 }] });
    const { events } = await subscribe('665', reporter, since);
    const replayed = (await events.next()).value?.data?.actualsRecorded;
    expect(replayed?.replayed).toBe(true);
    // Both, and nothing outside 665 (the replay also reaches two minutes back: earlier stories' reports).
    expect(replayed?.reports).toEqual(
      expect.arrayContaining([
        { areaCode: '665', dossiers: 31, date: '2021-06-10' },
        { areaCode: '665', dossiers: 12, date: '2021-06-11' },
      ]),
    );
    expect(replayed?.reports.every((report: { areaCode: string }) => report.areaCode === '665')).toBe(true);
    await data(RECORD, { reports: [{ date: '2021-06-12', areaCode: '665', dossiers: 8 }] });
    const live = (await events.next()).value?.data?.actualsRecorded;
    expect(live?.replayed).toBe(false);
    expect(live?.reports).toEqual([{ areaCode: '665', dossiers: 8, date: '2021-06-12' }]);
  });

  it('replays nothing when nothing was written since, and sends the next write live', async () => {
    // Later than any write of this file, with the replay's reach back (two minutes) on top.
    const { events } = await subscribe('665', reporter, new Date(Date.now() + 10 * 60_000));
    await data(RECORD, { reports: [{ date: '2021-06-13', areaCode: '665', dossiers: 4 }] });
    const first = (await events.next()).value?.data?.actualsRecorded;
    expect(first?.replayed).toBe(false);
    expect(first?.dossiers).toBe(4);
  });

  it('replays a write whose statement ran before since but committed after it', async () => {
    // The report's time is taken by its statement; the transaction commits later, after the last
    // event the dashboard saw (`since`): the dashboard heard nothing of it and must get it now.
    let since = new Date();
    await database.prisma.$transaction(async (tx) => {
      await tx.actualReport.create({ data: { date: '2021-06-14', areaCode: '665', dossiers: 21 } });
      await new Promise((resolve) => setTimeout(resolve, 50));
      since = new Date();
    });
    const { events } = await subscribe('665', reporter, since);
    const replayed = (await events.next()).value?.data?.actualsRecorded;
    expect(replayed?.replayed).toBe(true);
    expect(replayed?.reports).toContainEqual({ areaCode: '665', dossiers: 21, date: '2021-06-14' });
  });

  it(`refuses a since with more than ${MAX_REPLAYED_REPORTS} reports written after it, naming since`, async () => {
    // In Gia Nghĩa (661), followed by an admin: the other stories follow Đắk Song (665) with a
    // `since`, and a replay reaches two minutes back, so these 10,001 reports stay out of theirs.
    const admin = await tokenFor({ role: 'ADMIN', name: 'live admin' });
    const since = new Date();
    // One more report than a replay answers, on distinct days.
    const first = Date.parse('2030-01-01T00:00:00Z');
    await database.prisma.actualReport.createMany({
      data: Array.from({ length: MAX_REPLAYED_REPORTS + 1 }, (_, day) => ({
        date: new Date(first + day * 86_400_000).toISOString().slice(0, 10),
        areaCode: '661',
        dossiers: 1,
      })),
    });
    const { events } = await subscribe('661', admin, since);
    const refused = (await events.next()).value;
    expect(refused?.data ?? null).toBeNull();
    expect(refused?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since' });
  });

  it('refuses a reporter who follows an area outside its own', async () => {
    const { events } = await subscribe('661', reporter);
    const first = await events.next();
    expect(first.value?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
