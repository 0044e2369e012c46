// `Subscription.actualsRecorded(areaCode)`: the reports of each committed write of actuals in an
// area, on whichever instance it was written, over Server-Sent Events (graphql-yoga's distinct
// connections mode). Scoped like the queries: a caller subscribes to an area it sees.
import { builder } from '../builder.ts';
import { database, prisma } from '../db.ts';
import { NotFoundError } from '../errors.ts';
import { createActualsFeed, type RecordedBatch } from '../live/actuals-feed.ts';
import { ActualReportRef } from './actual-report.ts';

const feed = createActualsFeed(database);

type ActualsRecorded = RecordedBatch & { areaCode: string };

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
      'One event per committed write of actual reports with reports in or below `areaCode`, through any instance of the service (PostgreSQL LISTEN/NOTIFY between them). Over Server-Sent Events: POST (or GET) /graphql with `Accept: text/event-stream`. Writes made while the connection is down are not replayed: read planVsActual or actualReports after reconnecting.',
    args: {
      areaCode: t.arg.string({
        required: true,
        description: 'The area to follow, with everything below it; one the caller may see.',
      }),
    },
    authScopes: (_root, args) => ({ seesArea: args.areaCode }),
    subscribe: async (_root, args) => {
      const area = await prisma.area.findUnique({ where: { code: args.areaCode }, select: { path: true } });
      if (!area) throw new NotFoundError('area', args.areaCode, 'areaCode');
      return feed.subscribe(area.path);
    },
    resolve: (batch, args) => ({ ...batch, areaCode: args.areaCode }),
  }),
);
