import { PlanningInputError } from '../errors/planning-input-error.ts';
import { MINUTES_PER_DAY } from './_internal/minutes-per-day.ts';

const TIME_OF_DAY = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Options of {@link parseTimeOfDay}. */
export type ParseTimeOfDayOptions = {
  /** Accept `24:00` (the end of a day, as in "open until 24:00"). Default `false`. */
  allowEndOfDay?: boolean;
  /** Field named in the error. Default `'time'`. */
  path?: string;
};

/**
 * Minutes after local midnight of an `HH:mm` time of day.
 *
 * @example
 * parseTimeOfDay('07:30') // => 450
 */
export function parseTimeOfDay(value: unknown, options: ParseTimeOfDayOptions = {}): number {
  const path = options.path ?? 'time';
  const allowEndOfDay = options.allowEndOfDay ?? false;
  const expected = allowEndOfDay
    ? 'a time of day "HH:mm" from 00:00 to 24:00'
    : 'a time of day "HH:mm" from 00:00 to 23:59';
  const match = typeof value === 'string' ? TIME_OF_DAY.exec(value) : null;
  if (!match) throw new PlanningInputError({ path, code: 'format', expected, received: value });
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes > MINUTES_PER_DAY || (minutes === MINUTES_PER_DAY && !allowEndOfDay)) {
    throw new PlanningInputError({ path, code: 'range', expected, received: value });
  }
  return minutes;
}

/**
 * `HH:mm` of a number of minutes after midnight, wrapping past 24 h (`24:00` only when asked).
 *
 * @example
 * formatTimeOfDay(1530) // => '01:30'
 */
export function formatTimeOfDay(minutesAfterMidnight: number, options: { endOfDay?: boolean } = {}): string {
  const whole = Math.round(minutesAfterMidnight);
  if (options.endOfDay && whole === MINUTES_PER_DAY) return '24:00';
  const wrapped = ((whole % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const hours = Math.floor(wrapped / 60);
  return `${String(hours).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}
