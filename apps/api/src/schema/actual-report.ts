import { PlanningInputError } from '@muster/planning';
import type { RecordActualsResult, RecordOutcome } from '../actuals/record-actuals.ts';
import { recordActuals } from '../actuals/record-actuals.ts';
import { areaScope, subtreeOf } from '../auth/access.ts';
import { signedIn } from '../auth/signed-in.ts';
import { builder } from '../builder.ts';
import { prisma } from '../db.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { inputErrors } from './error.ts';

builder.prismaObject('ActualReportRevision', {
  description: 'An earlier value of a corrected report.',
  fields: (t) => ({
    version: t.exposeInt('version'),
    dossiers: t.exposeInt('dossiers'),
    machinesWorking: t.exposeInt('machinesWorking', { nullable: true }),
    hoursOpen: t.exposeFloat('hoursOpen', { nullable: true }),
    downtimeMinutes: t.exposeInt('downtimeMinutes', { nullable: true }),
    note: t.exposeString('note', { nullable: true }),
    recordedBy: t.exposeString('recordedBy', {
      description: 'The name on the token that recorded this value.',
    }),
    supersededAt: t.expose('supersededAt', { type: 'DateTime' }),
  }),
});

const ActualReportRef = builder.prismaObject('ActualReport', {
  description: 'What the field did on one day in one area, optionally by one team (latest version).',
  fields: (t) => ({
    id: t.exposeID('id'),
    date: t.expose('date', { type: 'Date' }),
    areaCode: t.exposeString('areaCode'),
    area: t.relation('area'),
    teamCode: t.exposeString('teamCode', { nullable: true }),
    team: t.relation('team', { nullable: true }),
    idempotencyKey: t.exposeString('idempotencyKey', { nullable: true }),
    dossiers: t.exposeInt('dossiers'),
    machinesWorking: t.exposeInt('machinesWorking', { nullable: true }),
    hoursOpen: t.exposeFloat('hoursOpen', { nullable: true }),
    downtimeMinutes: t.exposeInt('downtimeMinutes', { nullable: true }),
    note: t.exposeString('note', { nullable: true }),
    version: t.exposeInt('version', { description: '1, then one more for every correction.' }),
    recordedBy: t.exposeString('recordedBy', {
      description: 'The name on the token that recorded this version.',
    }),
    history: t.relation('revisions', {
      description: 'Earlier values, oldest first.',
      query: { orderBy: { version: 'asc' } },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const ActualReportInputRef = builder.inputType('ActualReportInput', {
  fields: (t) => ({
    date: t.field({ type: 'Date', required: true }),
    areaCode: t.string({ required: true }),
    teamCode: t.string(),
    idempotencyKey: t.string({ description: 'Resending the same key with new figures is a correction.' }),
    dossiers: t.int({ required: true }),
    machinesWorking: t.int(),
    hoursOpen: t.float(),
    downtimeMinutes: t.int(),
    note: t.string(),
  }),
});

const RecordOutcomeEnum = builder.enumType('RecordOutcome', {
  values: ['CREATED', 'CORRECTED', 'UNCHANGED'] as const,
});

const RecordedReportRef = builder
  .objectRef<RecordActualsResult['results'][number]>('RecordedReport')
  .implement({
    fields: (t) => ({
      outcome: t.field({ type: RecordOutcomeEnum, resolve: (r): RecordOutcome => r.outcome }),
      report: t.field({ type: ActualReportRef, resolve: (r) => r.report }),
    }),
  });

const RecordActualsPayloadRef = builder.objectRef<RecordActualsResult>('RecordActualsPayload').implement({
  description: 'What a batch did; a batch is stored whole or not at all.',
  fields: (t) => ({
    created: t.exposeInt('created'),
    corrected: t.exposeInt('corrected'),
    unchanged: t.exposeInt('unchanged'),
    reports: t.field({ type: [RecordedReportRef], resolve: (r) => r.results }),
  }),
});

builder.mutationField('recordActuals', (t) =>
  t.field({
    type: RecordActualsPayloadRef,
    description:
      'Records a batch of reports: the same report twice counts once, a changed one is a correction (the earlier value stays in `history`), and the batch is all or nothing.',
    errors: { types: inputErrors },
    args: { reports: t.arg({ type: [ActualReportInputRef], required: true }) },
    skipTypeScopes: true,
    authScopes: { admin: true, reporter: true },
    resolve: (_root, args, { principal }) =>
      signedIn(principal, (writer) => recordActuals(prisma, args.reports, writer)),
  }),
);

builder.queryField('actualReports', (t) =>
  t.prismaConnection({
    type: 'ActualReport',
    cursor: 'id',
    description:
      'Reports of one area and its descendants (or all the caller sees), by date, between `from` and `to` included.',
    errors: { types: inputErrors },
    args: {
      areaCode: t.arg.string(),
      from: t.arg({ type: 'Date' }),
      to: t.arg({ type: 'Date' }),
    },
    authScopes: (_root, args) => (args.areaCode != null ? { seesArea: args.areaCode } : { signedIn: true }),
    resolve: async (query, _root, args, { principal }) => {
      let areaFilter: Prisma.ActualReportWhereInput = { area: signedIn(principal, areaScope) };
      if (args.areaCode != null) {
        const area = await prisma.area.findUnique({ where: { code: args.areaCode } });
        if (!area) {
          throw new PlanningInputError({
            path: 'areaCode',
            code: 'unknown-reference',
            expected: 'the code of a known area',
            received: args.areaCode,
          });
        }
        areaFilter = { area: subtreeOf(area.path) };
      }
      return prisma.actualReport.findMany({
        ...query,
        where: {
          ...areaFilter,
          ...(args.from != null || args.to != null
            ? {
                date: {
                  ...(args.from != null ? { gte: args.from } : {}),
                  ...(args.to != null ? { lte: args.to } : {}),
                },
              }
            : {}),
        },
        orderBy: [{ date: 'asc' }, { id: 'asc' }],
      });
    },
  }),
);
