// `Subscription.actualsRecorded(areaCode)`: the reports of each committed write of actuals in an
// area, on whichever instance it was written, over Server-Sent Events (graphql-yoga's distinct
// connections mode). Scoped like the queries: a caller subscribes to an area it sees, for as long
// as its token lets it (a revoked or expired token's subscription ends at once with UNAUTHENTICATED). With
// `since`, what was written from then on comes first, so a dashboard that reconnects misses nothing.
import { signedIn } from '../auth/signed-in.ts';
import { builder } from '../builder.ts';
import { database, prisma } from '../db.ts';
import { ForbiddenError, NotFoundError, PlanningInputError, UnauthenticatedError } from '../errors.ts';
import { createActualsFeed, type FeedEvent, type RecordedBatch } from '../live/actuals-feed.ts';
import { MAX_REPLAYED_REPORTS, reportsWrittenSince, withReplay } from '../live/actuals-replay.ts';
import { ActualReportRef } from './actual-report.ts';

const feed = createActualsFeed(database);

type ActualsRecorded = RecordedBatch & { areaCode: string; replayed?: boolean };

/** The batch to answer, or the refusal that ends a subscription whose token no longer allows it. */
function batchOrRefusal(event: FeedEvent & { replayed?: boolean }, areaCode: string): ActualsRecorded {
  if (event.kind === 'batch') return { ...event, areaCode };
  if (event.reason === 'token-revoked' || event.reason === 'token-expired') {
    throw new UnauthenticatedError(
      `The bearer token of this subscription ${event.reason === 'token-revoked' ? 'was revoked' : 'has expired'}: the subscription ends. Subscribe again with a live token.`,
      'actualsRecorded',
    );
  }
  throw new ForbiddenError(
    `The bearer token of this subscription no longer sees area ${areaCode}: the subscription ends.`,
    'actualsRecorded',
  );
}

const ActualsRecordedRef = builder.objectRef<ActualsRecorded>('ActualsRecorded').implement({
  description:
    'The reports of one committed write of actuals (a batch recorded, a report corrected, voided or re-dated) that lie in the area subscribed to or below it.',
  fields: (t) => ({
    areaCode: t.exposeString('areaCode', {
      description: 'The area subscribed to: every report here is in it or below it.',
    }),
    reports: t.field({
      type: [ActualReportRef],
      description:
        'The reports of the write in the area, as stored once it committed (latest version), by date, area and team.',
      resolve: (event) => event.reports,
    }),
    dossiers: t.int({
      description: 'Dossiers of these reports, summed (dossiers; a voided report counts 0).',
      resolve: (event) =>
        event.reports.reduce((sum, report) => sum + (report.voided ? 0 : report.dossiers), 0),
    }),
    replayed: t.boolean({
      description:
        'True for the first event of a subscription with `since`: the reports written from then until it opened, as stored now.',
      resolve: (event) => event.replayed === true,
    }),
    receivedAt: t.expose('receivedAt', {
      type: 'DateTime',
      description:
        'When this instance heard of the commit (ISO 8601, UTC); the write committed at most a fraction of a second before.',
    }),
  }),
});

builder.subscriptionField('actualsRecorded', (t) =>
  t.field({
    type: ActualsRecordedRef,
    description:
      'One event per committed write of actual reports with reports in or below `areaCode`, through any instance of the service (PostgreSQL LISTEN/NOTIFY between them). Over Server-Sent Events: POST (or GET) /graphql with `Accept: text/event-stream`. After a dropped connection, subscribe again with `since` (the last event’s `receivedAt`, or a little earlier): the writes made meanwhile come first, in one event marked `replayed`, then the live ones without what the replay answered; none is lost. Lasts while the token does: when it is revoked, expires, or no longer sees `areaCode`, the stream sends one error (UNAUTHENTICATED, or FORBIDDEN) and completes, on every instance.',
    args: {
      areaCode: t.arg.string({
        required: true,
        description: 'The area to follow, with everything below it; one the caller may see.',
      }),
      since: t.arg({
        type: 'DateTime',
        description: `Also answer, first, the reports in the area written (recorded, corrected, voided, re-dated) at or after this instant (ISO 8601; a write is timed by the clock of the instance or database that made it, by its statement, before its commit, so the replay reaches two minutes further back and may repeat a report already had); at most ${MAX_REPLAYED_REPORTS.toLocaleString('en')} reports, more is refused naming \`since\`, also within two minutes after a large import (read actualReports, paged, or planVsActual instead).`,
      }),
    },
    authScopes: (_root, args) => ({ seesArea: args.areaCode }),
    subscribe: async (_root, args, { principal }) => {
      const area = await prisma.area.findUnique({ where: { code: args.areaCode }, select: { path: true } });
      if (!area) throw new NotFoundError('area', args.areaCode, 'areaCode');
      const live = await signedIn(principal, (subscriber) => feed.subscribe(area.path, subscriber.tokenId));
      // A token revoked meanwhile gets its end, never the replay.
      if (args.since == null || live.hasEnded()) return live;
      // Listened to first, read second: a write committed between the two is never lost.
      const replayed = await reportsWrittenSince(prisma, area.path, args.since).catch(
        async (error: unknown) => {
          await live.return?.();
          throw error;
        },
      );
      // Revoked while the replay was read: its end, and nothing of the replay.
      if (live.hasEnded()) return live;
      if (replayed === null) {
        await live.return?.();
        throw new PlanningInputError({
          path: 'since',
          code: 'range',
          expected: `an instant after which at most ${MAX_REPLAYED_REPORTS.toLocaleString('en')} reports in the area were written (read actualReports, paged, for more)`,
          received: args.since.toISOString(),
        });
      }
      return withReplay(replayed, live);
    },
    resolve: (event, args) => batchOrRefusal(event, args.areaCode),
  }),
);
