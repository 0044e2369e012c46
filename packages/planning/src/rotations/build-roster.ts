import { buildResolvedRoster } from './_internal/build.ts';
import { resolveRosterInput } from './_internal/resolve.ts';
import type { RosterAssignment, RosterInput, RosterViolation, TeamLoad } from './types.ts';

/** A dated roster and what {@link checkRoster} says about it. */
export type Roster = {
  /** By date, then shift in forward order, then team. */
  assignments: RosterAssignment[];
  teams: TeamLoad[];
  violations: RosterViolation[];
  /** No hard rule is broken. */
  feasible: boolean;
};

/**
 * A dated roster for the teams over `days` days in the time zone: every shift of every day gets
 * its crews, teams rotate forward (day → evening → night) and the rules of {@link checkRoster}
 * are kept where the teams allow. It tries the rotating block patterns (the four-crew,
 * three-shift schedule among them) and a rule-aware greedy fill, checks each with
 * {@link checkRoster}, and keeps the one that breaks fewest rules; every violation left is
 * reported, and `feasible` is true only when no hard rule is broken.
 *
 * @example
 * const shifts = [{ name: 'Day', start: '06:00', end: '14:00', crews: 1 }, { name: 'Evening', start: '14:00', end: '22:00', crews: 1 },
 *   { name: 'Night', start: '22:00', end: '06:00', crews: 1 }];
 * buildRoster({ startDate: '2021-03-20', days: 28, shifts, teams: 4 }).feasible // => true
 * buildRoster({ startDate: '2021-03-20', days: 28, shifts, teams: 3 }).feasible // => false (56 h weeks break the 48 h rule)
 */
export function buildRoster(input: RosterInput): Roster {
  return buildResolvedRoster(resolveRosterInput(input, { withTeams: true }));
}
