import type { RosterAssignment } from '../types.ts';
import type { Resolved } from './resolve.ts';

/** Shift occurrences of the roster in the order of `assignments`, with their real start and end. */
export function occurrencesOf(r: Resolved, assignments: RosterAssignment[]) {
  const dayOf = new Map(r.dates.map((d, i) => [d, i]));
  const shiftOf = new Map(r.shifts.map((s) => [s.name, s.index]));
  return assignments.flatMap((a) => {
    const o = r.occurrences[dayOf.get(a.date) ?? -1]?.[shiftOf.get(a.shift) ?? -1];
    return o ? [{ assignment: a, occurrence: o }] : [];
  });
}
