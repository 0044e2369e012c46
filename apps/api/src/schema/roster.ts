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
import { MAX_ROSTER_DAYS } from '../planning/campaign-bounds.ts';
import { CampaignPlanRef } from './campaign-plan.ts';
import { computeErrors } from './error.ts';

const MAX_TEAMS = 100;

/** Days and shift hours the roster takes (the resolver and windowShifts refuse the rest, naming them). */
function rosterArgumentsFit(days: number, shiftHours: number): boolean {
  return (
    Number.isInteger(days) && days >= 1 && days <= MAX_ROSTER_DAYS && shiftHours >= 1 && shiftHours <= 24
  );
}

type RosterResult = Roster & {
  shifts: RosterShift[];
  teamCount: number;
  minimumTeams: number;
  startDate: string;
};

const RosterShiftRef = builder.objectRef<RosterShift>('RosterShift').implement({
  description: 'One shift of the day, with the crews it needs.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The shift’s name (day, evening, night, or its hours).' }),
    start: t.exposeString('start', { description: 'Local time it starts, HH:mm.' }),
    end: t.exposeString('end', {
      description:
        'Local time it ends, HH:mm: 24:00 for the midnight that ends its day; earlier than `start` for a shift that ends after midnight, the next day.',
    }),
    crews: t.exposeInt('crews', { description: 'Teams on it at once, teams.' }),
  }),
});

const TeamLoadRef = builder.objectRef<Roster['teams'][number]>('TeamLoad').implement({
  description: 'What one team works over the roster: hours, nights, weekends.',
  fields: (t) => ({
    team: t.exposeString('team', { description: 'The team’s name in the roster (A, B, …).' }),
    hours: t.exposeFloat('hours', { description: 'Hours worked over the roster, hours.' }),
    nights: t.exposeInt('nights', { description: 'Night shifts worked, shifts.' }),
    weekends: t.exposeInt('weekends', { description: 'Weekend days worked, days.' }),
    maxHoursInAnyWeek: t.exposeFloat('maxHoursInAnyWeek', {
      description: 'Most hours worked in any 7 days in a row, hours (the rule: 48).',
    }),
  }),
});

const RosterViolationRef = builder.objectRef<Roster['violations'][number]>('RosterViolation').implement({
  description: 'A rule the roster breaks: which, for whom, when.',
  fields: (t) => ({
    rule: t.exposeString('rule', {
      description: 'The rule broken, by name (minimum-rest, max-hours-per-week, …).',
    }),
    severity: t.exposeString('severity', { description: 'hard (the roster is infeasible) or soft.' }),
    team: t.exposeString('team', { description: 'The team that breaks it.' }),
    date: t.expose('date', { description: 'The day it is broken.', type: 'Date' }),
    detail: t.exposeString('detail', { description: 'What happens, in a sentence.' }),
  }),
});

const RosterAssignmentRef = builder.objectRef<Roster['assignments'][number]>('RosterAssignment').implement({
  description: 'One team on one shift on one day.',
  fields: (t) => ({
    date: t.expose('date', { description: 'The day.', type: 'Date' }),
    shift: t.exposeString('shift', { description: 'The shift’s name.' }),
    team: t.exposeString('team', { description: 'The team on it.' }),
  }),
});

const RosterRef = builder.objectRef<RosterResult>('Roster').implement({
  description:
    'Teams rotating through the day’s shifts, with every rule broken (rest, 48 h weeks, nights, days off).',
  fields: (t) => ({
    startDate: t.expose('startDate', { description: 'First day of the roster.', type: 'Date' }),
    teamCount: t.exposeInt('teamCount', { description: 'Teams rotating, teams.' }),
    minimumTeams: t.exposeInt('minimumTeams', { description: 'Fewest teams that keep every hard rule.' }),
    feasible: t.exposeBoolean('feasible', { description: 'No hard rule is broken.' }),
    shifts: t.field({
      description: 'The shifts of a day.',
      type: [RosterShiftRef],
      resolve: (r) => r.shifts,
    }),
    teams: t.field({ description: 'Each team’s load.', type: [TeamLoadRef], resolve: (r) => r.teams }),
    violations: t.field({
      description: 'Every rule broken, hard ones first.',
      type: [RosterViolationRef],
      resolve: (r) => r.violations,
    }),
    assignments: t.field({
      description: 'Who works which shift on which day.',
      type: [RosterAssignmentRef],
      resolve: (r) => r.assignments,
    }),
  }),
});

builder.objectField(CampaignPlanRef, 'roster', (t) =>
  t.field({
    type: RosterRef,
    description:
      'A roster of one site’s teams over the opening window cut into equal shifts; teams default to the scenario’s teams per site, else the fewest that keep the rules.',
    errors: { types: computeErrors },
    args: {
      teams: t.arg.int({
        description:
          'Teams to rotate; default: the scenario’s teams per site, else the fewest that keep the rules.',
      }),
      days: t.arg.int({ defaultValue: 28, description: 'Days of the roster, 1 to 366.' }),
      shiftHours: t.arg.int({ defaultValue: 8, description: 'Longest shift, in hours: 1 to 24.' }),
    },
    // Arguments the resolver refuses cost nothing to refuse: priced at a point, so the caller
    // hears what is wrong with them (`shiftHours: 0` priced as one-hour shifts read as too dear).
    complexity: (args, context) =>
      priced(
        context,
        'CampaignPlan.roster',
        rosterArgumentsFit(args.days ?? 28, args.shiftHours ?? 8)
          ? rosterWorkOfArguments(args.days ?? 28, args.shiftHours ?? 8)
          : 1,
      ),
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
