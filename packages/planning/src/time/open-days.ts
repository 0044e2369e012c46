import type { DateTime } from 'luxon';
import { allRead, attempt } from '../_internal/problems.ts';
import {
  requireArray,
  requireIsoDate,
  requireNumber,
  requireRecord,
  requireTimeZone,
} from '../_internal/validate.ts';
import type { PlanningInputError } from '../errors/planning-input-error.ts';
import { DEFAULT_HORIZON_DAYS } from './_internal/horizon.ts';
import { utcMidnight } from './_internal/utc-midnight.ts';
import { windowHoursOn } from './_internal/wall-clock.ts';
import type { OpeningWindow } from './opening-window.ts';

/** The campaign calendar as given: ISO dates, both ends included. */
export type CalendarInput = {
  start: string;
  deadline: string;
  /** IANA zone the dates and hours are read in. Default `'UTC'`. */
  timeZone?: string;
  /** Dates with no service (holidays, election days). */
  closedDates?: string[];
  /** ISO weekdays with no service, 1 = Monday … 7 = Sunday. Default none: open all week. */
  closedWeekdays?: number[];
};

/** A calendar read and checked once, for the functions that walk it. */
export type ResolvedCalendar = {
  start: DateTime;
  deadline: DateTime;
  timeZone: string;
  closedDates: ReadonlySet<string>;
  closedWeekdays: ReadonlySet<number>;
};

const DEFAULT_TIME_ZONE = 'UTC';

/**
 * Reads and checks a campaign calendar: dates in its time zone, closed dates and weekdays.
 * Refusals name fields under `path`, every malformed one at once (a `MalformedInputError` that
 * reads as the first).
 *
 * @example
 * resolveCalendar({ start: '2021-03-22', deadline: '2021-06-30', closedWeekdays: [7] }).closedWeekdays.has(7)
 * // => true
 */
export function resolveCalendar(calendar: unknown, path = 'calendar'): ResolvedCalendar {
  const record = requireRecord(calendar, path);
  const problems: PlanningInputError[] = [];
  const zoneRead =
    record.timeZone === undefined
      ? DEFAULT_TIME_ZONE
      : attempt(() => requireTimeZone(record.timeZone, `${path}.timeZone`), problems);
  // A zone refused, the dates are read in the default one: a malformed date is named all the same.
  const zone = zoneRead ?? DEFAULT_TIME_ZONE;
  const dates = {
    timeZone: zoneRead,
    start: attempt(() => requireIsoDate(record.start, `${path}.start`, zone), problems),
    deadline: attempt(() => requireIsoDate(record.deadline, `${path}.deadline`, zone), problems),
  };
  const closedDates = new Set<string>();
  if (record.closedDates !== undefined) {
    attempt(() => requireArray(record.closedDates, `${path}.closedDates`), problems)?.forEach(
      (date, index) => {
        const read = attempt(() => requireIsoDate(date, `${path}.closedDates[${index}]`, zone), problems);
        if (read !== undefined) closedDates.add(read.toISODate() ?? '');
      },
    );
  }
  const closedWeekdays = new Set<number>();
  if (record.closedWeekdays !== undefined) {
    const rule = { min: 1, max: 7, integer: true };
    attempt(() => requireArray(record.closedWeekdays, `${path}.closedWeekdays`), problems)?.forEach(
      (day, index) => {
        const read = attempt(() => requireNumber(day, `${path}.closedWeekdays[${index}]`, rule), problems);
        if (read !== undefined) closedWeekdays.add(read);
      },
    );
  }
  return { ...allRead(dates, problems), closedDates, closedWeekdays };
}

/** One open day of a calendar and the hours its window is open that day. */
export type OpenDay = { date: string; hours: number };

/** Options of {@link listOpenDays}. */
export type ListOpenDaysOptions = {
  /** Walk past the deadline (for completion dates after it) until this many open days are listed. */
  atLeast?: number;
  /** Never walk more calendar days than this from the start. Default 3,660 (ten years). */
  horizonDays?: number;
};

/**
 * Open days from the start, with their opening hours: every day to the deadline, and further
 * when `atLeast` asks for more. Days whose window has zero hours are not open.
 *
 * @example
 * listOpenDays(resolveCalendar({ start: '2021-03-19', deadline: '2021-03-21', closedDates: ['2021-03-20'] }),
 *   resolveOpeningWindow({ open: '05:00', close: '24:00' }))
 * // => [{ date: '2021-03-19', hours: 19 }, { date: '2021-03-21', hours: 19 }]
 */
export function listOpenDays(
  calendar: ResolvedCalendar,
  window: OpeningWindow,
  options: ListOpenDaysOptions = {},
): OpenDay[] {
  const atLeast = options.atLeast ?? 0;
  const horizonDays = options.horizonDays ?? DEFAULT_HORIZON_DAYS;
  const days: OpenDay[] = [];
  const deadlineDate = calendar.deadline.toISODate() ?? '';
  // Calendar dates walk in UTC arithmetic; luxon's zone arithmetic runs only on days when the
  // zone's offset changes, which keeps a long walk cheap.
  const zone = calendar.start.zone;
  const first = utcMidnight(calendar.start.year, calendar.start.month, calendar.start.day);
  const DAY_MS = 86_400_000;
  for (let walked = 0; walked < horizonDays; walked++) {
    const utc = first + walked * DAY_MS;
    const date = new Date(utc).toISOString().slice(0, 10);
    if (date > deadlineDate && days.length >= atLeast) break;
    const weekday = new Date(utc).getUTCDay() || 7;
    if (calendar.closedWeekdays.has(weekday) || calendar.closedDates.has(date)) continue;
    // The local day and a window past its midnight lie within UTC's day before and the two
    // after, whatever the zone's offset (−12 h to +14 h): a change in there is sampled. (The
    // day's own UTC midnight is not enough: east of UTC a 02:00 change falls on the day before.)
    const steady = zone.offset(utc - DAY_MS) === zone.offset(utc + 3 * DAY_MS);
    const hours = steady
      ? window.nominalHours
      : windowHoursOn(calendar.start.plus({ days: walked }).startOf('day'), window);
    if (hours > 0) days.push({ date, hours });
  }
  return days;
}
