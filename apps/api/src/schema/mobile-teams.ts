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

export const PriorityRuleEnum = builder.enumType('ItineraryPriority', {
  description: 'Which communes mobile teams serve first.',
  values: {
    RANK: { value: 'rank', description: 'In the order given (all communes alike here).' },
    REMOTE_FIRST: { value: 'remote-first', description: 'The farthest from home first.' },
    LOW_COVERAGE_FIRST: { value: 'low-coverage-first', description: 'The least served first.' },
    REMOTE_LOW_COVERAGE_FIRST: {
      value: 'remote-low-coverage-first',
      description:
        'The longest drive from the nearest fixed site (or home) × the share not yet served, highest first.',
    },
  } as const,
});

export const MobileTeamInputRef = builder.inputType('MobileTeamInput', {
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
    crews: t.int({
      description:
        'Crews behind the team, who take turns by whole days (1 to 20): they set its days off. Default the plan’s `crewsPerTeam`.',
    }),
  }),
});

const CalendarLanguageEnum = builder.enumType('CalendarLanguage', {
  description: 'The language of a calendar file for the teams in the field (their phones).',
  values: {
    EN: { value: 'en', description: 'English.' },
    VI: { value: 'vi', description: 'Vietnamese (tiếng Việt).' },
  } as const,
});
const VisitDayRef = builder.objectRef<NamedVisit['dossiersPerDay'][number]>('VisitDay').implement({
  description: 'One day of a visit and the dossiers expected that day.',
  fields: (t) => ({
    date: t.expose('date', { description: 'The day.', type: 'Date' }),
    dossiers: t.exposeInt('dossiers', { description: 'Dossiers expected that day.' }),
    workHours: t.exposeFloat('workHours', {
      description: 'Hours of work that day (within the crew’s day of the team’s roster), hours.',
    }),
  }),
});

const MobileVisitRef = builder.objectRef<NamedVisit>('MobileVisit').implement({
  description: 'One stay of a team in a commune: when, how long, and what it takes there.',
  fields: (t) => ({
    communeCode: t.exposeString('communeId', { description: 'Code of the commune visited.' }),
    communeName: t.exposeString('communeName', {
      description: 'Name of the commune visited; null when the input gave none.',
      nullable: true,
    }),
    servedCommuneCodes: t.exposeStringList('servedCommuneIds', {
      description:
        'Codes of the communes served by this stay (a small neighbour may join), the visited one first.',
    }),
    arriveDate: t.expose('arriveDate', { description: 'First day of the stay.', type: 'Date' }),
    leaveDate: t.expose('leaveDate', { description: 'Last day of the stay, included.', type: 'Date' }),
    days: t.exposeInt('days', {
      description:
        'Days the team works from arrival to departure, both included (its crews’ days off in between not counted), days.',
    }),
    travelHoursBefore: t.exposeFloat('travelHoursBefore', {
      description: 'Hours on the road to get there, hours.',
    }),
    workHours: t.exposeFloat('workHours', { description: 'Hours of work there, hours.' }),
    dossiers: t.exposeInt('dossiers', { description: 'Dossiers expected over the stay, dossiers.' }),
    dossiersPerDay: t.field({
      description: 'Dossiers expected on each day of the stay.',
      type: [VisitDayRef],
      resolve: (visit) => visit.dossiersPerDay,
    }),
  }),
});

const TeamItineraryRef = builder.objectRef<NamedMobilePlan['teams'][number]>('TeamItinerary').implement({
  description: 'One team’s visits in order, with its hours of travel and work.',
  fields: (t) => ({
    team: t.exposeString('team', { description: 'The team’s id as given.' }),
    machines: t.exposeInt('machines', { description: 'Machines the team carries; it works at their pace.' }),
    endDate: t.expose('endDate', {
      description: 'Last day of its last visit; null when it has none.',
      type: 'Date',
      nullable: true,
    }),
    travelHours: t.exposeFloat('travelHours', { description: 'Hours on the road in all, hours.' }),
    workHours: t.exposeFloat('workHours', { description: 'Hours of work in all, hours.' }),
    visits: t.field({
      description: 'Its visits in order.',
      type: [MobileVisitRef],
      resolve: (team) => team.visits,
    }),
    crews: t.field({
      type: CrewCalendarRef,
      description:
        'The team’s own crews and the days they work, by the roster rules: its visits fall only on them.',
      resolve: (team) => team.crews,
    }),
  }),
});

const CommuneCoverageRef = builder
  .objectRef<NamedMobilePlan['communes'][number]>('CommuneCoverage')
  .implement({
    description:
      'What the plan does for one commune: its demand, who serves it and what is left at the deadline.',
    fields: (t) => ({
      communeCode: t.exposeString('communeId', { description: 'Code of the commune.' }),
      demand: t.exposeInt('demand', { description: 'Dossiers it has to take, dossiers.' }),
      servedBy: t.exposeString('servedBy', { description: 'Who serves it: a team’s id, or a fixed site.' }),
      plannedDossiers: t.exposeInt('plannedDossiers', {
        description: 'Dossiers the plan takes there, dossiers.',
      }),
      dossiersByDeadline: t.exposeInt('dossiersByDeadline', {
        description: 'Dossiers taken there by the deadline, dossiers.',
      }),
      shortfallAtDeadline: t.exposeInt('shortfallAtDeadline', {
        description: 'Dossiers left there at the deadline, dossiers.',
      }),
      coverageByDeadline: t.exposeFloat('coverageByDeadline', {
        description: 'Share of its demand taken by the deadline, 0..1.',
      }),
    }),
  });

const UnreachedRef = builder.objectRef<NamedMobilePlan['unreached'][number]>('UnreachedCommune').implement({
  description: 'A commune the teams do not finish by the deadline, and why.',
  fields: (t) => ({
    communeCode: t.exposeString('communeId', { description: 'Code of the commune.' }),
    reason: t.exposeString('reason', { description: 'Why, as a code.' }),
    detail: t.exposeString('detail', { description: 'Why, in a sentence.' }),
    shortfallDossiers: t.exposeInt('shortfallDossiers', {
      description: 'Dossiers left at the deadline, dossiers.',
    }),
  }),
});

export const CrewDayRef = builder
  .objectRef<NamedMobilePlan['crews']['assignments'][number]>('CrewDay')
  .implement({
    description: 'One crew on duty with the team on one day.',
    fields: (t) => ({
      date: t.expose('date', { type: 'Date', description: 'The day, in the scenario’s time zone.' }),
      crew: t.exposeString('team', { description: 'The crew on duty (`Crew 1`, `Crew 2`, …).' }),
    }),
  });

const CrewCalendarRef = builder.objectRef<NamedMobilePlan['crews']>('CrewCalendar').implement({
  description:
    'A mobile team’s crews and the days they work, from the roster rules of `buildRoster` (11 h rest, 48 h a week, 1 day off in 7).',
  fields: (t) => ({
    crewsPerTeam: t.exposeInt('crewsPerTeam', { description: 'Crews behind the team, crews.' }),
    hoursPerDay: t.exposeFloat('hoursPerDay', {
      description: 'Hours of a team’s working day: the window, cut to 24 h less the minimum rest.',
    }),
    start: t.exposeString('start', { description: 'Local time (HH:mm) a crew’s day starts.' }),
    end: t.exposeString('end', { description: 'Local time (HH:mm) a crew’s day ends.' }),
    standDownDates: t.field({
      type: ['Date'],
      description: 'Open days on which no crew may work, so the team stands down.',
      resolve: (c) => c.standDownDates,
    }),
    days: t.field({
      type: [CrewDayRef],
      description: 'Each working day and the crew on duty.',
      resolve: (c) => c.assignments,
    }),
  }),
});

export const MobileTeamsPlanRef = builder.objectRef<NamedMobilePlan>('MobileTeamsPlan').implement({
  description: 'Which team is in which commune on which days, with its quality against a lower bound.',
  fields: (t) => ({
    onTime: t.exposeBoolean('onTime', { description: 'Every commune is done by the deadline.' }),
    deadline: t.expose('deadline', { description: 'The campaign’s last day.', type: 'Date' }),
    completionDate: t.expose('completionDate', {
      description: 'Day the last visit ends; null when some commune is never reached.',
      type: 'Date',
      nullable: true,
    }),
    lowerBoundCompletionDate: t.field({
      description: 'The earliest any plan could finish (a lower bound); null when none can.',
      type: 'Date',
      nullable: true,
      resolve: (plan) => plan.lowerBound.completionDate,
    }),
    gapToLowerBound: t.exposeFloat('gapToLowerBound', {
      description: 'How far this plan is above the bound, as a share of it (0.05: 5 %).',
    }),
    workShare: t.exposeFloat('workShare', { description: 'Share of the teams’ time spent working, 0..1.' }),
    travelShare: t.exposeFloat('travelShare', { description: 'Share of the teams’ time on the road, 0..1.' }),
    setupShare: t.exposeFloat('setupShare', { description: 'Share of the teams’ time setting up, 0..1.' }),
    idleShare: t.exposeFloat('idleShare', { description: 'Share of the teams’ time idle, 0..1.' }),
    teams: t.field({
      description: 'Each team’s itinerary.',
      type: [TeamItineraryRef],
      resolve: (plan) => plan.teams,
    }),
    communes: t.field({
      description: 'Each commune’s coverage.',
      type: [CommuneCoverageRef],
      resolve: (plan) => plan.communes,
    }),
    unreached: t.field({
      description: 'Communes not done by the deadline.',
      type: [UnreachedRef],
      resolve: (plan) => plan.unreached,
    }),
    notes: t.exposeStringList('notes', { description: 'What the plan assumed, in sentences.' }),
    crews: t.field({
      type: CrewCalendarRef,
      description:
        'The days a team of `crewsPerTeam` crews works, by the roster rules; each team’s own roster is its itinerary’s `crews`.',
      resolve: (plan) => plan.crews,
    }),
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
      areaCode: t.arg.string({
        description: 'The area whose leaves are visited (its code); default: the one asked about.',
      }),
      homeAreaCode: t.arg.string({
        description:
          'Where the teams start and come back (an area code with a centroid); default: the centre of the communes.',
      }),
      hours: t.arg({
        type: OpeningHoursInputRef,
        description: 'Working window, travel included. Default 07:00–19:00.',
      }),
      priority: t.arg({
        type: PriorityRuleEnum,
        defaultValue: 'rank',
        description: 'Which communes go first.',
      }),
      maxDaysPerVisit: t.arg.int({
        description: 'Longest stay in one commune, days; default: as long as its demand needs.',
      }),
      crewsPerTeam: t.arg.int({
        description:
          'Crews behind each team that names none, who take turns by whole days (1 to 20). Default 2.',
      }),
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
        crewsPerTeam: args.crewsPerTeam,
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
    teamCode: t.exposeString('teamCode', { description: 'The team (its code).' }),
    scenarioId: t.exposeID('scenarioId', { description: 'The scenario planned (its own key).' }),
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
    endDate: t.field({
      description: 'Last day of its last visit; null when it has none.',
      type: 'Date',
      nullable: true,
      resolve: (r) => r.itinerary.endDate,
    }),
    travelHours: t.float({
      description: 'Hours on the road in all, hours.',
      resolve: (r) => r.itinerary.travelHours,
    }),
    workHours: t.float({
      description: 'Hours of work in all, hours.',
      resolve: (r) => r.itinerary.workHours,
    }),
    visits: t.field({
      description: 'Its visits in order.',
      type: [MobileVisitRef],
      resolve: (r) => r.itinerary.visits,
    }),
    crews: t.field({
      type: CrewCalendarRef,
      description:
        'Its roster: its own crews (the team’s `crews`) and the days they work by the roster rules; its visits fall only on them.',
      resolve: (r) => r.itinerary.crews,
    }),
    iCalendar: t.string({
      description:
        'The visits as an iCalendar file (RFC 5545): one all-day event per run of days the team works in a commune (a stay its crews stand down in the middle of is two events), with UIDs from the scenario, team, commune, the visit’s number there and its part, not from dates, so that a re-import moves an event rather than duplicating it.',
      args: {
        language: t.arg({
          type: CalendarLanguageEnum,
          required: true,
          defaultValue: 'en',
          description: 'The language of the events’ descriptions (drive and work hours, dossiers expected).',
        }),
      },
      resolve: (r, { language }) =>
        itineraryToICalendar(r.plan, r.teamCode, {
          uidScope: r.scenarioId,
          timeZone: r.timeZone,
          calendarName: `${r.teamName} — ${r.scenarioName}`,
          language,
        }),
    }),
    plan: t.field({
      type: MobileTeamsPlanRef,
      description: 'The plan of all the teams in `teamCodes`, with its quality and the communes left late.',
      resolve: (r) => r.plan,
    }),
    notes: t.exposeStringList('notes', { description: 'What the plan assumed, in sentences.' }),
  }),
});

builder.prismaObjectField('Team', 'visits', (t) =>
  t.field({
    type: TeamVisitsRef,
    description:
      'This MOBILE team’s visits in a scenario: planned with every MOBILE team based in the same home area over the communes under it, each on the days its own crews work, with the scenario’s calendar, hours (default) and capacity.',
    errors: { types: [...computeErrors, PlanningInfeasibleError] },
    args: {
      scenarioId: t.arg.id({
        required: true,
        description: 'The scenario’s own key (`scenarioId`), e.g. `dak-nong-2021`.',
      }),
      hours: t.arg({
        type: OpeningHoursInputRef,
        description: 'Working window, travel included. Default the scenario’s opening hours.',
      }),
      priority: t.arg({
        type: PriorityRuleEnum,
        defaultValue: 'rank',
        description: 'Which communes go first.',
      }),
      maxDaysPerVisit: t.arg.int({
        description: 'Longest stay in one commune, days; default: as long as its demand needs.',
      }),
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
