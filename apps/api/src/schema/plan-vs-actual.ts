import { type ComparedDay, type CompletionForecast, LATE_REPORT_GAP_DAYS } from '@muster/planning';
import { offsetForArgs, resolveOffsetConnection } from '@pothos/plugin-relay';
import {
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  getArgumentValues,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import { MAX_OUTSIDE_CAMPAIGN_WARNINGS } from '../actuals/_internal/read-day-reports.ts';
import { type PageAsk, type PlanVsActual, pageKey, planVsActual } from '../actuals/plan-vs-actual.ts';
import { builder, checkedPageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize } from '../builder.ts';
import { prisma } from '../db.ts';
import { priced } from '../limits/cost-limit.ts';
import { comparedAreasWork, dailySeriesWork, MAX_COST, NOMINAL, planWork } from '../limits/work.ts';
import { ReportWarningRef } from './actual-report.ts';
import { ActualsWarningRef } from './actuals-warning.ts';
import { AreaLevelEnum } from './area.ts';
import { countedConnection } from './connection.ts';
import { inputErrors } from './error.ts';
import { scenarioAreaArgs, seesScenarioArea } from './scenario-area.ts';

const DayReportingEnum = builder.enumType('DayReporting', {
  description: 'How much of an area one day’s reports cover.',
  values: {
    COMPLETE: {
      value: 'complete',
      description: 'The area reported (its own total or a team of its own), or every area below it did.',
    },
    PARTIAL: {
      value: 'partial',
      description:
        'Some areas below it reported and some did not: its figure is theirs alone, compared with their part of the plan.',
    },
    NONE: { value: 'none', description: 'Nothing was reported in the area.' },
  } as const,
});

const PlanVsActualDayRef = builder.objectRef<ComparedDay>('PlanVsActualDay').implement({
  description: 'One day: dossiers planned and reported, and since the start.',
  fields: (t) => ({
    date: t.expose('date', { description: 'The day.', type: 'Date' }),
    planned: t.exposeInt('planned', { description: 'Dossiers planned that day, dossiers.' }),
    cumulativePlanned: t.exposeInt('cumulativePlanned', {
      description: 'Dossiers planned from the start to that day included, dossiers.',
    }),
    actual: t.exposeInt('actual', {
      nullable: true,
      description:
        'Dossiers reported that day, dossiers; null when nobody in the area reported, and on a day before the start or after the campaign’s last day (reports dated then are not the campaign’s days: see `servedAfterCampaign` and `reportWarnings`).',
    }),
    cumulativeActual: t.exposeInt('cumulativeActual', {
      description:
        'Dossiers reported in the campaign’s days (its start to its last day, as `servedAfterCampaign` says) up to that day included, dossiers: a report dated before the start counts nowhere, one after the campaign’s last day only in `servedAfterCampaign`.',
    }),
    reporting: t.field({
      type: DayReportingEnum,
      description: 'Whether the day’s reports cover the whole area, part of it, or none of it.',
      resolve: (day) => day.reporting,
    }),
    reportedLeaves: t.exposeInt('reportedLeaves', {
      description: 'Leaves (communes) covered by the day’s reports.',
    }),
    plannedOfReported: t.exposeInt('plannedOfReported', {
      nullable: true,
      description:
        'Dossiers planned for the part that reported: `planned` on a complete day, the reporting areas’ plan on a partial day, null without reports.',
    }),
    variance: t.exposeInt('variance', {
      nullable: true,
      description:
        'actual − plannedOfReported, in dossiers: on a partial day only the areas that reported are compared (a missing report is never read as zero).',
    }),
    cumulativeVariance: t.exposeInt('cumulativeVariance', {
      description: 'Reported minus planned from the start to that day, dossiers.',
    }),
    machinesWorking: t.exposeInt('machinesWorking', {
      description: 'Machines reported working that day, machines; null when no report says.',
      nullable: true,
    }),
    dossiersPerMachineDay: t.exposeFloat('dossiersPerMachineDay', {
      description: 'Dossiers per machine that day, dossiers per machine-day; null without machines reported.',
      nullable: true,
    }),
  }),
});

const ForecastRef = builder.objectRef<CompletionForecast>('CompletionForecast').implement({
  description: 'When the remaining demand is done at the observed daily rates (mean, best day, worst day).',
  fields: (t) => ({
    remaining: t.exposeInt('remaining', {
      description:
        'Dossiers left after the last day reported within the campaign, dossiers: demand less what the campaign’s days served (those reported after its last day, in `servedAfterCampaign`, are not taken off).',
    }),
    expected: t.expose('expected', {
      description: 'When the rest is done at the mean observed daily rate; null when none is observed.',
      type: 'Date',
      nullable: true,
    }),
    earliest: t.expose('earliest', {
      description: 'When the rest is done at the best observed day’s rate.',
      type: 'Date',
      nullable: true,
    }),
    latest: t.expose('latest', {
      description: 'When the rest is done at the worst observed day’s rate.',
      type: 'Date',
      nullable: true,
    }),
    meanDailyRate: t.exposeFloat('meanDailyRate', {
      description: 'Mean dossiers a day over the days reported, dossiers per day.',
    }),
    minDailyRate: t.exposeFloat('minDailyRate', { description: 'The worst day reported, dossiers per day.' }),
    maxDailyRate: t.exposeFloat('maxDailyRate', { description: 'The best day reported, dossiers per day.' }),
    basedOnDays: t.exposeInt('basedOnDays', {
      description: 'Open days with reports the rates come from, days.',
    }),
  }),
});

const PlanVsActualRef = builder.objectRef<PlanVsActual>('PlanVsActual');

/**
 * Cost points of `children`: as many further areas compared (beside the area above, priced with the
 * plan) as an area has right below, as a rule.
 */
const CHILDREN_POINTS = comparedAreasWork(NOMINAL.childAreas);
/** Cost points of one further area compared: a node of a `byArea` page. */
const COMPARED_AREA_POINTS = comparedAreasWork(1);
/** Cost points of `planVsActual` itself: the plan (priced as the whole country) and the area's daily series. */
const COMPARISON_POINTS = planWork(NOMINAL.scenarioAreas) + dailySeriesWork();
/**
 * Nodes of a `byArea` page from which asking each node's `children` (their codes alone) is over
 * the cost limit: each node is a further area with its children, whose selection counts once for
 * each of the most areas `children` may list.
 */
const NESTED_CHILDREN_REFUSED_FROM = Math.ceil(
  (MAX_COST - COMPARISON_POINTS) / (COMPARED_AREA_POINTS + CHILDREN_POINTS + NOMINAL.mostChildAreas),
);
/** The largest `byArea` page whose areas fit the cost limit with a few fields each (ten points a node). */
const LARGEST_FITTING_PAGE =
  Math.floor((MAX_COST - COMPARISON_POINTS) / (COMPARED_AREA_POINTS + 10) / 10) * 10;

const ComparisonReportingRef = builder.objectRef<PlanVsActual>('ComparisonReporting').implement({
  description: 'How fully an area reported over the days compared.',
  fields: (t) => ({
    daysCompared: t.int({ description: 'Days from `from` to `to`.', resolve: (r) => r.days.length }),
    daysPlanned: t.int({
      description: 'Days compared with dossiers planned.',
      resolve: (r) => r.days.filter((d) => d.planned > 0).length,
    }),
    daysReported: t.int({
      description: 'Days compared with a report in the area (complete or partial).',
      resolve: (r) => r.days.filter((d) => d.reporting !== 'none').length,
    }),
    completeDays: t.int({
      description: 'Days its reports covered it whole.',
      resolve: (r) => r.days.filter((d) => d.reporting === 'complete').length,
    }),
    partialDays: t.int({
      description: 'Days only some areas below it reported.',
      resolve: (r) => r.days.filter((d) => d.reporting === 'partial').length,
    }),
    lastReportedDate: t.field({
      type: 'Date',
      nullable: true,
      description: 'The last day compared with a report; null without one.',
      resolve: (r) => lastReported(r)?.date ?? null,
    }),
    leavesReportedOnLastDate: t.int({
      description: 'Leaves (communes) covered by a report on lastReportedDate; 0 without one.',
      resolve: (r) => lastReported(r)?.reportedLeaves ?? 0,
    }),
    shareOfLeavesReportedOnLastDate: t.float({
      description: 'leavesReportedOnLastDate ÷ leaves, 0..1.',
      resolve: (r) => (r.leaves > 0 ? (lastReported(r)?.reportedLeaves ?? 0) / r.leaves : 0),
    }),
  }),
});

function lastReported(r: PlanVsActual): ComparedDay | undefined {
  for (let k = r.days.length - 1; k >= 0; k--) {
    if (r.days[k]?.reporting !== 'none') return r.days[k];
  }
  return undefined;
}

PlanVsActualRef.implement({
  description:
    'Planned against reported, day by day, for an area of a scenario, with the forecast of its completion.',
  fields: (t) => ({
    scenarioId: t.exposeID('scenarioId', { description: 'The scenario compared (its own key).' }),
    areaCode: t.exposeString('areaCode', { description: 'The area compared (its code).' }),
    from: t.expose('from', { description: 'First day compared.', type: 'Date' }),
    to: t.expose('to', { description: 'Last day compared, included.', type: 'Date' }),
    demand: t.exposeInt('demand', { description: 'Dossiers the area had to take at the start, dossiers.' }),
    plannedCompletionDate: t.expose('plannedCompletionDate', {
      description: 'When the plan finishes the area; null when it does not.',
      type: 'Date',
      nullable: true,
    }),
    days: t.field({
      description: 'Each day from `from` to `to`.',
      type: [PlanVsActualDayRef],
      resolve: (r) => r.days,
    }),
    totalPlanned: t.exposeInt('totalPlanned', { description: 'Planned from `from` to `to`, dossiers.' }),
    totalActual: t.exposeInt('totalActual', {
      description:
        'Reported from `from` to `to` within the campaign’s days (its start to its last day, as `servedAfterCampaign` says), dossiers.',
    }),
    servedAfterCampaign: t.exposeInt('servedAfterCampaign', {
      description: `Dossiers reported in the area after the campaign’s last day, up to \`to\` when given, else all of them, dossiers: reports on a wrong date (a phone left on today’s date for a campaign long over) or the areas’ work after the campaign’s is done, each in \`reportWarnings\` as outside-campaign. The campaign’s last day is its deadline, or the plan’s \`completionDate\` when later (a plan that runs late has its late days compared as planned), carried on by the days reported after it while the campaign’s dossiers are not all reported and each comes at most ${LATE_REPORT_GAP_DAYS} days after the one before (a campaign running later than its plan keeps its reports in its days; the areas’ work once it is done is not its). Counted here alone: not in \`days\`, \`totalActual\`, the pace or \`forecast\`.`,
    }),
    campaignLastDay: t.expose('campaignLastDay', {
      type: 'Date',
      description:
        'The last of the campaign’s days as counted here (the same for every area of the scenario): its deadline, or the plan’s `completionDate` when later, carried on by the days reported after it (see `servedAfterCampaign`). Reports after it count only in `servedAfterCampaign`.',
    }),
    observedDossiersPerMachineDay: t.exposeFloat('observedDossiersPerMachineDay', {
      description:
        'Dossiers per machine-day over the days with machines, dossiers per machine-day: the machines the reports give or, where a report gives none, those the plan stations in its area, in either case only when they can do its dossiers in 24 hours at the service time (so that on the planned machines it is the forecast’s daily rate; a day above them, reported or planned, is in `warnings` and in no pace, its dossiers still served). A demand-bound figure is left out, here and in the areas above: one whose area had less work left at the start of the day (its demand less what it reported before) than its machines do at `plannedDossiersPerMachineDay`, and its dossiers fell short of that too (its dossiers still served; a day at the planned pace counts, however little work the plan left). Null without such days (a plan sized without machines, or reports without machines from areas sharing a pool above). A replan at the observed pace as of the last day reported finishes when `forecast.expected` does only for an area whose machines are a pool of its own, serving no other area, with no total reported above it and no demand-bound day: both then run this rate on the same machines over the same dossiers left. In an area that shares a pool (machines given to its district or province), the replan plans the pool again: its machines do the work all the pool’s areas have left, each at its own pace, and finish them together, and the area’s share of totals reported above it counts as served. It then answers when the shared pool is done, not when the area’s own rate would be, and the two dates may differ.',
      nullable: true,
    }),
    observedMachineDays: t.exposeInt('observedMachineDays', {
      description:
        'Machine-days behind `observedDossiersPerMachineDay`, machine-days: reported, or planned where a report gives none; none of a demand-bound figure.',
    }),
    forecast: t.field({
      description:
        'When the rest is done at the rates observed in the campaign’s days (its start to its last day, as `servedAfterCampaign` says; reports outside them move nothing), counting open days from the day after the last of them reported; null until a day is reported whole (every commune under the area, or the area’s own total) with dossiers.',
      type: ForecastRef,
      nullable: true,
      resolve: (r) => r.forecast,
    }),
    leaves: t.exposeInt('leaves', { description: 'Leaves (communes) under the area.' }),
    plannedDossiersPerMachineDay: t.exposeFloat('plannedDossiersPerMachineDay', {
      description: 'Dossiers one machine does on an average open day in the plan, at the area’s service.',
    }),
    variance: t.int({
      description:
        'Dossiers reported against the plan of the parts that reported, summed over the days compared (the days’ variances; days without reports count nothing, never as zero done).',
      resolve: (r) => r.days.reduce((sum, day) => sum + (day.variance ?? 0), 0),
    }),
    reporting: t.field({
      type: ComparisonReportingRef,
      description: 'How fully the area reported over the days compared.',
      resolve: (r) => r,
    }),
    warnings: t.field({
      type: [ActualsWarningRef],
      description:
        'Days above 24 hours of their machines in the area or below it, its pace off the plan’s by more than 20 %, partial days, areas’ own totals below their teams’ reports of the day (in the area or below it), more machines reported than the plan stations (in the area, and in the pools below it).',
      resolve: (r) => r.warnings,
    }),
    children: t.field({
      type: [PlanVsActualRef],
      description: `The same comparison for each area right below, from the same plan and reports: right under the top-level \`planVsActual\`, in its computation (one for the request, however many areas or aliases); deeper (under \`children\` or a \`byArea\` node), in one more computation of every area of the list above and the areas right below each. Priced before it runs as ${NOMINAL.childAreas} further areas compared beside the area above (${COMPARED_AREA_POINTS} cost points each, ${CHILDREN_POINTS.toLocaleString('en')} in all: the most districts of a 2021 province), its selection counted ${NOMINAL.mostChildAreas} times (the most communes of a 2025 province), and deeper once for each area of the list above: \`children\` under \`children\`, or \`byArea\` of two or more areas a page under \`children\`, or \`children\` under a page of ${NESTED_CHILDREN_REFUSED_FROM} or more \`byArea\` nodes, is over the cost limit and the request is refused whole (LIMIT_EXCEEDED naming PlanVsActual.children) before anything is compared. An area with more right below (a district of 39 communes, a 2025 province’s communes, the country’s 63 provinces) is charged its real count as the comparison is about to run (${COMPARED_AREA_POINTS} points each: a 2025 province’s 168 communes fit), and refused then, before it runs, when that is over the limit.`,
      // The areas right below are compared beside the area above (its plan and daily series priced
      // with it); deeper, each area of the list above asks for its own, so what it selects is
      // multiplied as a list of the most areas it may hold.
      complexity: (_args, context) => ({
        field: priced(context, 'PlanVsActual.children', CHILDREN_POINTS),
        multiplier: NOMINAL.mostChildAreas,
      }),
      resolve: async (r, _args, context) =>
        r.children ??
        (
          await planVsActual(
            prisma,
            context.memo,
            { scenarioId: r.scenarioId, areaCode: r.areaCode, ...r.asked },
            { withChildren: true },
          )
        ).children ??
        [],
    }),
    byArea: t.connection(
      {
        type: PlanVsActualRef,
        // Refused (a page too large, a cursor it did not give), it is null beside its error.
        nullable: true,
        description: `The same comparison for every area of \`level\` below this one (every commune of a province, say, or every commune of a 2025 province that has no districts), ordered by code, a page at a time: planned, actual, variance, reporting and forecast per area, in dossiers and days as above, from the same plan and reports (one computation for the request with the areas asked and their children, for a \`byArea\` right under the top-level \`planVsActual\`; one deeper is a second computation). Each area of a page is priced as a further area compared beside the area above (${COMPARED_AREA_POINTS} cost points; the plan and the daily series are the area above’s): pages of up to about ${LARGEST_FITTING_PAGE} areas with a few fields each fit the cost limit. Under \`children\` it is priced once for each of the ${NOMINAL.mostChildAreas} areas \`children\` may list, over the cost limit from 2 areas a page; under another \`byArea\`, once for each node of that page. Refused (a page over 500, a cursor it did not give): null, with BAD_USER_INPUT naming the argument, the rest of the answer kept.`,
        args: {
          level: t.arg({
            type: AreaLevelEnum,
            required: true,
            description: 'The level of the areas compared, below this area (e.g. COMMUNE).',
          }),
        },
        // Each area of the page is a further area compared, as the computation charges it.
        complexity: (args, context) => ({
          field: priced(context, 'PlanVsActual.byArea', comparedAreasWork(pageSize(args))),
          multiplier: pageSize(args),
        }),
        resolve: async (r, args, context) => {
          checkedPageSize(args, 'offset');
          const ask = pageAsk(args.level, args);
          const page =
            r.pages.get(pageKey(ask)) ??
            (
              await planVsActual(
                prisma,
                context.memo,
                { scenarioId: r.scenarioId, areaCode: r.areaCode, ...r.asked },
                { pages: [ask] },
              )
            ).pages.get(pageKey(ask));
          const connection = await resolveOffsetConnection(
            { args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE },
            () => page?.nodes ?? [],
          );
          return { ...connection, totalCount: () => page?.totalCount ?? 0 };
        },
      },
      ...countedConnection('PlanVsActual', 'areas compared'),
    ),
    reportWarnings: t.field({
      type: [ReportWarningRef],
      description: `The reports in the area dated from \`from\` (default: the scenario’s start) to \`to\` (default: no end, so reports after the campaign are listed) that are worth a second look (at most ${MAX_OUTSIDE_CAMPAIGN_WARNINGS.toLocaleString('en')} dated outside the campaign’s days over the whole scenario: its earliest, so an area asked about may miss some of its own), by the review recording makes (recording judges a date against the deadline: a report on a day a late plan plans past it is warned there, compared here): figures unlikely at the scenario’s service time (more dossiers than the machines reported, or when none are, the machines the plan puts in the area, do in 24 hours; day-above-planned-machines: a day’s team reports in one area, none giving machines, above those planned machines together) or impossible (stored before such reports were refused: among them machines-above-bound, more than 100,000 machines working, read as not given so that the pace counts the report on the machines planned in its area), and dates outside the campaign’s days (outside-campaign: one before the start counts nowhere, one after the campaign’s last day only in \`servedAfterCampaign\`).`,
      resolve: (r) => r.reportWarnings,
    }),
  }),
});

builder.queryField('planVsActual', (t) =>
  t.field({
    type: PlanVsActualRef,
    description: 'Per day, planned against reported for an area of a scenario, with variance and forecast.',
    errors: { types: inputErrors },
    args: {
      ...scenarioAreaArgs,
      from: t.arg({
        type: 'Date',
        description:
          'First day compared, and of the reports warned about. Default: the scenario start. Days before the start show no actual.',
      }),
      to: t.arg({
        type: 'Date',
        description:
          'Last day compared, included. Default: the last planned day or the last day reported within the campaign, whichever is later (a report after the campaign does not stretch the days). Bounds `servedAfterCampaign` and `reportWarnings` when given.',
      }),
    },
    authScopes: seesScenarioArea,
    complexity: (args, context) =>
      priced(
        context,
        'Query.planVsActual',
        COMPARISON_POINTS,
        `plan-vs-actual:${JSON.stringify([String(args.scenarioId), args.from ?? null, args.to ?? null])}`,
      ),
    resolve: (_root, args, context, info) =>
      planVsActual(
        prisma,
        context.memo,
        {
          scenarioId: String(args.scenarioId),
          areaCode: args.areaCode,
          from: args.from ?? null,
          to: args.to ?? null,
        },
        { withChildren: selectsField(info, 'children'), pages: pagesAsked(info) },
      ),
  }),
);

/** Whether the selection of the field being resolved asks for `name` (directly or in a fragment). */
function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const within = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return within(selection.selectionSet);
      return within(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node: FieldNode) => within(node.selectionSet));
}

/** The page of the areas of `level` that a connection's paging arguments ask for (one more, to tell a next page). */
function pageAsk(
  level: string,
  args: { first?: number | null; last?: number | null; after?: string | null; before?: string | null },
): PageAsk {
  const { offset, limit } = offsetForArgs({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE });
  return { level, offset, limit };
}

/**
 * The pages `byArea` asks for right in the selection of the field being resolved, so that they are
 * compared with it (a `byArea` deeper down is compared when it resolves). Paging that would be
 * refused is left to the field itself to refuse.
 */
function pagesAsked(info: GraphQLResolveInfo): PageAsk[] {
  const byArea = (info.schema.getType('PlanVsActual') as GraphQLObjectType).getFields().byArea;
  if (!byArea) return [];
  const pages: PageAsk[] = [];
  const within = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== 'byArea') continue;
        try {
          const args = getArgumentValues(byArea, selection, info.variableValues);
          checkedPageSize(args, 'offset');
          pages.push(pageAsk(String(args.level), args));
        } catch {
          // The field refuses it with its own error.
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) within(selection.selectionSet);
      else within(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) within(node.selectionSet);
  return pages;
}
