// The computed plan (from @muster/planning) and the two fields that answer with one: `plan` for
// a stored scenario and `whatIf` for inline input.
import type { AreaPlan, CampaignPlan, GeoPoint, PlannedDay } from '@muster/planning';
import { PlanningInputError } from '@muster/planning';
import { builder } from '../builder.ts';
import { cached } from '../cache/shared-cache.ts';
import { keyOfValue } from '../compute/memo.ts';
import { compute } from '../compute/pool.ts';
import type { Context } from '../context.ts';
import { prisma } from '../db.ts';
import { NotFoundError } from '../errors.ts';
import { planRowsMultiplier, priced, pricePlanRows } from '../limits/cost-limit.ts';
import { dailySeriesWork, NOMINAL, planWork } from '../limits/work.ts';
import {
  areaPlanKey,
  type PlanResult,
  parseAreaPlanKey,
  planResult,
  planRow,
  whatIfArea,
} from '../planning/plan-result.ts';
import { areaOfScenario } from '../planning/scenario-input.ts';
import { BYTES_KEPT, plannedDays, storedPlan } from '../planning/stored-plan.ts';
import { type AreaLevel, AreaLevelEnum } from './area.ts';
import { CampaignInputRef, toCampaignInput } from './campaign-input.ts';
import { computeErrors } from './error.ts';

const AreaStatusEnum = builder.enumType('AreaStatus', {
  description: 'Where an area stands (see @muster/planning AreaStatus).',
  values: {
    NOTHING_TO_DO: { value: 'nothing-to-do' },
    NO_CAPACITY: { value: 'no-capacity' },
    SIZED: { value: 'sized' },
    ON_TIME: { value: 'on-time' },
    LATE: { value: 'late' },
    NO_MACHINES: { value: 'no-machines' },
    BEYOND_HORIZON: { value: 'beyond-horizon' },
  } as const,
});

type Figures = Omit<CampaignPlan['totals'], 'areaCount' | 'leafCount'>;

const PlanFiguresRef = builder.interfaceRef<Figures>('PlanFigures').implement({
  description: 'Sizing figures of an area or of a whole plan.',
  fields: (t) => ({
    population: t.exposeInt('population'),
    eligible: t.exposeInt('eligible'),
    alreadyServed: t.exposeInt('alreadyServed'),
    demand: t.exposeInt('demand', {
      description: 'Dossiers still to take: eligible × turnout − already served.',
    }),
    openDays: t.exposeInt('openDays'),
    dailyCapacityPerMachine: t.exposeFloat('dailyCapacityPerMachine'),
    machineDays: t.exposeFloat('machineDays', { nullable: true }),
    machinesNeeded: t.exposeInt('machinesNeeded', { nullable: true }),
    machinesNeededAtSites: t.exposeInt('machinesNeededAtSites', { nullable: true }),
    dailyTarget: t.exposeInt('dailyTarget', { nullable: true }),
    dailyTargetPerMachine: t.exposeFloat('dailyTargetPerMachine', { nullable: true }),
    machines: t.exposeInt('machines', { nullable: true }),
    daysNeeded: t.exposeInt('daysNeeded', { nullable: true }),
    completionDate: t.expose('completionDate', { type: 'Date', nullable: true }),
    meetsDeadline: t.exposeBoolean('meetsDeadline', { nullable: true }),
    status: t.field({ type: AreaStatusEnum, resolve: (row) => row.status }),
    reason: t.exposeString('reason', { nullable: true }),
  }),
});

const GeoPointRef = builder.objectRef<GeoPoint>('GeoPoint').implement({
  description: 'A place in decimal degrees (WGS 84), such as a commune’s centroid.',
  fields: (t) => ({
    latitude: t.exposeFloat('latitude', { description: 'Degrees north, −90 to 90.' }),
    longitude: t.exposeFloat('longitude', { description: 'Degrees east, −180 to 180.' }),
  }),
});

/** A plan's row with the key of its global id (plan-result.ts `areaPlanKey`). */
type AreaPlanRow = AreaPlan & { nodeKey: string };

/** The rows of a plan as the schema answers them, each with its global id's key. */
function rowsOf(result: PlanResult, rows: readonly AreaPlan[]): AreaPlanRow[] {
  return rows.map((row) => ({ ...row, nodeKey: areaPlanKey(result, row.code) }));
}

const AreaPlanRef = builder.objectRef<AreaPlanRow>('AreaPlan');

builder.node(AreaPlanRef, {
  description:
    'The plan of one area in one scenario or what-if; integers of a parent are the sums of its children’s. A stored scenario’s row can be fetched again with `node(id:)`; a what-if’s cannot (its input is not stored).',
  interfaces: [PlanFiguresRef],
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'nodeKey' in value,
  id: { resolve: (row) => row.nodeKey },
  loadWithoutCache: async (key, context) => {
    const parsed = parseAreaPlanKey(key);
    if (parsed === null) return null;
    try {
      const result = await scenarioPlanResult(context, parsed.scenarioId, parsed.areaCode);
      return rowsOf(result, result.areas.slice(0, 1))[0] ?? null;
    } catch (error) {
      // An area outside the scenario's tree: no such row.
      if (error instanceof NotFoundError || error instanceof PlanningInputError) return null;
      throw error;
    }
  },
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The area’s code.' }),
    name: t.exposeString('name', { description: 'The area’s name.' }),
    parentCode: t.exposeString('parentCode', {
      nullable: true,
      description: 'Code of the area above in the plan; null for a root.',
    }),
    level: t.field({
      type: AreaLevelEnum,
      nullable: true,
      description: 'What kind of unit it is; null when the input did not say.',
      resolve: (row) => row.level as AreaLevel | null,
    }),
    depth: t.exposeInt('depth', { description: 'Levels below the plan’s root: 0 for a root.' }),
    isLeaf: t.exposeBoolean('isLeaf', { description: 'No area below it in the plan.' }),
    location: t.field({
      type: GeoPointRef,
      nullable: true,
      description: 'The area’s centroid as planned; null when it has none.',
      resolve: (row) => row.location,
    }),
    servedBy: t.exposeString('servedBy', { nullable: true }),
  }),
});

const CampaignTotalsRef = builder.objectRef<CampaignPlan['totals']>('CampaignTotals').implement({
  interfaces: [PlanFiguresRef],
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'areaCount' in value,
  fields: (t) => ({
    areaCount: t.exposeInt('areaCount'),
    leafCount: t.exposeInt('leafCount'),
  }),
});

export const AssumptionRef = builder.objectRef<CampaignPlan['assumptions'][number]>('Assumption').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    value: t.string({ resolve: (a) => String(a.value) }),
    source: t.exposeString('source', { description: 'given, default or derived.' }),
    note: t.exposeString('note'),
  }),
});

const PlanWarningRef = builder.objectRef<CampaignPlan['warnings'][number]>('PlanWarning').implement({
  fields: (t) => ({ field: t.exposeString('path'), message: t.exposeString('message') }),
});

const InfeasibilityRef = builder
  .objectRef<CampaignPlan['infeasibilities'][number]>('Infeasibility')
  .implement({
    fields: (t) => ({
      code: t.exposeString('code'),
      message: t.exposeString('message'),
      areaCode: t.exposeString('areaCode', { nullable: true }),
    }),
  });

const PlanPeriodRef = builder.objectRef<CampaignPlan['period']>('PlanPeriod').implement({
  fields: (t) => ({
    start: t.expose('start', { type: 'Date' }),
    deadline: t.expose('deadline', { type: 'Date' }),
    timeZone: t.exposeString('timeZone'),
    openDays: t.exposeInt('openDays'),
    openHours: t.exposeFloat('openHours'),
    firstOpenDate: t.expose('firstOpenDate', { type: 'Date', nullable: true }),
    lastOpenDate: t.expose('lastOpenDate', { type: 'Date', nullable: true }),
  }),
});

const MachineCapacityRef = builder.objectRef<CampaignPlan['capacity']>('MachineCapacity').implement({
  fields: (t) => ({
    minutesPerDossier: t.exposeFloat('minutesPerDossier'),
    serviceCv: t.exposeFloat('serviceCv'),
    availability: t.exposeFloat('availability'),
    hardCaseShare: t.exposeFloat('hardCaseShare'),
    hardCaseExtraMinutes: t.exposeFloat('hardCaseExtraMinutes'),
    meanMinutesPerDossier: t.exposeFloat('meanMinutesPerDossier'),
    effectiveServiceCv: t.exposeFloat('effectiveServiceCv'),
    dossiersPerMachineHour: t.exposeFloat('dossiersPerMachineHour'),
    hoursPerDay: t.exposeFloat('hoursPerDay'),
    dailyCapacityPerMachine: t.exposeFloat('dailyCapacityPerMachine'),
  }),
});

const PlannedDayRef = builder.objectRef<PlannedDay>('PlannedDay').implement({
  fields: (t) => ({
    date: t.expose('date', { type: 'Date' }),
    planned: t.exposeInt('planned'),
    cumulativePlanned: t.exposeInt('cumulativePlanned'),
  }),
});

const PlanModeEnum = builder.enumType('PlanMode', {
  values: { SIZING: { value: 'sizing' }, COMPLETION: { value: 'completion' } } as const,
});

export const CampaignPlanRef = builder.objectRef<PlanResult>('CampaignPlan').implement({
  description:
    'A campaign plan from @muster/planning: sizing (machines needed) or completion (machines given).',
  fields: (t) => ({
    areaCode: t.exposeString('areaCode', { description: 'The area asked about.' }),
    mode: t.field({ type: PlanModeEnum, resolve: (r) => r.plan.mode }),
    feasible: t.boolean({
      description: 'No infeasibility in the area asked about and its descendants (nor of the whole plan).',
      resolve: (r) => infeasibilitiesOf(r).length === 0,
    }),
    infeasibilities: t.field({
      type: [InfeasibilityRef],
      description: 'Why the plan cannot be met: of the whole plan, and of the areas asked about.',
      resolve: infeasibilitiesOf,
    }),
    period: t.field({ type: PlanPeriodRef, resolve: (r) => r.plan.period }),
    capacity: t.field({ type: MachineCapacityRef, resolve: (r) => r.plan.capacity }),
    area: t.field({
      type: AreaPlanRef,
      description: 'The row of the area asked about.',
      resolve: (r) => rowsOf(r, r.areas.slice(0, 1))[0] as AreaPlanRow,
    }),
    areas: t.field({
      type: [AreaPlanRef],
      description:
        'The area asked about and its descendants, parents before children; the filters keep the rows that pass all of them (Nghệ An: 482 rows in all, 22 with `depthBelow: 1`).',
      args: {
        depthBelow: t.arg.int({
          description:
            'Only rows at most this many levels below the area asked about: 0 the area itself, 1 with its children, …',
        }),
        levels: t.arg({ type: [AreaLevelEnum], description: 'Only rows of these levels (`[DISTRICT]`).' }),
        codes: t.arg.stringList({
          description:
            'Only the rows of these area codes; a code outside the area asked about answers no row.',
        }),
      },
      complexity: (_args, context) => ({ field: 1, multiplier: planRowsMultiplier(context) }),
      resolve: (r, args) => rowsOf(r, filterRows(r, args)),
    }),
    totals: t.field({
      type: CampaignTotalsRef,
      description:
        'The figures of the area asked about and its descendants (areaCount and leafCount count them). The whole plan’s are `scenarioTotals`.',
      resolve: subtreeTotals,
    }),
    scenarioTotals: t.field({
      type: CampaignTotalsRef,
      nullable: true,
      description:
        'The figures of the whole scenario or what-if (all roots summed); null, with a FORBIDDEN error, for a caller who does not see the scenario’s whole area.',
      authScopes: (r) => (r.rootCode === null ? { signedIn: true } : { seesArea: r.rootCode }),
      resolve: (r) => r.plan.totals,
    }),
    completionDate: t.field({
      type: 'Date',
      nullable: true,
      description:
        'When the area asked about and its descendants are done (projected past the deadline when late).',
      resolve: (r) => r.areas[0]?.completionDate ?? null,
    }),
    assumptions: t.field({ type: [AssumptionRef], resolve: (r) => r.plan.assumptions }),
    warnings: t.field({
      type: [PlanWarningRef],
      description:
        'Warnings about the input of the areas asked about (and of the whole input, when that is what was asked).',
      resolve: warningsOf,
    }),
    daily: t.field({
      type: [PlannedDayRef],
      description: 'Dossiers planned per open day for an area (default: the area asked about).',
      args: { areaCode: t.arg.string() },
      complexity: (_args, context) => ({
        field: priced(context, 'CampaignPlan.daily', dailySeriesWork()),
        multiplier: 10,
      }),
      resolve: (r, args, context) => plannedDays(context.memo, r, planRow(r, args.areaCode).code),
    }),
  }),
});

/** The rows of `CampaignPlan.areas` its filters keep. */
function filterRows(
  result: PlanResult,
  args: { depthBelow?: number | null; levels?: readonly string[] | null; codes?: readonly string[] | null },
): AreaPlan[] {
  const { depthBelow, levels, codes } = args;
  if (depthBelow != null && !(Number.isInteger(depthBelow) && depthBelow >= 0)) {
    throw new PlanningInputError({
      path: 'depthBelow',
      code: 'range',
      expected: 'a whole number of levels, 0 or more',
      received: depthBelow,
    });
  }
  const top = result.areas[0]?.depth ?? 0;
  const levelSet = levels != null ? new Set(levels) : null;
  const codeSet = codes != null ? new Set(codes) : null;
  return result.areas.filter(
    (row) =>
      (depthBelow == null || row.depth - top <= depthBelow) &&
      (levelSet === null || (row.level !== null && levelSet.has(row.level))) &&
      (codeSet === null || codeSet.has(row.code)),
  );
}

/** The figures of the area asked about, summed over its subtree as the plan's rows are. */
function subtreeTotals(result: PlanResult): CampaignPlan['totals'] {
  const {
    code: _c,
    name: _n,
    parentCode: _p,
    level: _l,
    depth: _d,
    isLeaf: _i,
    servedBy: _s,
    ...figures
  } = result.areas[0] as AreaPlan;
  return {
    ...figures,
    areaCount: result.areas.length,
    leafCount: result.areas.filter((row) => row.isLeaf).length,
  };
}

/** Whether the area asked about is the plan's only root: then what concerns the whole plan is its. */
function isWholePlan(result: PlanResult): boolean {
  return (
    result.plan.areas.filter((row) => row.parentCode === null).length === 1 &&
    result.areas[0]?.parentCode === null
  );
}

/** Infeasibilities of the whole plan (no area) and of the areas asked about. */
function infeasibilitiesOf(result: PlanResult): CampaignPlan['infeasibilities'] {
  const inside = new Set(result.areas.map((row) => row.code));
  return result.plan.infeasibilities.filter((item) => item.areaCode == null || inside.has(item.areaCode));
}

/** Warnings about the areas asked about: `areas[i]…` names an input area by its index. */
function warningsOf(result: PlanResult): CampaignPlan['warnings'] {
  if (isWholePlan(result)) return result.plan.warnings;
  const inside = new Set(result.areas.map((row) => row.code));
  return result.plan.warnings.filter((warning) => {
    const index = /^areas\[(\d+)\]/.exec(warning.path)?.[1];
    return index !== undefined && inside.has(result.input.areas[Number(index)]?.code ?? '');
  });
}

/** A stored scenario's plan for `areaCode` and its descendants, computed once per request. */
async function scenarioPlanResult(
  context: Context,
  scenarioId: string,
  areaCode: string,
): Promise<PlanResult> {
  const stored = await storedPlan(context.memo, prisma, scenarioId);
  const area = await areaOfScenario(prisma, stored, areaCode);
  return planResult(stored.key, stored.input, stored.plan, area.code, stored.scenario);
}

builder.queryFields((t) => ({
  plan: t.field({
    type: CampaignPlanRef,
    description: 'The plan of a stored scenario for an area within it and its descendants.',
    errors: { types: computeErrors },
    args: {
      scenarioId: t.arg.id({ required: true }),
      areaCode: t.arg.string({ required: true }),
    },
    authScopes: (_root, args) => ({
      $all: { seesScenario: String(args.scenarioId), seesArea: args.areaCode },
    }),
    complexity: (args, context) => {
      pricePlanRows(context, NOMINAL.planRows);
      return priced(
        context,
        'Query.plan',
        planWork(NOMINAL.scenarioAreas),
        `plan:scenario:${args.scenarioId}`,
      );
    },
    resolve: (_root, args, context) => scenarioPlanResult(context, String(args.scenarioId), args.areaCode),
  }),
  whatIf: t.field({
    type: CampaignPlanRef,
    description:
      'A plan from inline input; nothing is stored. The first area listed is the one asked about. Planners and admins.',
    errors: { types: computeErrors },
    authScopes: { admin: true, planner: true },
    args: {
      input: t.arg({ type: CampaignInputRef, required: true }),
      areaCode: t.arg.string({
        description: 'The area whose rows and daily series to show (default: the first root).',
      }),
    },
    complexity: (args, context) => {
      pricePlanRows(context, args.input.areas.length);
      return priced(
        context,
        'Query.whatIf',
        planWork(args.input.areas.length),
        keyOfValue('plan:input', args.input),
      );
    },
    resolve: async (_root, args, context) => {
      const input = toCampaignInput(args.input);
      const key = keyOfValue('plan:input', args.input);
      // A what-if depends on its input only: kept across requests under its hash.
      const plan = await cached(
        context.memo,
        key,
        () => compute('planCampaign', input, 'input'),
        (computed) => computed.areas.length * BYTES_KEPT.plannedArea,
      );
      return planResult(key, input, plan, whatIfArea(plan, args.areaCode), null);
    },
  }),
}));
