import { PlanningInfeasibleError } from '../errors/planning-infeasible-error.ts';
import { buildResolvedRoster } from './_internal/build.ts';
import { resolveRosterInput, resolveTeams } from './_internal/resolve.ts';
import type { RosterInput } from './types.ts';

/** What {@link minimumTeams} reads: a roster's input without the teams. */
export type MinimumTeamsInput = Omit<RosterInput, 'teams'>;

/**
 * The fewest teams for which {@link buildRoster} finds a roster that breaks no hard rule over the
 * given days. It starts from the bound no roster can beat (a week's shift hours over the weekly
 * maximum, and the most crews of any one shift) and adds teams until a roster is feasible.
 * Three 8-hour teams round the clock work 56 h a week, over a 48 h rule; four (the four-crew,
 * three-shift pattern) work 42 h.
 *
 * @example
 * minimumTeams({ startDate: '2021-03-20', days: 28, shifts: [{ name: 'Day', start: '06:00', end: '14:00', crews: 1 },
 *   { name: 'Evening', start: '14:00', end: '22:00', crews: 1 }, { name: 'Night', start: '22:00', end: '06:00', crews: 1 }] })
 * // => 4
 */
export function minimumTeams(input: MinimumTeamsInput): number {
  const resolved = resolveRosterInput(input, { withTeams: false });
  const week = resolved.occurrences.slice(0, 7).flat();
  const weekHours =
    week.reduce((sum, o) => sum + o.hours * o.shift.crews, 0) * (7 / Math.min(7, resolved.days));
  const mostCrews = Math.max(...resolved.shifts.map((s) => s.crews));
  const perDay = resolved.shifts.reduce((sum, s) => sum + s.crews, 0);
  const lowest = Math.max(1, mostCrews, Math.ceil(weekHours / resolved.rules.maxHoursPerWeek - 1e-9));
  // Past one team per daily crew slot for every day of the week, more teams cannot help.
  const highest = Math.max(lowest, perDay * 7);
  for (let teams = lowest; teams <= highest; teams++) {
    if (buildResolvedRoster({ ...resolved, teams: resolveTeams(teams) }).feasible) return teams;
  }
  throw new PlanningInfeasibleError(
    'no-roster',
    `no roster of up to ${highest} teams keeps every hard rule; loosen the rules or shorten the shifts`,
  );
}
