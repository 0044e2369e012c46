// A dated team roster for a plan's opening window: `CampaignPlan.roster`, its shifts cut from the
// window and the roster built and checked by @muster/planning (windowShifts, buildRoster,
// minimumTeams).
import type { Roster, RosterShift } from '@muster/planning';
import { PlanningInputError, windowShifts } from '@muster/planning';
import { builder } from '../builder.ts';
import { memoize } from '../compute/memo.ts';
import { compute } from '../compute/pool.ts';
import { priced } from '../limits/cost-limit.ts';
import { rosterWorkOfArguments } from '../limits/work.ts';
import { CampaignPlanRef } from './campaign-plan.ts';
import { computeErrors } from './error.ts';

/** Longest roster answered in one call. */
const MAX_ROSTER_DAYS = 366;
const MAX_TEAMS = 100;

type RosterResult = Roster & {
  shifts: RosterShift[];
  teamCount: number;
  minimumTeams: number;
  startDate: string;
};

const RosterShiftRef = builder.objectRef<RosterShift>('RosterShift').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    start: t.exposeString('start'),
    end: t.exposeString('end'),
    crews: t.exposeInt('crews'),
  }),
});

const TeamLoadRef = builder.objectRef<Roster['teams'][number]>('TeamLoad').implement({
  fields: (t) => ({
    team: t.exposeString('team'),
    hours: t.exposeFloat('hours'),
    nights: t.exposeInt('nights'),
    weekends: t.exposeInt('weekends'),
    maxHoursInAnyWeek: t.exposeFloat('maxHoursInAnyWeek'),
  }),
});

const RosterViolationRef = builder.objectRef<Roster['violations'][number]>('RosterViolation').implement({
  fields: (t) => ({
    rule: t.exposeString('rule'),
    severity: t.exposeString('severity', { description: 'hard (the roster is infeasible) or soft.' }),
    team: t.exposeString('team'),
    date: t.expose('date', { type: 'Date' }),
    detail: t.exposeString('detail'),
  }),
});

const RosterAssignmentRef = builder.objectRef<Roster['assignments'][number]>('RosterAssignment').implement({
  fields: (t) => ({
    date: t.expose('date', { type: 'Date' }),
    shift: t.exposeString('shift'),
    team: t.exposeString('team'),
  }),
});

const RosterRef = builder.objectRef<RosterResult>('Roster').implement({
  description:
    'Teams rotating through the day’s shifts, with every rule broken (rest, 48 h weeks, nights, days off).',
  fields: (t) => ({
    startDate: t.expose('startDate', { type: 'Date' }),
    teamCount: t.exposeInt('teamCount'),
    minimumTeams: t.exposeInt('minimumTeams', { description: 'Fewest teams that keep every hard rule.' }),
    feasible: t.exposeBoolean('feasible', { description: 'No hard rule is broken.' }),
    shifts: t.field({ type: [RosterShiftRef], resolve: (r) => r.shifts }),
    teams: t.field({ type: [TeamLoadRef], resolve: (r) => r.teams }),
    violations: t.field({ type: [RosterViolationRef], resolve: (r) => r.violations }),
    assignments: t.field({ type: [RosterAssignmentRef], resolve: (r) => r.assignments }),
  }),
});

builder.objectField(CampaignPlanRef, 'roster', (t) =>
  t.field({
    type: RosterRef,
    description:
      'A roster of one site’s teams over the opening window cut into equal shifts; teams default to the scenario’s teams per site, else the fewest that keep the rules.',
    errors: { types: computeErrors },
    args: {
      teams: t.arg.int(),
      days: t.arg.int({ defaultValue: 28 }),
      shiftHours: t.arg.int({ defaultValue: 8, description: 'Longest shift, in hours.' }),
    },
    complexity: (args, context) =>
      priced(context, 'CampaignPlan.roster', rosterWorkOfArguments(args.days ?? 28, args.shiftHours ?? 8)),
    resolve: async (result, args, context) => {
      const days = args.days ?? 28;
      const shiftHours = args.shiftHours ?? 8;
      if (!(Number.isInteger(days) && days >= 1 && days <= MAX_ROSTER_DAYS)) {
        throw new PlanningInputError({
          path: 'days',
          code: 'range',
          expected: `an integer from 1 to ${MAX_ROSTER_DAYS}`,
          received: days,
        });
      }
      if (args.teams != null && !(args.teams >= 1 && args.teams <= MAX_TEAMS)) {
        throw new PlanningInputError({
          path: 'teams',
          code: 'range',
          expected: `an integer from 1 to ${MAX_TEAMS}`,
          received: args.teams,
        });
      }
      const shifts = windowShifts({ hours: result.input.hours, shiftHours });
      const base = {
        startDate: result.plan.period.firstOpenDate ?? result.plan.period.start,
        days,
        timeZone: result.plan.period.timeZone,
        shifts,
      };
      const key = `${result.key}:roster:${JSON.stringify([days, shiftHours])}`;
      const fewest = await memoize(context.memo, `${key}:fewest`, () => compute('minimumTeams', base));
      const teamCount = args.teams ?? result.teamsPerSite ?? fewest;
      return {
        ...(await memoize(context.memo, `${key}:teams:${teamCount}`, () =>
          compute('buildRoster', { ...base, teams: teamCount }),
        )),
        shifts,
        teamCount,
        minimumTeams: fewest,
        startDate: base.startDate,
      };
    },
  }),
);
