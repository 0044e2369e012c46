// What must a campaign change to finish by its deadline: @muster/planning's trySolveFor for one
// unknown (machines, open days, hours per day, minutes per dossier), on a stored scenario or an
// inline what-if, answered with the plan at the value found.
import type { CampaignInput, CampaignPlan } from '@muster/planning';
import { builder } from '../builder.ts';
import { keyOfValue, type Memo, memoize } from '../compute/memo.ts';
import { compute } from '../compute/pool.ts';
import { prisma } from '../db.ts';
import { PlanningInfeasibleError } from '../errors.ts';
import { priced, pricePlanRows } from '../limits/cost-limit.ts';
import { NOMINAL, planWork, solveWork } from '../limits/work.ts';
import { type PlanResult, planResult, whatIfArea } from '../planning/plan-result.ts';
import { areaOfScenario } from '../planning/scenario-input.ts';
import { type Solution, solve, subtreeInput } from '../planning/solve.ts';
import { storedPlan, storedScenario } from '../planning/stored-plan.ts';
import { CampaignInputRef, toCampaignInput } from './campaign-input.ts';
import { CampaignPlanRef } from './campaign-plan.ts';
import { computeErrors } from './error.ts';
import { seesScenarioArea } from './scenario-area.ts';

const SolveForUnknownEnum = builder.enumType('SolveForUnknown', {
  description: 'What to solve a campaign for; the answer meets the deadline and one step worse does not.',
  values: {
    MACHINES: {
      value: 'machines',
      description:
        'The fewest machines, in one pool over the area, that finish by the deadline (step 1 machine).',
    },
    DAYS: {
      value: 'days',
      description:
        'The fewest open days from the start in which the machines given finish (step 1 open day).',
    },
    HOURS_PER_DAY: {
      value: 'hoursPerDay',
      description:
        'The shortest daily window, same opening time, in which they finish (hours, step 1 minute).',
    },
    MINUTES_PER_DOSSIER: {
      value: 'minutesPerDossier',
      description: 'The longest ordinary service time at which they finish (minutes, step 0.01).',
    },
  } as const,
});

type Answer = Solution & { plan: PlanResult | null };

const SolutionRef = builder.objectRef<Answer>('Solution').implement({
  description: 'The value of the unknown that just meets the deadline, and the plan at that value.',
  fields: (t) => ({
    unknown: t.field({
      type: SolveForUnknownEnum,
      description: 'What was solved for.',
      resolve: (s) => s.unknown,
    }),
    value: t.exposeFloat('value', {
      description:
        'The answer in the unknown’s unit: machines, open days, hours a day or minutes per dossier.',
    }),
    step: t.exposeFloat('step', { description: 'Its resolution: one step worse misses the deadline.' }),
    unit: t.exposeString('unit', { description: 'The unit of value and step, in words.' }),
    deadline: t.field({
      type: 'Date',
      description: 'The deadline of the plan at that value (for DAYS, the last of those open days).',
      resolve: (s) => (s.solvedInput ?? s.input).calendar.deadline,
    }),
    hours: t.string({
      description: 'The daily window of the plan at that value, HH:mm–HH:mm.',
      resolve: (s) => {
        const { open, close } = (s.solvedInput ?? s.input).hours;
        return `${open}–${close}`;
      },
    }),
    plan: t.field({
      type: CampaignPlanRef,
      nullable: true,
      description:
        'The plan with the value in place, for the area asked about; null for MACHINES on a what-if of several roots (one pool cannot serve them all).',
      resolve: (s) => s.plan,
    }),
  }),
});

/** The plan at the solved value, keyed by its input so that aliases share it. */
async function planAtValue(memo: Memo, solution: Solution, areaCode: string, rootCode: string | null) {
  const solved = solution.solvedInput;
  if (solved === null) return null;
  const key = keyOfValue('plan:input', solved);
  const plan = await memoize(memo, key, () => compute('planCampaign', solved));
  return planResult(
    key,
    solved,
    plan,
    areaCode,
    rootCode === null ? null : { areaCode: rootCode, waitTargetMinutes: null, teamsPerSite: null },
  );
}

/** Solves the subtree of `areaCode`; `plan` (the whole input's) is read only when the area is not its only root. */
async function solveArea(
  memo: Memo,
  input: CampaignInput,
  areaCode: string,
  plan: () => Promise<CampaignPlan>,
  unknown: Solution['unknown'],
  rootCode: string | null,
): Promise<Answer> {
  const roots = input.areas.filter((area) => area.parentCode == null);
  const whole = roots.length === 1 && roots[0]?.code === areaCode;
  const solvedFor = whole ? input : subtreeInput(input, await plan(), areaCode);
  const solution = await memoize(memo, keyOfValue(`solve:${unknown}`, solvedFor), () =>
    solve(solvedFor, unknown),
  );
  return { ...solution, plan: await planAtValue(memo, solution, areaCode, rootCode) };
}

/** Points of a solve and the two plans around it. */
const solvePoints = (areas: number) => solveWork(areas) + 2 * planWork(areas);

const solveErrors = [...computeErrors, PlanningInfeasibleError];

builder.queryFields((t) => ({
  solve: t.field({
    type: SolutionRef,
    description:
      'Solves a stored scenario, over the area asked about and its subtree, for one unknown, and plans it at the value found. An ask without an answer is an InfeasibleError saying why.',
    errors: { types: solveErrors },
    args: {
      scenarioId: t.arg.id({ required: true, description: 'The scenario.' }),
      areaCode: t.arg.string({
        required: true,
        description:
          'The area solved for, within the scenario’s; with its own machines, or those the plan stations there from a pool above.',
      }),
      unknown: t.arg({ type: SolveForUnknownEnum, required: true, description: 'What to solve for.' }),
    },
    authScopes: seesScenarioArea,
    complexity: (_args, context) => {
      pricePlanRows(context, NOMINAL.planRows);
      return priced(context, 'Query.solve', solvePoints(NOMINAL.scenarioAreas));
    },
    resolve: async (_root, args, context) => {
      const scenarioId = String(args.scenarioId);
      const stored = await storedScenario(context.memo, prisma, scenarioId);
      const area = await areaOfScenario(prisma, stored, args.areaCode);
      const { input, scenario } = stored;
      const plan = async () => (await storedPlan(context.memo, prisma, scenarioId)).plan;
      return solveArea(context.memo, input, area.code, plan, args.unknown, scenario.areaCode);
    },
  }),
  solveWhatIf: t.field({
    type: SolutionRef,
    description:
      'Solves an inline what-if, over the area asked about and its subtree, for one unknown, and plans it at the value found; nothing is stored. Planners and admins.',
    errors: { types: solveErrors },
    authScopes: { admin: true, planner: true },
    args: {
      input: t.arg({ type: CampaignInputRef, required: true, description: 'The campaign, as for whatIf.' }),
      areaCode: t.arg.string({ description: 'The area solved for (default: the first root).' }),
      unknown: t.arg({ type: SolveForUnknownEnum, required: true, description: 'What to solve for.' }),
    },
    complexity: (args, context) => {
      pricePlanRows(context, args.input.areas.length);
      return priced(context, 'Query.solveWhatIf', solvePoints(args.input.areas.length));
    },
    resolve: async (_root, args, context) => {
      const input = await toCampaignInput(args.input);
      // Planned first, so that a refusal names the argument's field (`input.calendar.start`).
      const plan = await memoize(context.memo, keyOfValue('plan:input', args.input), () =>
        compute('planCampaign', input, 'input'),
      );
      const areaCode = whatIfArea(plan, args.areaCode);
      return solveArea(context.memo, input, areaCode, async () => plan, args.unknown, null);
    },
  }),
}));
