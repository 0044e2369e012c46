import { requireArray, requireRecord, requireString } from '../_internal/validate.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { contextOf, evaluate } from './_internal/evaluate.ts';
import { resolveRosterInput } from './_internal/resolve.ts';
import type { CheckRosterInput, RosterCheck } from './types.ts';

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
