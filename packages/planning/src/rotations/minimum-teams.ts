import { sum } from '../_internal/sum.ts';
import { PlanningInfeasibleError } from '../errors/planning-infeasible-error.ts';
import { buildResolvedRoster } from './_internal/build.ts';
import { type Resolved, resolveRosterInput, resolveTeams } from './_internal/resolve.ts';
import type { RosterInput } from './types.ts';

/** What {@link minimumTeams} reads: a roster's input without the teams. */
export type MinimumTeamsInput = Omit<RosterInput, 'teams'>;

/**
 * The most crew-hours in any window the weekly-hours rule checks: 7 consecutive days, or the whole
 * horizon when it is shorter. No team works more than the weekly maximum in it, so these hours
 * over that maximum are a floor on the teams. A short horizon is not scaled up to a week: the
 * rule sees only its days, and its teams may rest after it.
 */
function busiestWeekHours(resolved: Resolved): number {
  const hoursOfDay = resolved.occurrences.map((day) => sum(day.map((o) => o.hours * o.shift.crews)));
  let busiest = 0;
  for (let first = 0; first <= Math.max(0, resolved.days - 7); first++) {
    busiest = Math.max(busiest, sum(hoursOfDay.slice(first, first + 7)));
  }
  return busiest;
}

/**
 * The fewest teams for which {@link buildRoster} finds a roster that breaks no hard rule over the
 * given days. It starts from the bound no roster can beat (the shift hours of the busiest 7 days,
 * or of all the days when there are fewer, over the weekly maximum, and the most crews of any one
 * shift) and adds teams until a roster is feasible.
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
  const mostCrews = Math.max(...resolved.shifts.map((s) => s.crews));
  const perDay = sum(resolved.shifts.map((s) => s.crews));
  const lowest = Math.max(
    1,
    mostCrews,
    Math.ceil(busiestWeekHours(resolved) / resolved.rules.maxHoursPerWeek - 1e-9),
  );
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
