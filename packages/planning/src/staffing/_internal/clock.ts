import { MINUTES_PER_DAY } from '../../time/_internal/minutes-per-day.ts';

/** `00` … `59`: two-digit numbers for clock labels. */
const TWO_DIGITS: readonly string[] = Object.freeze(
  Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0')),
);

/**
 * `HH:mm` of a whole number of minutes after the opening day's midnight, wrapping past 24 h;
 * `endOfDay` writes midnight as `24:00` (the end of a window). The same as `formatTimeOfDay` for
 * whole minutes, without its option object (a plan labels every hour twice).
 */
export function clock(minute: number, endOfDay: boolean): string {
  const wrapped = ((minute % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  if (endOfDay && wrapped === 0 && minute > 0) return '24:00';
  return `${TWO_DIGITS[Math.floor(wrapped / 60)]}:${TWO_DIGITS[wrapped % 60]}`;
}
