import { requireIsoDate } from '../../_internal/validate.ts';
import { listOpenDays, type OpenDay, type ResolvedCalendar } from '../../time/open-days.ts';
import type { OpeningWindow } from '../../time/opening-window.ts';
import type { CrewPattern } from './crews.ts';

/**
 * The working hours of a team laid end to end: hour 0 opens the first open day, and each open
 * day adds its hours. Travel, set-up and work are all placed on this line, so a drive that
 * does not end by closing time goes on the next open day (teams do not drive at night).
 */
export type Timeline = { days: readonly OpenDay[]; startHours: Float64Array; totalHours: number };

export function buildTimeline(days: readonly OpenDay[]): Timeline {
  const startHours = new Float64Array(days.length);
  let total = 0;
  days.forEach((day, index) => {
    startHours[index] = total;
    total += day.hours;
  });
  return { days, startHours, totalHours: total };
}

/**
 * The teams' working days from the start through the deadline or `lastDate`, whichever is later
 * (a commune may name an earliest date past the deadline): the open days a crew may work, each
 * cut to a crew's hours; null when no day is worked in ten years.
 */
export function workingTimeline(
  calendar: ResolvedCalendar,
  window: OpeningWindow,
  crews: CrewPattern,
  lastDate: string,
): Timeline | null {
  const deadlineDate = calendar.deadline.toISODate() ?? '';
  const to =
    lastDate > deadlineDate ? requireIsoDate(lastDate, 'date', calendar.timeZone) : calendar.deadline;
  const days = crews.apply(listOpenDays({ ...calendar, deadline: to }, window, { atLeast: 1 })).working;
  return days.length === 0 ? null : buildTimeline(days);
}

/** The timeline grown past the deadline until it holds `hours`; null when ten years do not. */
export function timelineHolding(
  calendar: ResolvedCalendar,
  window: OpeningWindow,
  crews: CrewPattern,
  timeline: Timeline,
  hours: number,
): Timeline | null {
  if (hours <= timeline.totalHours) return timeline;
  const shortestDay = Math.max(1e-3, Math.min(...timeline.days.map((d) => d.hours)));
  // A crew works at least one day in seven (fewer than 7 days off), so 7 open days per day needed suffice.
  let atLeast = timeline.days.length + Math.ceil((hours - timeline.totalHours) / shortestDay) + 1;
  for (let attempt = 0; attempt < 4; attempt++) {
    const open = listOpenDays(calendar, window, { atLeast });
    const grown = buildTimeline(crews.apply(open).working);
    if (grown.totalHours >= hours) return grown;
    if (open.length < atLeast) return null;
    atLeast *= 2;
  }
  return null;
}

/** Index of the open day holding `hour`; an interval's end at closing time belongs to that day (`closing`). */
export function dayIndexAt(timeline: Timeline, hour: number, closing = false): number {
  const { startHours } = timeline;
  let lo = 0;
  let hi = startHours.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = startHours[mid] ?? 0;
    if (closing ? start < hour - 1e-9 : start <= hour + 1e-9) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/** First hour of the first open day on or after `date`, or the end of the line. */
export function hourOfDate(timeline: Timeline, date: string): number {
  const index = timeline.days.findIndex((d) => d.date >= date);
  return index < 0 ? timeline.totalHours : (timeline.startHours[index] ?? 0);
}

/** Last hour of the last open day on or before `date` (0 when none). */
export function hourAfterDate(timeline: Timeline, date: string): number {
  let end = 0;
  timeline.days.forEach((d, index) => {
    if (d.date <= date) end = (timeline.startHours[index] ?? 0) + d.hours;
  });
  return end;
}

/** How the hours `[from, to)` fall on open days. */
export function hoursByDay(timeline: Timeline, from: number, to: number): { date: string; hours: number }[] {
  const out: { date: string; hours: number }[] = [];
  if (to - from <= 1e-9) return out;
  for (let i = dayIndexAt(timeline, from); i < timeline.days.length; i++) {
    const start = timeline.startHours[i] ?? 0;
    const day = timeline.days[i] as OpenDay;
    if (start >= to - 1e-9) break;
    const overlap = Math.min(to, start + day.hours) - Math.max(from, start);
    if (overlap > 1e-9) out.push({ date: day.date, hours: overlap });
  }
  return out;
}
