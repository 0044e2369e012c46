/**
 * Milliseconds at a calendar date's UTC midnight, for any year from 0 to 9999. `Date.UTC` reads
 * the years 0 to 99 as 1900 to 1999: a campaign starting on 0001-01-01 was walked from 1901-01-01,
 * and its plan finished in 1901.
 */
export function utcMidnight(year: number, month: number, day: number): number {
  return new Date(0).setUTCFullYear(year, month - 1, day);
}
