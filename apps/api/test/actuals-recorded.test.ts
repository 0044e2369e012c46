// Live actuals in one process (the embedded PGlite's own LISTEN/NOTIFY, or PostgreSQL's): a
// subscriber to an area gets one event per committed batch with reports in it, only those, and
// a caller may only follow an area it sees (issue 15).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { yoga } from '../src/yoga.ts';
import { sseResults, subscriptionRequest } from './_sse.ts';
import { data, tokenFor, useDatabase } from './graphql.ts';

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
  actualsRecorded: { areaCode: string; dossiers: number; reports: { areaCode: string; dossiers: number }[] };
};

async function subscribe(areaCode: string, token: string) {
  const controller = new AbortController();
  controllers.push(controller);
  const response = await yoga.fetch(
    'http://muster.test/graphql',
    subscriptionRequest(
      `subscription { actualsRecorded(areaCode: "${areaCode}") { areaCode dossiers reports { areaCode dossiers } } }`,
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
      reports: [
        { areaCode: '665', dossiers: 11 },
        { areaCode: '665', dossiers: 13 },
      ],
    });
    const second = await events.next();
    expect(second.value?.data?.actualsRecorded).toEqual({
      areaCode: '665',
      dossiers: 17,
      reports: [{ areaCode: '665', dossiers: 17 }],
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

  it('refuses a reporter who follows an area outside its own', async () => {
    const { events } = await subscribe('661', reporter);
    const first = await events.next();
    expect(first.value?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
