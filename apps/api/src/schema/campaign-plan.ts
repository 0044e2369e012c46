// The computed plan (from @muster/planning) and the two fields that answer with one: `plan` for
// a stored scenario and `whatIf` for inline input.
import type { AreaPlan, CampaignPlan, GeoPoint, PlannedDay } from '@muster/planning';
import { PlanningInputError } from '@muster/planning';
import { builder } from '../builder.ts';
import { cached } from '../cache/shared-cache.ts';
import { keyOfValue } from '../compute/memo.ts';
import { computeLeavingColumns } from '../compute/pool.ts';
import type { Context } from '../context.ts';
import { prisma } from '../db.ts';
import { NotFoundError } from '../errors.ts';
import { planRowsMultiplier, priced, pricePlanRows } from '../limits/cost-limit.ts';
import { afterOrdinaryRequests } from '../limits/ordinary-first.ts';
import { dailySeriesWork, NOMINAL, planWork } from '../limits/work.ts';
import {
  areaPlanKey,
  askedRow,
  type PlanResult,
  parseAreaPlanKey,
  planResult,
  planRow,
  rowCount,
  whatIfArea,
} from '../planning/plan-result.ts';
import { areaOfScenario } from '../planning/scenario-input.ts';
import { BYTES_KEPT, plannedDays, storedPlan } from '../planning/stored-plan.ts';
import { type AreaLevel, AreaLevelEnum } from './area.ts';
import { CampaignInputRef, toCampaignInput } from './campaign-input.ts';
import { computeErrors } from './error.ts';
import { scenarioAreaArgs, seesScenarioArea } from './scenario-area.ts';

const AreaStatusEnum = builder.enumType('AreaStatus', {
  description: 'Where an area stands (see @muster/planning AreaStatus).',
  values: {
    NOTHING_TO_DO: { value: 'nothing-to-do', description: 'No demand left: everyone eligible is served.' },
    NO_CAPACITY: {
      value: 'no-capacity',
      description: 'No open hour or no capacity per machine: nothing can be served.',
    },
    SIZED: {
      value: 'sized',
      description: 'No machines given: `machinesNeeded` says how many finish by the deadline.',
    },
    ON_TIME: { value: 'on-time', description: 'The machines given finish by the deadline.' },
    LATE: {
      value: 'late',
      description: 'The machines given finish after the deadline (`completionDate` says when).',
    },
    NO_MACHINES: {
      value: 'no-machines',
      description: 'Machines are given elsewhere but none serve this area.',
    },
    BEYOND_HORIZON: { value: 'beyond-horizon', description: 'Not done within ten years at this pace.' },
  } as const,
});

const AreaReasonCodeEnum = builder.enumType('AreaReasonCode', {
  description:
    'Why an area is late, unserved or without capacity, as a code (see @muster/planning AreaReasonCode): `reason` says it in an English sentence with its figures, a client words it by this code.',
  values: {
    NO_MACHINES: {
      value: 'no-machines',
      description:
        'Some of its dossiers are in areas that no machine serves: give machines for them or above them.',
    },
    ZERO_MACHINES: {
      value: 'zero-machines',
      description: 'Zero machines are given for an area with demand.',
    },
    ZERO_HOUR_WINDOW: { value: 'zero-hour-window', description: 'The daily window is open zero hours.' },
    DEADLINE_BEFORE_START: {
      value: 'deadline-before-start',
      description: 'The deadline is before the start.',
    },
    NO_OPEN_DAYS: { value: 'no-open-days', description: 'No day from the start to the deadline is open.' },
    BEYOND_HORIZON: {
      value: 'beyond-horizon',
      description:
        'The machines given would need more than ten years (3,660 days); `machinesNeeded` machines finish on time.',
    },
    LATE: {
      value: 'late',
      description:
        'The machines given finish after the deadline: on `completionDate`, `daysNeeded − openDays` open days late; `machinesNeeded` machines finish on time (null when no day is open to the deadline).',
    },
  } as const,
});

type Figures = Omit<CampaignPlan['totals'], 'areaCount' | 'leafCount'>;

const PlanFiguresRef = builder.interfaceRef<Figures>('PlanFigures').implement({
  description: 'Sizing figures of an area or of a whole plan.',
  fields: (t) => ({
    population: t.exposeInt('population', {
      description: 'People living in the area(s), persons (sum over the leaves).',
    }),
    eligible: t.exposeInt('eligible', { description: 'People eligible (aged 14+), persons.' }),
    alreadyServed: t.exposeInt('alreadyServed', {
      description: 'Eligible people served before the campaign, persons (dossiers already taken).',
    }),
    demand: t.exposeInt('demand', {
      description: 'Dossiers still to take: eligible × turnout − already served.',
    }),
    openDays: t.exposeInt('openDays', { description: 'Open days from the start to the deadline, days.' }),
    dailyCapacityPerMachine: t.exposeFloat('dailyCapacityPerMachine', {
      description:
        'Dossiers one machine takes in an open day, dossiers per machine-day (breakdowns and hard cases included).',
    }),
    machineDays: t.exposeFloat('machineDays', {
      description: 'Machine-days the demand needs, machine-days; null when there is no capacity.',
      nullable: true,
    }),
    machinesNeeded: t.exposeInt('machinesNeeded', {
      description: 'Machines needed to finish by the deadline, machines (pooled); null when none can.',
      nullable: true,
    }),
    machinesNeededAtSites: t.exposeInt('machinesNeededAtSites', {
      description: 'Machines needed with one site per leaf (each leaf rounded up on its own), machines.',
      nullable: true,
    }),
    dailyTarget: t.exposeInt('dailyTarget', {
      description: 'Dossiers to take each open day to finish by the deadline, dossiers per day.',
      nullable: true,
    }),
    dailyTargetPerMachine: t.exposeFloat('dailyTargetPerMachine', {
      description: 'The daily target per machine given, dossiers per machine-day; null without machines.',
      nullable: true,
    }),
    machines: t.exposeInt('machines', {
      description: 'Machines given (from the pools that serve it), machines; null when none are given.',
      nullable: true,
    }),
    daysNeeded: t.exposeInt('daysNeeded', {
      description: 'Open days the machines given need to take the demand, days; null without machines.',
      nullable: true,
    }),
    completionDate: t.expose('completionDate', {
      description:
        'Day the demand is done with the machines given (projected past the deadline when late); null without machines or beyond ten years.',
      type: 'Date',
      nullable: true,
    }),
    meetsDeadline: t.exposeBoolean('meetsDeadline', {
      description: 'Done by the deadline with the machines given; null without machines.',
      nullable: true,
    }),
    status: t.field({
      description: 'Where it stands: sized, on time, late, nothing to do, …',
      type: AreaStatusEnum,
      resolve: (row) => row.status,
    }),
    reason: t.exposeString('reason', {
      description: 'Why it is late or cannot be served, in a sentence; null otherwise.',
      nullable: true,
    }),
    reasonCode: t.field({
      description: 'The code of `reason`, to word it in another language; null when `reason` is.',
      type: AreaReasonCodeEnum,
      nullable: true,
      resolve: (row) => row.reasonCode,
    }),
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
    servedBy: t.exposeString('servedBy', {
      nullable: true,
      description: 'Code of the area whose machine pool serves it; null when no machines are given.',
    }),
  }),
});

const CampaignTotalsRef = builder.objectRef<CampaignPlan['totals']>('CampaignTotals').implement({
  description: 'Figures summed over the area asked about and its descendants, or over a whole plan.',
  interfaces: [PlanFiguresRef],
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'areaCount' in value,
  fields: (t) => ({
    areaCount: t.exposeInt('areaCount', {
      description: 'Areas counted, the one asked about and all below it.',
    }),
    leafCount: t.exposeInt('leafCount', {
      description: 'Areas without children among them (communes, usually).',
    }),
  }),
});

export const AssumptionRef = builder.objectRef<CampaignPlan['assumptions'][number]>('Assumption').implement({
  description:
    'A figure the plan used that the input did not give (a default or a derived value), with its source.',
  fields: (t) => ({
    key: t.exposeString('key', {
      description: 'What was assumed, by its input name (minutesPerDossier, turnout, …).',
    }),
    value: t.string({
      description: 'The value used, as text (with the input’s units).',
      resolve: (a) => String(a.value),
    }),
    source: t.exposeString('source', { description: 'given, default or derived.' }),
    note: t.exposeString('note', { description: 'Why or where from, in a sentence.' }),
  }),
});

const PlanWarningRef = builder.objectRef<CampaignPlan['warnings'][number]>('PlanWarning').implement({
  description: 'Something in the input that looks wrong but does not stop the plan.',
  fields: (t) => ({
    field: t.exposeString('path', { description: 'The input it is about, e.g. `areas[3].eligible`.' }),
    message: t.exposeString('message', { description: 'What looks wrong, in a sentence.' }),
  }),
});

const InfeasibilityRef = builder
  .objectRef<CampaignPlan['infeasibilities'][number]>('Infeasibility')
  .implement({
    description: 'Why (part of) a plan cannot be met.',
    fields: (t) => ({
      code: t.exposeString('code', {
        description: 'Why, as a code: no-open-days, deadline-before-start, no-capacity, …',
      }),
      message: t.exposeString('message', {
        description: 'Why, in a sentence.',
      }),
      areaCode: t.exposeString('areaCode', {
        description: 'The area it concerns; null for the whole plan.',
        nullable: true,
      }),
    }),
  });

const PlanPeriodRef = builder.objectRef<CampaignPlan['period']>('PlanPeriod').implement({
  description: 'The campaign’s days: start, deadline, open days and hours, in its time zone.',
  fields: (t) => ({
    start: t.expose('start', { description: 'First day of the campaign.', type: 'Date' }),
    deadline: t.expose('deadline', { description: 'Last day of the campaign, included.', type: 'Date' }),
    timeZone: t.exposeString('timeZone', {
      description: 'IANA time zone of the dates and hours, e.g. Asia/Ho_Chi_Minh.',
    }),
    openDays: t.exposeInt('openDays', { description: 'Open days from start to deadline, days.' }),
    openHours: t.exposeFloat('openHours', { description: 'Hours open per open day, hours.' }),
    firstOpenDate: t.expose('firstOpenDate', {
      description: 'First open day; null when none is open.',
      type: 'Date',
      nullable: true,
    }),
    lastOpenDate: t.expose('lastOpenDate', {
      description: 'Last open day up to the deadline; null when none is open.',
      type: 'Date',
      nullable: true,
    }),
  }),
});

const MachineCapacityRef = builder.objectRef<CampaignPlan['capacity']>('MachineCapacity').implement({
  description: 'What one machine does: the service figures and the capacity that follows from them.',
  fields: (t) => ({
    minutesPerDossier: t.exposeFloat('minutesPerDossier', {
      description: 'Mean minutes to take an ordinary dossier, minutes.',
    }),
    serviceCv: t.exposeFloat('serviceCv', {
      description: 'Coefficient of variation of the service time (standard deviation ÷ mean), no unit.',
    }),
    availability: t.exposeFloat('availability', {
      description: 'Share of open time a machine works (breakdowns take the rest), 0..1.',
    }),
    hardCaseShare: t.exposeFloat('hardCaseShare', {
      description: 'Share of dossiers that are hard cases (fingerprints retried), 0..1.',
    }),
    hardCaseExtraMinutes: t.exposeFloat('hardCaseExtraMinutes', {
      description: 'Extra minutes a hard case takes, minutes.',
    }),
    meanMinutesPerDossier: t.exposeFloat('meanMinutesPerDossier', {
      description: 'Mean minutes per dossier with hard cases, minutes.',
    }),
    effectiveServiceCv: t.exposeFloat('effectiveServiceCv', {
      description: 'Coefficient of variation with hard cases mixed in, no unit.',
    }),
    dossiersPerMachineHour: t.exposeFloat('dossiersPerMachineHour', {
      description:
        'Dossiers one machine takes per open hour, breakdowns included, dossiers per machine-hour.',
    }),
    hoursPerDay: t.exposeFloat('hoursPerDay', { description: 'Hours open per open day, hours.' }),
    dailyCapacityPerMachine: t.exposeFloat('dailyCapacityPerMachine', {
      description: 'Dossiers one machine takes per open day, dossiers per machine-day.',
    }),
  }),
});

const PlannedDayRef = builder.objectRef<PlannedDay>('PlannedDay').implement({
  description: 'Dossiers planned on one open day, and since the start.',
  fields: (t) => ({
    date: t.expose('date', { description: 'The open day.', type: 'Date' }),
    planned: t.exposeInt('planned', { description: 'Dossiers planned that day, dossiers.' }),
    cumulativePlanned: t.exposeInt('cumulativePlanned', {
      description: 'Dossiers planned from the start to that day included, dossiers.',
    }),
  }),
});

const PlanModeEnum = builder.enumType('PlanMode', {
  description: 'What a plan answers: machines needed, or when the machines given finish.',
  values: {
    SIZING: { value: 'sizing', description: 'No machines given: how many finish by the deadline.' },
    COMPLETION: { value: 'completion', description: 'Machines given: when they finish.' },
  } as const,
});

export const CampaignPlanRef = builder.objectRef<PlanResult>('CampaignPlan').implement({
  description:
    'A campaign plan from @muster/planning: sizing (machines needed) or completion (machines given).',
  fields: (t) => ({
    areaCode: t.exposeString('areaCode', { description: 'The area asked about.' }),
    mode: t.field({
      description:
        'Sizing (no machines given: how many are needed) or completion (machines given: when it is done).',
      type: PlanModeEnum,
      resolve: (r) => r.plan.mode,
    }),
    feasible: t.boolean({
      description: 'No infeasibility in the area asked about and its descendants (nor of the whole plan).',
      resolve: (r) => infeasibilitiesOf(r).length === 0,
    }),
    infeasibilities: t.field({
      type: [InfeasibilityRef],
      description: 'Why the plan cannot be met: of the whole plan, and of the areas asked about.',
      resolve: infeasibilitiesOf,
    }),
    period: t.field({
      description: 'The campaign’s days and hours.',
      type: PlanPeriodRef,
      resolve: (r) => r.plan.period,
    }),
    capacity: t.field({
      description: 'What one machine does, from the service figures.',
      type: MachineCapacityRef,
      resolve: (r) => r.plan.capacity,
    }),
    area: t.field({
      type: AreaPlanRef,
      description: 'The row of the area asked about.',
      // The row exists: whatIfArea and areaOfScenario checked the area before (as areas[0] was).
      resolve: (r) => {
        const row = askedRow(r);
        return rowsOf(r, row === undefined ? [] : [row])[0] as AreaPlanRow;
      },
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
      resolve: (r) => askedRow(r)?.completionDate ?? null,
    }),
    assumptions: t.field({
      description: 'Every figure the plan used that the input did not give, with where it came from.',
      type: [AssumptionRef],
      resolve: (r) => r.plan.assumptions,
    }),
    warnings: t.field({
      type: [PlanWarningRef],
      description:
        'Warnings about the input of the areas asked about (and of the whole input, when that is what was asked).',
      resolve: warningsOf,
    }),
    daily: t.field({
      type: [PlannedDayRef],
      description: 'Dossiers planned per open day for an area (default: the area asked about).',
      args: {
        areaCode: t.arg.string({
          description: 'The area of the series (its code); default: the one asked about.',
        }),
      },
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
    args: scenarioAreaArgs,
    authScopes: seesScenarioArea,
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
      input: t.arg({
        type: CampaignInputRef,
        required: true,
        description: 'The campaign to plan, shaped as the planning library’s CampaignInput.',
      }),
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
      // Each step on the main thread in a turn of its own (reading the input, copying it to a
      // worker), after the ordinary requests: they wait for one step of a 20,000-area what-if at most.
      await afterOrdinaryRequests();
      const input = await toCampaignInput(args.input);
      const key = keyOfValue('plan:input', args.input);
      // A what-if depends on its input only: kept across requests under its hash (a long input
      // under its request body's, compute/memo.ts).
      const plan = await cached(
        context.memo,
        key,
        async () => {
          await afterOrdinaryRequests();
          return computeLeavingColumns('planCampaign', input, 'input');
        },
        (computed) => rowCount(computed) * BYTES_KEPT.plannedArea,
      );
      return planResult(key, input, plan, whatIfArea(plan, args.areaCode), null);
    },
  }),
}));
