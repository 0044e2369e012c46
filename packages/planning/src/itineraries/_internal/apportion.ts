import type { MobileVisit } from '../types.ts';
import type { MobileProblem } from './read-input.ts';
import type { RawVisit } from './schedule.ts';
import type { Stops } from './stops.ts';
import type { TeamClocks } from './team-clocks.ts';
import { dayIndexAt, hoursByDay, type Timeline } from './timeline.ts';

/** The dated visits, and the dossiers each stop has taken by the deadline and by its commune's latest date. */
export type Apportioned = {
  visits: Map<RawVisit, MobileVisit>;
  byDeadline: number[];
  byLatest: number[];
};

/**
 * Whole dossiers for every visit, adding up to each stop's demand: visits are taken in time
 * order and each is given the stop's demand done by its end, in proportion to the stop's work
 * done so far (a team works at its own pace), less what earlier visits took. Each visit is dated
 * on its team's own line (the days its crews work); its hours are given on the plan's line.
 */
export function apportionDossiers(
  problem: MobileProblem,
  plan: Stops,
  visits: readonly RawVisit[],
  guestsOf: ReadonlyMap<number, readonly number[]>,
  clocks: TeamClocks,
  deadlineDate: string,
): Apportioned {
  const { communes } = problem;
  const startOf = new Map(visits.map((v) => [v, clocks.toPlan(v.team, v.workStartHour)]));
  const ordered = visits
    .slice()
    .sort((a, b) => (startOf.get(a) ?? 0) - (startOf.get(b) ?? 0) || a.team - b.team || a.stop - b.stop);
  const lines = clocks.teamLines;
  const count = plan.stops.length;
  const done = new Array<number>(count).fill(0);
  const doneHours = new Array<number>(count).fill(0);
  const byDeadline = new Array<number>(count).fill(0);
  const byLatest = new Array<number>(count).fill(0);
  const out = new Map<RawVisit, MobileVisit>();
  for (const v of ordered) {
    const workHours = plan.stops[v.stop]?.workHours ?? 0;
    const demand = plan.demand[v.stop] ?? 0;
    const hoursAfter =
      (doneHours[v.stop] ?? 0) + (v.workEndHour - v.workStartHour) * (problem.paces[v.team] ?? 1);
    const cumulative =
      hoursAfter >= workHours - 1e-9 ? demand : Math.round((demand * hoursAfter) / workHours);
    const dossiers = Math.max(0, cumulative - (done[v.stop] ?? 0));
    done[v.stop] = (done[v.stop] ?? 0) + dossiers;
    doneHours[v.stop] = hoursAfter;
    const timeline = lines[v.team] as Timeline;
    const perDay = splitByDay(timeline, v.workStartHour, v.workEndHour, dossiers);
    const communeIndex = plan.communes[v.stop] ?? 0;
    const latest = communes[communeIndex]?.latestDate;
    for (const day of perDay) {
      if (day.date <= deadlineDate) byDeadline[v.stop] = (byDeadline[v.stop] ?? 0) + day.dossiers;
      if (latest === undefined || day.date <= latest)
        byLatest[v.stop] = (byLatest[v.stop] ?? 0) + day.dossiers;
    }
    const arriveIndex = dayIndexAt(timeline, v.departHour + v.travelHours, true);
    const leaveIndex = dayIndexAt(timeline, v.workEndHour, true);
    out.set(v, {
      communeId: communes[communeIndex]?.id ?? '',
      servedCommuneIds: [communeIndex, ...(guestsOf.get(communeIndex) ?? [])].map(
        (i) => communes[i]?.id ?? '',
      ),
      arriveDate: timeline.days[arriveIndex]?.date ?? '',
      leaveDate: timeline.days[leaveIndex]?.date ?? '',
      days: leaveIndex - arriveIndex + 1,
      travelHoursBefore: v.travelHours,
      waitHoursBefore: v.waitHours,
      setupHours: problem.setupHours,
      workHours: v.workEndHour - v.workStartHour,
      dossiers,
      dossiersPerDay: perDay,
      departHour: clocks.toPlan(v.team, v.departHour),
      workStartHour: startOf.get(v) ?? 0,
      workEndHour: Math.max(startOf.get(v) ?? 0, clocks.toPlan(v.team, v.workEndHour, true)),
    });
  }
  return { visits: out, byDeadline, byLatest };
}

/** Whole dossiers per working day for the work hours `[from, to)`, adding up to `dossiers`, and the hours. */
function splitByDay(
  timeline: Timeline,
  from: number,
  to: number,
  dossiers: number,
): { date: string; dossiers: number; workHours: number }[] {
  const parts = hoursByDay(timeline, from, to);
  const total = to - from;
  let hoursSoFar = 0;
  let given = 0;
  return parts.map((part, index) => {
    hoursSoFar += part.hours;
    const upTo = index === parts.length - 1 ? dossiers : Math.round((dossiers * hoursSoFar) / total);
    const today = upTo - given;
    given = upTo;
    return { date: part.date, dossiers: today, workHours: part.hours };
  });
}
