// Mobile teams: `CampaignPlan.mobileTeams`, a dated visit calendar for the communes of a plan, and
// `Team.visits`, one mobile team's own calendar (also as iCalendar) for the field. Both come from
// @muster/planning's planMobileTeams (straight-line travel between commune centroids).
import {
  itineraryToICalendar,
  PlanningInfeasibleError,
  PlanningInputError,
  planCampaign,
} from '@muster/planning';
import { builder } from '../builder.ts';
import { prisma } from '../db.ts';
import { atPath, withArgumentPath } from '../errors.ts';
import { type NamedMobilePlan, type NamedVisit, planMobileTeamsOver } from '../planning/mobile-plan.ts';
import { loadScenarioPlanInput } from '../planning/scenario-input.ts';
import { OpeningHoursInputRef } from './campaign-input.ts';
import { CampaignPlanRef, planRow } from './campaign-plan.ts';
import { inputErrors } from './error.ts';

const PriorityRuleEnum = builder.enumType('ItineraryPriority', {
  values: {
    RANK: { value: 'rank', description: 'In the order given (all communes alike here).' },
    REMOTE_FIRST: { value: 'remote-first', description: 'The farthest from home first.' },
    LOW_COVERAGE_FIRST: { value: 'low-coverage-first', description: 'The least served first.' },
  } as const,
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
    team: t.exposeString('team'),
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
    resolve: (result, args) =>
      planMobileTeamsOver(result.plan, result.input.calendar, result.points, {
        areaCode: planRow(result, args.areaCode).code,
        homeAreaCode: args.homeAreaCode,
        teams: args.teams,
        machinesPerTeam: args.machinesPerTeam,
        hours: args.hours,
        priority: args.priority ?? 'rank',
        maxDaysPerVisit: args.maxDaysPerVisit,
        areaArgument: 'areaCode',
      }),
  }),
);

/** One mobile team's part of the plan of every mobile team based in its home area. */
type TeamVisits = {
  teamCode: string;
  teamName: string;
  scenarioId: string;
  scenarioName: string;
  areaCode: string;
  timeZone: string;
  teamCodes: string[];
  machinesPerTeam: number;
  plan: NamedMobilePlan;
  itinerary: NamedMobilePlan['teams'][number];
  notes: string[];
};

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
    machinesPerTeam: t.exposeInt('machinesPerTeam', {
      description: 'The fewest machines of those teams: the plan treats teams as identical.',
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
    errors: { types: [...inputErrors, PlanningInfeasibleError] },
    args: {
      scenarioId: t.arg.id({ required: true }),
      hours: t.arg({
        type: OpeningHoursInputRef,
        description: 'Working window, travel included. Default the scenario’s opening hours.',
      }),
      priority: t.arg({ type: PriorityRuleEnum, defaultValue: 'rank' }),
      maxDaysPerVisit: t.arg.int(),
    },
    // The team itself is only reached through fields scoped to the caller's area.
    authScopes: (team, args) => ({
      $all: { seesScenario: String(args.scenarioId), seesArea: team.homeAreaCode },
    }),
    resolve: async (team, args) => {
      if (team.kind !== 'MOBILE') {
        throw new PlanningInputError({
          path: 'team',
          code: 'conflict',
          expected: 'a MOBILE team (fixed sites have no itinerary)',
          received: `${team.code} (${team.kind})`,
        });
      }
      const scenarioId = String(args.scenarioId);
      const loaded = await loadScenarioPlanInput(prisma, scenarioId, team.homeAreaCode).catch((error) => {
        if (error instanceof PlanningInputError && error.path === 'areaCode') {
          throw atPath(
            error,
            'scenarioId',
            `a scenario whose area contains the team’s home area ${team.homeAreaCode}`,
          );
        }
        throw error;
      });
      const campaign = withArgumentPath('scenario', () => planCampaign(loaded.input));
      const crew = await prisma.team.findMany({
        where: { kind: 'MOBILE', homeAreaCode: team.homeAreaCode },
        orderBy: { code: 'asc' },
      });
      const machines = crew.map((member) => member.machines);
      const machinesPerTeam = Math.min(...machines);
      if (!(machinesPerTeam >= 1)) {
        throw new PlanningInputError({
          path: 'team',
          code: 'range',
          expected: `MOBILE teams in ${team.homeAreaCode} with at least one machine each`,
          received: crew.map((member) => `${member.code}: ${member.machines}`).join(', '),
        });
      }
      const home = team.homeAreaCode;
      const planned = planMobileTeamsOver(campaign, loaded.input.calendar, loaded.points, {
        areaCode: home,
        homeAreaCode: loaded.points.has(home) ? home : null,
        teams: crew.length,
        machinesPerTeam,
        hours: args.hours ?? loaded.input.hours,
        priority: args.priority ?? 'rank',
        maxDaysPerVisit: args.maxDaysPerVisit,
        areaArgument: 'scenarioId',
      });
      // The library names teams team-1, team-2, … in the order given: here, by code.
      const codeOf = new Map(
        planned.teams.map((itinerary, i) => [itinerary.team, crew[i]?.code ?? itinerary.team]),
      );
      const plan: NamedMobilePlan = {
        ...planned,
        teams: planned.teams.map((itinerary) => ({
          ...itinerary,
          team: codeOf.get(itinerary.team) ?? itinerary.team,
        })),
        communes: planned.communes.map((c) => ({
          ...c,
          windows: c.windows.map((w) => ({ ...w, team: codeOf.get(w.team) ?? w.team })),
        })),
      };
      const itinerary = plan.teams.find((itinerary) => itinerary.team === team.code);
      if (itinerary === undefined) throw new Error(`team ${team.code} is missing from its own plan`);
      const notes = [...plan.notes];
      if (new Set(machines).size > 1) {
        notes.push(
          `the teams of ${home} carry ${machines.join(', ')} machines; planned as identical teams of ${machinesPerTeam} (the fewest), so larger teams finish their visits early`,
        );
      }
      if (!loaded.points.has(home)) {
        notes.push(`${home} has no centroid: the teams leave from the centre of its communes`);
      }
      return {
        teamCode: team.code,
        teamName: team.name,
        scenarioId,
        scenarioName: loaded.scenario.name,
        areaCode: home,
        timeZone: campaign.period.timeZone,
        teamCodes: crew.map((member) => member.code),
        machinesPerTeam,
        plan,
        itinerary,
        notes,
      };
    },
  }),
);
