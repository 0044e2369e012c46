import { requireNumber, requireRecord } from '../_internal/validate.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { defaultShiftName } from '../rotations/_internal/default-names.ts';
import type { RosterShift } from '../rotations/types.ts';
import { type OpeningHours, resolveOpeningWindow } from '../time/opening-window.ts';
import { formatTimeOfDay } from '../time/parse-time-of-day.ts';

/** A daily opening window to cut into the shifts a roster repeats. */
export type WindowShiftsInput = {
  /** The window, `HH:mm`; a close at or before the open ends after midnight; round the clock is 00:00–24:00. */
  hours: OpeningHours;
  /** Longest shift, hours: from 1 to 24. */
  shiftHours: number;
};

/** Shift boundaries fall on whole minutes of this step, as a planner writes them. */
const BOUNDARY_MINUTES = 5;

/**
 * The opening window cut into the fewest equal shifts of at most `shiftHours`, one crew each,
 * named `Shift 1`, `Shift 2`, … in order: the shifts of {@link buildRoster} for a site open that
 * window. Inner boundaries are rounded to 5 minutes, so shifts may differ by a few minutes (and
 * one more shift is cut where rounding would make one longer than `shiftHours`).
 *
 * @example
 * windowShifts({ hours: { open: '05:00', close: '24:00' }, shiftHours: 8 }).map((s) => `${s.start}–${s.end}`)
 * // => ['05:00–11:20', '11:20–17:40', '17:40–00:00']
 */
export function windowShifts(input: WindowShiftsInput): RosterShift[] {
  const record = requireRecord(input, 'input');
  const window = resolveOpeningWindow(record.hours, 'hours');
  const shiftHours = requireNumber(record.shiftHours, 'shiftHours', { min: 1, max: 24 });
  const { openMinute: open, closeMinute: close } = window;
  if (close <= open) {
    throw new PlanningInputError({
      path: 'hours',
      code: 'range',
      expected: 'a window longer than zero hours',
      received: record.hours,
    });
  }
  const boundaryOf = (i: number, count: number): number =>
    i === count
      ? close
      : open + Math.round(((close - open) * i) / count / BOUNDARY_MINUTES) * BOUNDARY_MINUTES;
  const longest = (count: number): number =>
    Math.max(...Array.from({ length: count }, (_, i) => boundaryOf(i + 1, count) - boundaryOf(i, count)));
  // Rounding the inner boundaries can lengthen a shift by up to 5 minutes: past `shiftHours`, one
  // more shift (an equal split 5 minutes shorter is always enough, and shiftHours is at least 1).
  let count = Math.ceil((close - open) / (shiftHours * 60));
  while (longest(count) > shiftHours * 60 + 1e-9) count++;
  const boundary = (i: number): number => boundaryOf(i, count);
  return Array.from({ length: count }, (_, i) => ({
    name: defaultShiftName(i + 1),
    start: formatTimeOfDay(boundary(i)),
    end: formatTimeOfDay(boundary(i + 1)),
    crews: 1,
  }));
}
