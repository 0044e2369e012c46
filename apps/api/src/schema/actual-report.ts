import type { ReportFinding } from '@muster/planning';
import { correctReportDate, voidReport } from '../actuals/amend-report.ts';
import type { RecordActualsResult, RecordOutcome } from '../actuals/record-actuals.ts';
import { recordActuals } from '../actuals/record-actuals.ts';
import { reportById } from '../actuals/report-by-id.ts';
import { areaScope, subtreeOf } from '../auth/access.ts';
import { signedIn } from '../auth/signed-in.ts';
import type { Principal } from '../auth/tokens.ts';
import { builder, checkCursorKeys, checkedPageSize, pageSize } from '../builder.ts';
import { prisma } from '../db.ts';
import { NotFoundError } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { countedConnection } from './connection.ts';
import { inputErrors } from './error.ts';

builder.prismaObject('ActualReportRevision', {
  description: 'An earlier value of a corrected report.',
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'Which version it was: 1 for the first.' }),
    dossiers: t.exposeInt('dossiers', { description: 'Dossiers in this version, dossiers.' }),
    machinesWorking: t.exposeInt('machinesWorking', {
      description: 'Machines working in this version, machines.',
      nullable: true,
    }),
    hoursOpen: t.exposeFloat('hoursOpen', {
      description: 'Hours open in this version, hours.',
      nullable: true,
    }),
    downtimeMinutes: t.exposeInt('downtimeMinutes', {
      description: 'Downtime in this version, minutes (machine-minutes when several machines’ are added up).',
      nullable: true,
    }),
    note: t.exposeString('note', { description: 'Note in this version.', nullable: true }),
    recordedBy: t.exposeString('recordedBy', {
      description: 'The name on the token that recorded this value.',
    }),
    date: t.expose('date', {
      type: 'Date',
      nullable: true,
      description: 'The report’s date in this version.',
    }),
    voided: t.exposeBoolean('voided', { description: 'This version was voided.' }),
    changeReason: t.exposeString('changeReason', {
      nullable: true,
      description: 'Why this version was made, when it was a void or a date correction.',
    }),
    supersededAt: t.expose('supersededAt', {
      description: 'When a later version replaced it (UTC).',
      type: 'DateTime',
    }),
  }),
});

export const ActualReportRef = builder.prismaNode('ActualReport', {
  description: 'What the field did on one day in one area, optionally by one team (latest version).',
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    reportId: t.exposeID('id', {
      description:
        'The report’s own key (a UUID): what the `id` argument of `voidActualReport` and `correctActualReportDate` takes.',
    }),
    date: t.expose('date', { description: 'The day reported, in the campaign’s time zone.', type: 'Date' }),
    areaCode: t.exposeString('areaCode', { description: 'Code of the area reported for.' }),
    area: t.relation('area', { description: 'The area reported for.' }),
    teamCode: t.exposeString('teamCode', {
      description: 'Code of the team that reported; null for an area’s own total.',
      nullable: true,
    }),
    team: t.relation('team', {
      description: 'The team that reported; null for an area’s own total.',
      nullable: true,
    }),
    idempotencyKey: t.exposeString('idempotencyKey', {
      description:
        'The key the sender made for this report (resending it is the same report); null when none was sent.',
      nullable: true,
    }),
    dossiers: t.exposeInt('dossiers', { description: 'Dossiers taken that day, dossiers.' }),
    machinesWorking: t.exposeInt('machinesWorking', {
      description: 'Machines that worked that day, machines; null when not reported.',
      nullable: true,
    }),
    hoursOpen: t.exposeFloat('hoursOpen', {
      description: 'Hours the site was open that day, hours; null when not reported.',
      nullable: true,
    }),
    downtimeMinutes: t.exposeInt('downtimeMinutes', {
      description:
        'Minutes machines stood still that day while the site was open, minutes (machine-minutes when several machines’ are added up); null when not reported.',
      nullable: true,
    }),
    note: t.exposeString('note', {
      description: 'Free note from the field, up to 2,000 characters.',
      nullable: true,
    }),
    version: t.exposeInt('version', {
      description: '1, then one more for every correction, void or new date.',
    }),
    recordedBy: t.exposeString('recordedBy', {
      description: 'The name on the token that recorded this version (who voided or re-dated it, for those).',
    }),
    voided: t.exposeBoolean('voided', {
      description:
        'Voided: kept with its history, counted nowhere (plan vs actual, lists without includeVoided).',
    }),
    changeReason: t.exposeString('changeReason', {
      nullable: true,
      description: 'Why this version was made, when it was a void or a date correction.',
    }),
    history: t.relation('revisions', {
      description: 'Earlier values, oldest first.',
      query: { orderBy: { version: 'asc' } },
    }),
    createdAt: t.expose('createdAt', { description: 'When it was first recorded (UTC).', type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', {
      description: 'When its latest version was recorded (UTC).',
      type: 'DateTime',
    }),
  }),
});

const ActualReportInputRef = builder.inputType('ActualReportInput', {
  description: 'One day of one area (and team) as the field reports it.',
  fields: (t) => ({
    date: t.field({
      description: 'The day reported: from 2020-01-01 to tomorrow in the campaign’s time zone.',
      type: 'Date',
      required: true,
    }),
    areaCode: t.string({
      description: 'Code of the area reported for; inside the team’s home area.',
      required: true,
    }),
    teamCode: t.string({
      description:
        'Code of the team reporting; absent for an area’s own total (a reporter’s own team by default).',
    }),
    idempotencyKey: t.string({ description: 'Resending the same key with new figures is a correction.' }),
    dossiers: t.int({
      description: 'Dossiers taken that day, a whole number from 0 to 1,000,000.',
      required: true,
    }),
    machinesWorking: t.int({ description: 'Machines that worked, a whole number ≥ 0; absent when unknown.' }),
    hoursOpen: t.float({ description: 'Hours open, 0 to 24; absent when unknown.' }),
    downtimeMinutes: t.int({
      description:
        'Minutes machines stood still while the site was open, a whole number from 0 to 1,440 × `machinesWorking` (machine-minutes when several machines’ minutes are added up: 4,320 for 3 machines standing still a whole day; 1,440 when `machinesWorking` is absent or 0), above that refused as `reports[i].downtimeMinutes` (range, `expected` naming the bound and the machines); absent when unknown. At most `hoursOpen` × 60 minutes, or `hoursOpen` × 60 × `machinesWorking` machine-minutes when several machines’ minutes are added up: above that (with 1 machine, or open 0 hours, above `hoursOpen` × 60) it is refused as `reports[i].downtimeMinutes` (conflict), between the two warned `downtime-above-hours-open`.',
    }),
    note: t.string({ description: 'Free note, up to 2,000 characters.' }),
  }),
});

const RecordOutcomeEnum = builder.enumType('RecordOutcome', {
  description: 'What recording a report did.',
  values: {
    CREATED: { description: 'Stored for the first time.' },
    CORRECTED: {
      description: 'New figures for a stored report: a new version, the earlier kept in history.',
    },
    UNCHANGED: { description: 'Already stored with these figures: counted once.' },
  } as const,
});

/**
 * A warning about a report: the library's about its figures, or the service's about its date; in
 * plan vs actual with the key of the stored report it is about.
 */
type Warning = Pick<ReportFinding, 'path' | 'severity' | 'message'> & { code: string; reportId?: string };

export const ReportWarningRef = builder.objectRef<Warning>('ReportWarning').implement({
  description:
    'A report whose figures or date are unlikely (more dossiers than its machines do in 24 hours at the service time: the machines it reports or, when it reports none, those the plan puts in its area; a date outside the campaign’s days, which at recording are those of every campaign over its area and in plan vs actual those of the scenario compared alone; more downtime than the minutes open; at recording, more machines working than its team works with, or an area’s own total below its teams’ reports of the day): accepted, but worth a second look. The same review at recording and in plan vs actual, but for the team’s machines (recording only) and a total below its teams’ reports (in plan vs actual a `TotalBelowTeamReportsWarning` of `warnings`, with its figures).',
  fields: (t) => ({
    field: t.exposeString('path', {
      description: 'The figure: reports[3].dossiers in a batch, <report id>.dossiers in plan vs actual.',
    }),
    severity: t.exposeString('severity', {
      description:
        'unlikely (accepted); impossible figures are refused at recording, and named in plan vs actual for a report stored before they were.',
    }),
    code: t.exposeString('code', {
      description:
        'above-service-capacity, dossiers-without-machines, dossiers-while-closed; day-above-planned-machines (unlikely: the team reports of one area and day, more than one, none giving machines working and no area total beside them, add up to more dossiers than the machines the plan puts in the area do in 24 hours at the service time; named on the last of them; at recording the batch’s reports added up with those already stored for the same area and day (a report sent again replaces its stored one), in plan vs actual all the stored ones; a report above those machines alone is warned above-service-capacity, not this too); outside-campaign (unlikely: the date, a day in the campaign’s time zone, is at recording in none of the days of the campaigns over the area, each from its start to its deadline included; in plan vs actual outside the days of the scenario compared alone, from its start to its last day included: its deadline, or the plan’s `completionDate` when later, carried on by the days reported after it, as `servedAfterCampaign` counts them); machines-above-bound (impossible, in plan vs actual: more than 100,000 machines working, an area’s most, stored before recording refused it; its machines are read as not given, so the pace counts it on the machines the plan puts in its area, as a report that gives none, while its dossiers count); machines-above-team (unlikely, at recording: more machines working than the `machines` of the team reporting, which may have borrowed some); total-below-team-reports (unlikely, at recording: an area’s own total for a day below its team reports of that day added up, which the total sets aside, as plan vs actual and the replan count an area’s own total over its teams’; the batch’s reports of the day added up with those already stored for it, in areas the sender sees; named on the last of the day’s reports; in plan vs actual said as a `TotalBelowTeamReportsWarning` of `warnings` instead); downtime-above-hours-open (the downtime, in minutes, above the hours open × 60: impossible, and refused at recording, above the hours open × 60 × the machines working, or with 1 machine or 0 hours open; unlikely between the two, possible only as several machines’ minutes added up).',
    }),
    message: t.exposeString('message', {
      description: 'What is unlikely, in a sentence with the figures (English).',
    }),
    report: t.prismaField({
      type: 'ActualReport',
      nullable: true,
      description:
        'The stored report it is about, as it is now (latest version): its date, area, team and figures, so that a client need not read the id out of `field`. In plan vs actual; null in a recording answer (there the warning sits on the report it is about) and for a report the caller may not see. Loaded in one query for all the warnings of a request, however many.',
      resolve: (query, warning, _args, { principal, memo }) =>
        warning.reportId === undefined ? null : reportById(prisma, memo, principal, query, warning.reportId),
    }),
  }),
});

const RecordedReportRef = builder
  .objectRef<RecordActualsResult['results'][number]>('RecordedReport')
  .implement({
    description: 'One report of a batch: what recording it did and the report as stored.',
    fields: (t) => ({
      outcome: t.field({
        description: 'What recording it did.',
        type: RecordOutcomeEnum,
        resolve: (r): RecordOutcome => r.outcome,
      }),
      report: t.field({
        description: 'The report as stored now.',
        type: ActualReportRef,
        resolve: (r) => r.report,
      }),
      warnings: t.field({
        type: [ReportWarningRef],
        description: 'What is unlikely about this report’s figures or date (empty when nothing is).',
        resolve: (r) => r.warnings,
      }),
    }),
  });

const RecordActualsPayloadRef = builder.objectRef<RecordActualsResult>('RecordActualsPayload').implement({
  description: 'What a batch did; a batch is stored whole or not at all.',
  fields: (t) => ({
    created: t.exposeInt('created', { description: 'Reports stored for the first time, reports.' }),
    corrected: t.exposeInt('corrected', {
      description: 'Reports whose figures changed (the earlier ones kept in history), reports.',
    }),
    unchanged: t.exposeInt('unchanged', {
      description: 'Reports already stored with the same figures, reports.',
    }),
    reports: t.field({
      description: 'Each report of the batch, in the order sent.',
      type: [RecordedReportRef],
      resolve: (r) => r.results,
    }),
  }),
});

builder.mutationField('recordActuals', (t) =>
  t.field({
    type: RecordActualsPayloadRef,
    description:
      'Records a batch of reports: the same report twice counts once, a changed one is a correction (the earlier value stays in `history`), and the batch is all or nothing. Admins; a planner for reports whose area is inside its own (of any team, or none); a reporter for its own team inside its area.',
    errors: { types: inputErrors },
    args: {
      reports: t.arg({
        type: [ActualReportInputRef],
        required: true,
        description: 'The reports, 1 to 5,000; each named in a refusal as `reports[i]`.',
      }),
    },
    skipTypeScopes: true,
    // An admin anything; a planner reports whose area is inside its subtree (any team); a reporter its own
    // team's reports inside its area (the first report out of scope is named in the ForbiddenError).
    authScopes: (_root, args) => ({ recordsReports: args.reports }),
    resolve: (_root, args, { principal, memo }) =>
      signedIn(principal, (writer) => recordActuals(prisma, args.reports, writer, memo)),
  }),
);

builder.mutationFields((t) => ({
  voidActualReport: t.field({
    type: ActualReportRef,
    description:
      'Voids a report: it stays, with its history and who voided it why, but counts nowhere. Its reporter, a planner of its area or an admin; voiding it again changes nothing.',
    errors: { types: inputErrors },
    args: {
      id: t.arg.id({ required: true, description: 'The report’s own key (`reportId`).' }),
      reason: t.arg.string({ required: true, description: 'Why, 1 to 500 characters; kept in the history.' }),
    },
    skipTypeScopes: true,
    authScopes: (_root, args) => ({ amendsReport: String(args.id) }),
    resolve: (_root, args, { principal }) =>
      signedIn(principal, (by) => voidReport(prisma, String(args.id), args.reason, by.name)),
  }),
  correctActualReportDate: t.field({
    type: ActualReportRef,
    description:
      'Moves a report to the date it belongs to (as a new version, the earlier date kept in the history). Its reporter, a planner of its area or an admin.',
    errors: { types: inputErrors },
    args: {
      id: t.arg.id({ required: true, description: 'The report’s own key (`reportId`).' }),
      date: t.arg({
        type: 'Date',
        required: true,
        description: 'The right date: from 2020-01-01 to tomorrow.',
      }),
      reason: t.arg.string({ required: true, description: 'Why, 1 to 500 characters; kept in the history.' }),
    },
    skipTypeScopes: true,
    authScopes: (_root, args) => ({ amendsReport: String(args.id) }),
    resolve: (_root, args, { principal }) =>
      signedIn(principal, (by) =>
        correctReportDate(prisma, String(args.id), args.date, args.reason, by.name),
      ),
  }),
}));

builder.queryField('actualReports', (t) =>
  t.prismaConnection(
    {
      type: 'ActualReport',
      cursor: 'id',
      // Refused, it is null beside an error and the rest of the answer stands.
      nullable: true,
      description:
        'Reports of one area and its descendants (or all the caller sees), by date, between `from` and `to` included. Refused (null, with an error; the rest of the answer kept): NOT_FOUND for an unknown `areaCode`, FORBIDDEN outside the caller’s area, UNAUTHENTICATED without a token.',
      args: {
        areaCode: t.arg.string({
          description: 'Only reports of this area and the areas below it (its code).',
        }),
        from: t.arg({ type: 'Date', description: 'First day, included; default: the earliest.' }),
        to: t.arg({ type: 'Date', description: 'Last day, included; default: the latest.' }),
        includeVoided: t.arg.boolean({ defaultValue: false, description: 'Voided reports too.' }),
      },
      complexity: (args) => ({ field: 1, multiplier: pageSize(args) }),
      authScopes: (_root, args) => (args.areaCode != null ? { seesArea: args.areaCode } : { signedIn: true }),
      maxSize: (args) => checkedPageSize(args),
      totalCount: async (_parent, args, { principal, memo }) => {
        checkedPageSize(args);
        await checkCursorKeys(args, 'report', (id) => namesReport(id, principal), memo);
        return prisma.actualReport.count({ where: await reportsWhere(args, principal) });
      },
      resolve: async (query, _root, args, { principal, memo }) => {
        await checkCursorKeys(args, 'report', (id) => namesReport(id, principal), memo);
        return prisma.actualReport.findMany({
          ...query,
          where: await reportsWhere(args, principal),
          orderBy: [{ date: 'asc' }, { id: 'asc' }],
        });
      },
    },
    ...countedConnection('ActualReport', 'reports'),
  ),
);

/**
 * Whether a report of this id is stored (voided or not) where the caller sees reports: the key of
 * an `actualReports` cursor. One outside the caller's scope is refused as one of another list, so a
 * cursor never tells whether a report the caller may not see exists (nor pages from its date).
 */
async function namesReport(id: string, principal: Principal | null): Promise<boolean> {
  const where = { id, area: signedIn(principal, areaScope) };
  return (await prisma.actualReport.count({ where })) > 0;
}

/** The reports `actualReports` lists: of `areaCode`'s subtree (else all the caller sees), by date. */
async function reportsWhere(
  args: {
    areaCode?: string | null;
    from?: string | null;
    to?: string | null;
    includeVoided?: boolean | null;
  },
  principal: Principal | null,
): Promise<Prisma.ActualReportWhereInput> {
  let areaFilter: Prisma.ActualReportWhereInput = { area: signedIn(principal, areaScope) };
  if (args.areaCode != null) {
    const area = await prisma.area.findUnique({ where: { code: args.areaCode }, select: { path: true } });
    if (!area) throw new NotFoundError('area', args.areaCode, 'areaCode');
    areaFilter = { area: subtreeOf(area.path) };
  }
  return {
    ...areaFilter,
    ...(args.includeVoided ? {} : { voided: false }),
    ...(args.from != null || args.to != null
      ? {
          date: {
            ...(args.from != null ? { gte: args.from } : {}),
            ...(args.to != null ? { lte: args.to } : {}),
          },
        }
      : {}),
  };
}
