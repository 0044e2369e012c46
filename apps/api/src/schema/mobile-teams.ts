// Mobile teams: `CampaignPlan.mobileTeams`, a dated visit calendar for the communes of a plan, and
// `Team.visits`, one mobile team's own calendar (also as iCalendar) for the field. Both come from
// @muster/planning's planMobileTeams (straight-line travel between commune centroids), each team
// planned with the machines it carries.
import { itineraryToICalendar, PlanningInfeasibleError } from '@muster/planning';
import { builder } from '../builder.ts';
import { memoize } from '../compute/memo.ts';
import { prisma } from '../db.ts';
import { priced } from '../limits/cost-limit.ts';
import { mobileWork, NOMINAL } from '../limits/work.ts';
import { type NamedMobilePlan, type NamedVisit, planMobileTeamsOver } from '../planning/mobile-plan.ts';
import { planRow } from '../planning/plan-result.ts';
import { type TeamVisits, teamVisits } from '../planning/team-visits.ts';
import { OpeningHoursInputRef } from './campaign-input.ts';
import { CampaignPlanRef } from './campaign-plan.ts';
import { computeErrors } from './error.ts';

const PriorityRuleEnum = builder.enumType('ItineraryPriority', {
  description: 'Which communes mobile teams serve first.',
  values: {
    RANK: { value: 'rank', description: 'In the order given (all communes alike here).' },
    REMOTE_FIRST: { value: 'remote-first', description: 'The farthest from home first.' },
    LOW_COVERAGE_FIRST: { value: 'low-coverage-first', description: 'The least served first.' },
  } as const,
});

const MobileTeamInputRef = builder.inputType('MobileTeamInput', {
  description: 'A mobile team as the planning library takes it: its key and the machines it carries.',
  fields: (t) => ({
    id: t.string({
      required: true,
      description: 'Unique key, such as the team’s code; the plan names the team by it.',
    }),
    machines: t.int({
      required: true,
      description: 'Machines the team carries and works with at once, 1 or more.',
    }),
  }),
});

const VisitDayRef = builder.objectRef<NamedVisit['dossiersPerDay'][number]>('VisitDay').implement({
  fields: (t) => ({
    date: t.expose('date', { type: 'Date' }),
    dossiers: t.exposeInt('dossiers', { description: 'Dossiers expected that day.' }),
  }),
});

const MobileVisitRef = builder.objectRef<NamedVisit>('MobileVisit').implement({
  fields: (t) => ({
    communeCode: t.exposeString('communeId'),
    communeName: t.exposeString('communeName', { nullable: true }),
    servedCommuneCodes: t.exposeStringList('servedCommuneIds'),
    arriveDate: t.expose('arriveDate', { type: 'Date' }),
    leaveDate: t.expose('leaveDate', { type: 'Date' }),
    days: t.exposeInt('days'),
    travelHoursBefore: t.exposeFloat('travelHoursBefore'),
    workHours: t.exposeFloat('workHours'),
    dossiers: t.exposeInt('dossiers'),
    dossiersPerDay: t.field({ type: [VisitDayRef], resolve: (visit) => visit.dossiersPerDay }),
  }),
});

const TeamItineraryRef = builder.objectRef<NamedMobilePlan['teams'][number]>('TeamItinerary').implement({
  fields: (t) => ({
    team: t.exposeString('team', { description: 'The team’s id as given.' }),
    machines: t.exposeInt('machines', { description: 'Machines the team carries; it works at their pace.' }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true }),
    travelHours: t.exposeFloat('travelHours'),
    workHours: t.exposeFloat('workHours'),
    visits: t.field({ type: [MobileVisitRef], resolve: (team) => team.visits }),
  }),
});

const CommuneCoverageRef = builder
  .objectRef<NamedMobilePlan['communes'][number]>('CommuneCoverage')
  .implement({
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

const UnreachedRef = builder.objectRef<NamedMobilePlan['unreached'][number]>('UnreachedCommune').implement({
  fields: (t) => ({
    communeCode: t.exposeString('communeId'),
    reason: t.exposeString('reason'),
    detail: t.exposeString('detail'),
    shortfallDossiers: t.exposeInt('shortfallDossiers'),
  }),
});

const MobileTeamsPlanRef = builder.objectRef<NamedMobilePlan>('MobileTeamsPlan').implement({
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
    errors: { types: [...computeErrors, PlanningInfeasibleError] },
    args: {
      teams: t.arg({
        type: [MobileTeamInputRef],
        required: true,
        description: 'The teams, each planned with the machines it carries.',
      }),
      areaCode: t.arg.string(),
      homeAreaCode: t.arg.string(),
      hours: t.arg({
        type: OpeningHoursInputRef,
        description: 'Working window, travel included. Default 07:00–19:00.',
      }),
      priority: t.arg({ type: PriorityRuleEnum, defaultValue: 'rank' }),
      maxDaysPerVisit: t.arg.int(),
    },
    complexity: (args, context) =>
      priced(
        context,
        'CampaignPlan.mobileTeams',
        mobileWork(NOMINAL.communes, Math.max(1, args.teams.length), NOMINAL.campaignDays),
      ),
    resolve: (result, args, context) => {
      const request = {
        areaCode: planRow(result, args.areaCode).code,
        areaArgument: 'areaCode',
        homeAreaCode: args.homeAreaCode,
        teams: args.teams,
        hours: args.hours,
        maxDaysPerVisit: args.maxDaysPerVisit,
        priority: args.priority ?? 'rank',
      } as const;
      return memoize(context.memo, `${result.key}:mobile:${JSON.stringify(request)}`, () =>
        planMobileTeamsOver(result.plan, result.input, request),
      );
    },
  }),
);

const TeamVisitsRef = builder.objectRef<TeamVisits>('TeamVisits').implement({
  description:
    'A mobile team’s own visit calendar: its part of the plan of every MOBILE team based in its home area, over the communes under that area.',
  fields: (t) => ({
    teamCode: t.exposeString('teamCode'),
    scenarioId: t.exposeID('scenarioId'),
    areaCode: t.exposeString('areaCode', { description: 'The home area whose communes are visited.' }),
    timeZone: t.exposeString('timeZone', { description: 'The scenario’s; dates are in it.' }),
    teamCodes: t.exposeStringList('teamCodes', {
      description:
        'The MOBILE teams of the home area planned together, in the order the plan shares the route.',
    }),
    machines: t.int({
      description: 'Machines this team carries; each team works at the pace of its own.',
      resolve: (r) => r.itinerary.machines,
    }),
    endDate: t.field({ type: 'Date', nullable: true, resolve: (r) => r.itinerary.endDate }),
    travelHours: t.float({ resolve: (r) => r.itinerary.travelHours }),
    workHours: t.float({ resolve: (r) => r.itinerary.workHours }),
    visits: t.field({ type: [MobileVisitRef], resolve: (r) => r.itinerary.visits }),
    iCalendar: t.string({
      description:
        'The visits as an iCalendar file (RFC 5545): one all-day event per visit, with UIDs from scenario, team, commune and arrival date so that a re-import updates rather than duplicates.',
      resolve: (r) =>
        itineraryToICalendar(r.plan, r.teamCode, {
          uidScope: r.scenarioId,
          timeZone: r.timeZone,
          calendarName: `${r.teamName} — ${r.scenarioName}`,
        }),
    }),
    plan: t.field({
      type: MobileTeamsPlanRef,
      description: 'The plan of all the teams in `teamCodes`, with its quality and the communes left late.',
      resolve: (r) => r.plan,
    }),
    notes: t.exposeStringList('notes'),
  }),
});

builder.prismaObjectField('Team', 'visits', (t) =>
  t.field({
    type: TeamVisitsRef,
    description:
      'This MOBILE team’s visits in a scenario: planned with every MOBILE team based in the same home area over the communes under it, with the scenario’s calendar, hours (default) and capacity.',
    errors: { types: [...computeErrors, PlanningInfeasibleError] },
    args: {
      scenarioId: t.arg.id({ required: true }),
      hours: t.arg({
        type: OpeningHoursInputRef,
        description: 'Working window, travel included. Default the scenario’s opening hours.',
      }),
      priority: t.arg({ type: PriorityRuleEnum, defaultValue: 'rank' }),
      maxDaysPerVisit: t.arg.int(),
    },
    complexity: (args, context) =>
      priced(
        context,
        'Team.visits',
        mobileWork(NOMINAL.communes, NOMINAL.mobileTeamsPerArea, NOMINAL.campaignDays),
        `visits:${args.scenarioId}`,
      ),
    // The team itself is only reached through fields scoped to the caller's area.
    authScopes: (team, args) => ({
      $all: { seesScenario: String(args.scenarioId), seesArea: team.homeAreaCode },
    }),
    resolve: (team, args, context) =>
      teamVisits(prisma, context.memo, team, {
        scenarioId: String(args.scenarioId),
        hours: args.hours,
        maxDaysPerVisit: args.maxDaysPerVisit,
        priority: args.priority ?? 'rank',
      }),
  }),
);
