import { sum } from '../../_internal/sum.ts';
import type { CommuneCoverage, CrewCalendar, MobileVisit, TeamItinerary } from '../types.ts';
import type { MobileProblem } from './read-input.ts';
import type { RawVisit } from './schedule.ts';

/** Each team's dated visits in the order it makes them, with its hours, in the order of the input's teams. */
export function teamItineraries(
  problem: MobileProblem,
  visits: readonly RawVisit[],
  dated: ReadonlyMap<RawVisit, MobileVisit>,
  crews: readonly CrewCalendar[],
): TeamItinerary[] {
  return problem.teams.map((team, t) => {
    const mine = visits.filter((v) => v.team === t).sort((a, b) => a.departHour - b.departHour);
    const list = mine.map((v) => dated.get(v) as MobileVisit);
    return {
      team: team.id,
      machines: team.machines,
      visits: list,
      travelHours: sum(mine.map((v) => v.travelHours)),
      setupHours: mine.length * problem.setupHours,
      workHours: sum(mine.map((v) => v.workEndHour - v.workStartHour)),
      waitHours: sum(mine.map((v) => v.waitHours)),
      endDate: list.at(-1)?.leaveDate ?? null,
      crews: crews[t] as CrewCalendar,
    };
  });
}

/** Each stop's stays, in time order, to announce to its residents. */
export function windowsByStop(
  problem: MobileProblem,
  visits: readonly RawVisit[],
  dated: ReadonlyMap<RawVisit, MobileVisit>,
): Map<number, CommuneCoverage['windows']> {
  const windows = new Map<number, CommuneCoverage['windows']>();
  const inOrder = visits
    .map((v) => ({ v, out: dated.get(v) as MobileVisit }))
    .sort((a, b) => a.out.workStartHour - b.out.workStartHour || a.v.team - b.v.team);
  for (const { v, out } of inOrder) {
    const list = windows.get(v.stop) ?? [];
    list.push({ team: problem.teams[v.team]?.id ?? '', from: out.arriveDate, to: out.leaveDate });
    windows.set(v.stop, list);
  }
  return windows;
}
