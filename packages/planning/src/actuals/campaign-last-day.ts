import { DateTime } from 'luxon';

/**
 * Longest gap, in days, between two report days that carry a campaign on past its planned end: a
 * campaign running late reports at least this often, a phone left on today's date for a campaign
 * long over does not.
 */
export const LATE_REPORT_GAP_DAYS = 14;

/** Calendar days from ISO date `from` to ISO date `to`. */
function daysFrom(from: string, to: string): number {
  const at = (date: string) => DateTime.fromISO(date, { zone: 'UTC' });
  return Math.round(at(to).diff(at(from), 'days').days);
}

/**
 * The last day of a campaign as its reports show it: its planned end (the deadline, or the plan's
 * completion when the plan itself runs past it), carried on by the days reported after it for as
 * long as each comes at most {@link LATE_REPORT_GAP_DAYS} days after the one before. A campaign
 * running later than its plan keeps its reports in its days; a report dated far beyond them (a
 * phone left on today's date) is not the campaign's.
 *
 * @param deadline ISO date.
 * @param completionDate The plan's completion (ISO date), or null when it has none.
 * @param reportedDates The days reported, ISO dates, ascending (repeats allowed).
 *
 * @example
 * campaignLastDay('2021-06-30', '2021-06-25', ['2021-07-02', '2021-07-10', '2026-11-30'])
 * // => '2021-07-10'
 */
export function campaignLastDay(
  deadline: string,
  completionDate: string | null,
  reportedDates: readonly string[],
): string {
  let last = completionDate !== null && completionDate > deadline ? completionDate : deadline;
  for (const date of reportedDates) {
    if (date <= last) continue;
    if (daysFrom(last, date) > LATE_REPORT_GAP_DAYS) break;
    last = date;
  }
  return last;
}
