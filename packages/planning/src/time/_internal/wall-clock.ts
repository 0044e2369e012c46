import type { DateTime } from 'luxon';
import type { OpeningWindow } from '../opening-window.ts';
import { MINUTES_PER_DAY } from './minutes-per-day.ts';

/**
 * Hours a window is open on a given local day: the nominal length, except on days when the
 * clocks change inside the window (luxon does the time-zone arithmetic).
 *
 * (A day of 00:00–24:00 in Paris on 28 March 2021 has 23 hours.)
 */
export function windowHoursOn(localMidnight: DateTime, window: OpeningWindow): number {
  if (window.closeMinute === window.openMinute) return 0;
  const opens = wallClock(localMidnight, window.openMinute);
  const closes = wallClock(localMidnight, window.closeMinute);
  return closes.diff(opens, 'hours').hours;
}

/** The instant a local clock shows `minute` minutes after the midnight of `localMidnight` (past 1440: a later day). */
export function wallClock(localMidnight: DateTime, minute: number): DateTime {
  const days = Math.floor(minute / MINUTES_PER_DAY);
  const inDay = minute - days * MINUTES_PER_DAY;
  return localMidnight
    .plus({ days })
    .set({ hour: Math.floor(inDay / 60), minute: inDay % 60, second: 0, millisecond: 0 });
}
