import { requireArray, requireRecord, requireString } from '../_internal/validate.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { type Occurrence, type Resolved, resolveRosterInput } from './_internal/resolve.ts';
import { HARD_RULES, type RosterContext, SOFT_RULES, weeklyHours } from './_internal/rules.ts';
import type { RosterInput, RosterViolation } from './types.ts';

/** One team on one shift of one day. */
export type RosterAssignment = { date: string; shift: string; team: string };

/** Each team's load, for fairness. */
export type TeamLoad = {
  team: string;
  hours: number;
  nights: number;
  /** Shifts that start on a Saturday or Sunday. */
  weekends: number;
  maxHoursInAnyWeek: number;
};

/** A roster to check: the roster's input plus its assignments (made by hand or by {@link buildRoster}). */
export type CheckRosterInput = RosterInput & { assignments: RosterAssignment[] };

/** What {@link checkRoster} finds. */
export type RosterCheck = {
  teams: TeamLoad[];
  violations: RosterViolation[];
  /** No hard rule is broken. */
  feasible: boolean;
};

export function contextOf(
  resolved: Resolved & { teams: string[] },
  assigned: [number, number, string][],
): RosterContext {
  const work = new Map<string, Occurrence[]>(resolved.teams.map((t) => [t, []]));
  const staffed = resolved.occurrences.map((day) => day.map(() => [] as string[]));
  for (const [day, shift, team] of assigned) {
    const o = resolved.occurrences[day]?.[shift];
    if (!o) continue;
    work.get(team)?.push(o);
    staffed[day]?.[shift]?.push(team);
  }
  for (const list of work.values())
    list.sort((a, b) => a.start.toMillis() - b.start.toMillis() || a.shift.index - b.shift.index);
  return { ...resolved, work, staffed };
}

export function evaluate(c: RosterContext): RosterCheck {
  const violations: RosterViolation[] = [];
  for (const rule of [...HARD_RULES, ...SOFT_RULES]) {
    for (const v of rule.check(c)) violations.push({ rule: rule.name, severity: rule.severity, ...v });
  }
  violations.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const teams = c.teams.map((team) => {
    const shifts = c.work.get(team) ?? [];
    return {
      team,
      hours: Math.round(shifts.reduce((sum, o) => sum + o.hours, 0) * 1000) / 1000,
      nights: shifts.filter((o) => o.night).length,
      weekends: shifts.filter((o) => o.weekend).length,
      maxHoursInAnyWeek: Math.max(0, ...weeklyHours(c, shifts).map((w) => Math.round(w.hours * 1000) / 1000)),
    };
  });
  return { teams, violations, feasible: !violations.some((v) => v.severity === 'hard') };
}

/**
 * Checks a roster against the rules, hard (staffing, one shift at a time, minimum rest, maximum
 * hours in any 7 days, maximum consecutive nights, days off in any 7 days) and soft (forward
 * rotation, fair hours, fair nights), and measures each team's load. It is separate from
 * {@link buildRoster} so a planner can check a roster made by hand.
 *
 * @example
 * checkRoster({ startDate: '2021-03-20', days: 1, shifts: [{ name: 'Day', start: '06:00', end: '14:00', crews: 1 }],
 *   teams: ['A'], assignments: [{ date: '2021-03-20', shift: 'Day', team: 'A' }] }).feasible
 * // => true
 */
export function checkRoster(input: CheckRosterInput): RosterCheck {
  const resolved = resolveRosterInput(input, { withTeams: true });
  const record = requireRecord(input, 'input');
  const dayOf = new Map(resolved.dates.map((d, i) => [d, i]));
  const shiftOf = new Map(resolved.shifts.map((s) => [s.name, s.index]));
  const teams = new Set(resolved.teams);
  const assigned = requireArray(record.assignments, 'assignments').map((raw, i): [number, number, string] => {
    const a = requireRecord(raw, `assignments[${i}]`);
    const date = requireString(a.date, `assignments[${i}].date`);
    const shift = requireString(a.shift, `assignments[${i}].shift`);
    const team = requireString(a.team, `assignments[${i}].team`);
    const day = dayOf.get(date);
    if (day === undefined) {
      throw new PlanningInputError({
        path: `assignments[${i}].date`,
        code: 'range',
        expected: 'a date of the roster',
        received: date,
      });
    }
    const index = shiftOf.get(shift);
    if (index === undefined) {
      throw new PlanningInputError({
        path: `assignments[${i}].shift`,
        code: 'unknown-reference',
        expected: 'one of the shift names',
        received: shift,
      });
    }
    if (!teams.has(team)) {
      throw new PlanningInputError({
        path: `assignments[${i}].team`,
        code: 'unknown-reference',
        expected: 'one of the teams',
        received: team,
      });
    }
    return [day, index, team];
  });
  return evaluate(contextOf(resolved, assigned));
}
