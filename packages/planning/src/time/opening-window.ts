import { allRead, attempt } from '../_internal/problems.ts';
import { requireRecord } from '../_internal/validate.ts';
import type { PlanningInputError } from '../errors/planning-input-error.ts';
import { MINUTES_PER_DAY } from './_internal/minutes-per-day.ts';
import { parseTimeOfDay } from './parse-time-of-day.ts';

/** A daily opening window in local time. `close` at or before `open` ends the next day. */
export type OpeningHours = { open: string; close: string };

/** An opening window read into minutes after local midnight of the day it opens. */
export type OpeningWindow = {
  openMinute: number;
  /** After `openMinute`; above 1440 when the window passes midnight. Equal to `openMinute` for a zero-hour window. */
  closeMinute: number;
  /** Length on a day without a clock change. */
  nominalHours: number;
};

/**
 * Reads `{ open, close }`. A close earlier than the open ends after midnight (`05:00`–`02:00`
 * is 21 hours); `24:00` closes at midnight; an equal open and close is a window of zero hours,
 * so round the clock is written `00:00`–`24:00`. Refusals name `path`'s fields, both at once when
 * both are malformed (a `MalformedInputError` that reads as the first).
 *
 * @example
 * resolveOpeningWindow({ open: '05:00', close: '02:00' }).nominalHours // => 21
 */
export function resolveOpeningWindow(hours: unknown, path = 'hours'): OpeningWindow {
  const record = requireRecord(hours, path);
  const problems: PlanningInputError[] = [];
  const { openMinute, closeRaw } = allRead(
    {
      openMinute: attempt(() => parseTimeOfDay(record.open, { path: `${path}.open` }), problems),
      closeRaw: attempt(
        () => parseTimeOfDay(record.close, { path: `${path}.close`, allowEndOfDay: true }),
        problems,
      ),
    },
    problems,
  );
  const closeMinute = closeRaw < openMinute ? closeRaw + MINUTES_PER_DAY : closeRaw;
  return { openMinute, closeMinute, nominalHours: (closeMinute - openMinute) / 60 };
}
