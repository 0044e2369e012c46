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
 * window. Inner boundaries are rounded to 5 minutes, so shifts may differ by a few minutes, and
 * held where rounding would make one longer than `shiftHours` (one more shift only when no
 * boundaries on 5 minutes fit: a `shiftHours` that is no whole number of 5 minutes). A shift that
 * ends at midnight ends at `24:00`, as the window's close is written: a roster's reader never takes
 * its `00:00` for the morning of the day it was worked.
 *
 * @example
 * windowShifts({ hours: { open: '05:00', close: '24:00' }, shiftHours: 8 }).map((s) => `${s.start}–${s.end}`)
 * // => ['05:00–11:20', '11:20–17:40', '17:40–24:00']
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
  const length = close - open;
  const longest = shiftHours * 60;
  const step = BOUNDARY_MINUTES;
  /**
   * `count` shifts' boundaries, minutes after the open: each inner one the equal split's rounded to
   * 5 minutes, held where rounding would make a shift longer than `shiftHours` (no later than a
   * shift after the one before it, no earlier than leaves the rest room to fit). Null when no
   * 5-minute boundaries fit (a `shiftHours` that is no whole number of 5 minutes, a tight split).
   */
  const boundariesOf = (count: number): number[] | null => {
    const at = [0];
    for (let i = 1; i < count; i++) {
      const earliest = Math.ceil((length - (count - i) * longest) / step - 1e-9) * step;
      const latest = Math.floor(((at[i - 1] as number) + longest) / step + 1e-9) * step;
      if (earliest > latest) return null;
      const even = Math.round((length * i) / count / step) * step;
      at.push(Math.min(latest, Math.max(earliest, even)));
    }
    at.push(length);
    return length - (at[count - 1] as number) <= longest + 1e-9 ? at : null;
  };
  // The fewest shifts that fit; with a shiftHours of whole 5 minutes (whole hours, as the API
  // takes) that is always the fewest any cut could have.
  let count = Math.ceil(length / longest - 1e-9);
  let at = boundariesOf(count);
  while (at === null) {
    count++;
    at = boundariesOf(count);
  }
  const boundary = (i: number): number => open + (at[i] as number);
  return Array.from({ length: count }, (_, i) => ({
    name: defaultShiftName(i + 1),
    start: formatTimeOfDay(boundary(i)),
    // Midnight, 1,440 minutes, ends its day at 24:00.
    end: formatTimeOfDay(boundary(i + 1), { endOfDay: true }),
    crews: 1,
  }));
}
