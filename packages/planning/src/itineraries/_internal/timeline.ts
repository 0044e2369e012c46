import type { OpenDay } from '../../time/open-days.ts';

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
