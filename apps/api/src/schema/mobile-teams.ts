// Mobile teams for the communes of a plan: `CampaignPlan.mobileTeams`, a dated visit calendar
// from @muster/planning's planMobileTeams (straight-line travel between commune centroids).
import type { MobileCommune, MobilePlan } from '@muster/planning';
import { PlanningInfeasibleError, PlanningInputError, planMobileTeams } from '@muster/planning';
import { builder } from '../builder.ts';
import { OpeningHoursInputRef } from './campaign-input.ts';
import { CampaignPlanRef } from './campaign-plan.ts';
import { inputErrors } from './error.ts';

const PriorityRuleEnum = builder.enumType('ItineraryPriority', {
  values: {
    RANK: { value: 'rank', description: 'In the order given (all communes alike here).' },
    REMOTE_FIRST: { value: 'remote-first', description: 'The farthest from home first.' },
    LOW_COVERAGE_FIRST: { value: 'low-coverage-first', description: 'The least served first.' },
  } as const,
});

type Visit = MobilePlan['teams'][number]['visits'][number];

const MobileVisitRef = builder.objectRef<Visit>('MobileVisit').implement({
  fields: (t) => ({
    communeCode: t.exposeString('communeId'),
    servedCommuneCodes: t.exposeStringList('servedCommuneIds'),
    arriveDate: t.expose('arriveDate', { type: 'Date' }),
    leaveDate: t.expose('leaveDate', { type: 'Date' }),
    days: t.exposeInt('days'),
    travelHoursBefore: t.exposeFloat('travelHoursBefore'),
    workHours: t.exposeFloat('workHours'),
    dossiers: t.exposeInt('dossiers'),
  }),
});

const TeamItineraryRef = builder.objectRef<MobilePlan['teams'][number]>('TeamItinerary').implement({
  fields: (t) => ({
    team: t.exposeString('team'),
    endDate: t.expose('endDate', { type: 'Date', nullable: true }),
    travelHours: t.exposeFloat('travelHours'),
    workHours: t.exposeFloat('workHours'),
    visits: t.field({ type: [MobileVisitRef], resolve: (team) => team.visits }),
  }),
});

const CommuneCoverageRef = builder.objectRef<MobilePlan['communes'][number]>('CommuneCoverage').implement({
  fields: (t) => ({
    communeCode: t.exposeString('communeId'),
    demand: t.exposeInt('demand'),
    servedBy: t.exposeString('servedBy'),
    plannedDossiers: t.exposeInt('plannedDossiers'),
    dossiersByDeadline: t.exposeInt('dossiersByDeadline'),
    shortfallAtDeadline: t.exposeInt('shortfallAtDeadline'),
    coverageByDeadline: t.exposeFloat('coverageByDeadline'),
  }),
});

const UnreachedRef = builder.objectRef<MobilePlan['unreached'][number]>('UnreachedCommune').implement({
  fields: (t) => ({
    communeCode: t.exposeString('communeId'),
    reason: t.exposeString('reason'),
    detail: t.exposeString('detail'),
    shortfallDossiers: t.exposeInt('shortfallDossiers'),
  }),
});

const MobileTeamsPlanRef = builder.objectRef<MobilePlan>('MobileTeamsPlan').implement({
  description: 'Which team is in which commune on which days, with its quality against a lower bound.',
  fields: (t) => ({
    onTime: t.exposeBoolean('onTime'),
    deadline: t.expose('deadline', { type: 'Date' }),
    completionDate: t.expose('completionDate', { type: 'Date', nullable: true }),
    lowerBoundCompletionDate: t.field({
      type: 'Date',
      nullable: true,
      resolve: (plan) => plan.lowerBound.completionDate,
    }),
    gapToLowerBound: t.exposeFloat('gapToLowerBound'),
    workShare: t.exposeFloat('workShare'),
    travelShare: t.exposeFloat('travelShare'),
    setupShare: t.exposeFloat('setupShare'),
    idleShare: t.exposeFloat('idleShare'),
    teams: t.field({ type: [TeamItineraryRef], resolve: (plan) => plan.teams }),
    communes: t.field({ type: [CommuneCoverageRef], resolve: (plan) => plan.communes }),
    unreached: t.field({ type: [UnreachedRef], resolve: (plan) => plan.unreached }),
    notes: t.exposeStringList('notes'),
  }),
});

builder.objectField(CampaignPlanRef, 'mobileTeams', (t) =>
  t.field({
    type: MobileTeamsPlanRef,
    description:
      'Mobile teams visiting the leaf areas under an area (default: the one asked about) for their demand, leaving from `homeAreaCode` (default: the centre of those areas).',
    errors: { types: [...inputErrors, PlanningInfeasibleError] },
    args: {
      teams: t.arg.int({ required: true }),
      machinesPerTeam: t.arg.int({ required: true }),
      areaCode: t.arg.string(),
      homeAreaCode: t.arg.string(),
      hours: t.arg({
        type: OpeningHoursInputRef,
        description: 'Working window, travel included. Default 07:00–19:00.',
      }),
      priority: t.arg({ type: PriorityRuleEnum, defaultValue: 'rank' }),
      maxDaysPerVisit: t.arg.int(),
    },
    resolve: (result, args) => {
      const code = args.areaCode ?? result.areaCode;
      if (!result.areas.some((row) => row.code === code)) {
        throw new PlanningInputError({
          path: 'areaCode',
          code: 'unknown-reference',
          expected: 'the code of an area in this plan',
          received: code,
        });
      }
      const inside = new Set([code]);
      const communes: MobileCommune[] = [];
      for (const row of result.plan.areas) {
        if (row.code !== code && !(row.parentCode !== null && inside.has(row.parentCode))) continue;
        inside.add(row.code);
        if (!row.isLeaf) continue;
        const point = result.points.get(row.code);
        if (!point) {
          throw new PlanningInputError({
            path: 'areaCode',
            code: 'required',
            expected: `an area whose leaf areas all have a centroid (${row.code} has none)`,
            received: code,
          });
        }
        communes.push({
          id: row.code,
          name: row.name,
          demand: row.demand,
          ...point,
          coverageShare: row.eligible > 0 ? Math.min(1, row.alreadyServed / row.eligible) : 0,
        });
      }
      let home = args.homeAreaCode != null ? result.points.get(args.homeAreaCode) : undefined;
      if (args.homeAreaCode != null && !home) {
        throw new PlanningInputError({
          path: 'homeAreaCode',
          code: 'unknown-reference',
          expected: 'the code of an area with a centroid in this plan',
          received: args.homeAreaCode,
        });
      }
      home ??= {
        latitude: communes.reduce((sum, c) => sum + (c.latitude ?? 0), 0) / Math.max(1, communes.length),
        longitude: communes.reduce((sum, c) => sum + (c.longitude ?? 0), 0) / Math.max(1, communes.length),
      };
      const plan = planMobileTeams(
        {
          calendar: result.input.calendar,
          communes,
          teams: {
            count: args.teams,
            machinesPerTeam: args.machinesPerTeam,
            home,
            ...(args.hours ? { hours: args.hours } : {}),
            ...(args.maxDaysPerVisit != null ? { maxDaysPerVisit: args.maxDaysPerVisit } : {}),
          },
          dossiersPerMachineHour: result.plan.capacity.dossiersPerMachineHour,
        },
        { priorityRule: args.priority ?? 'rank' },
      );
      if (plan.status === 'infeasible') throw new PlanningInfeasibleError(plan.reason, plan.detail);
      return plan;
    },
  }),
);
