import { DateTime } from 'luxon';

/**
 * Longest gap, in days, between two report days that carry a campaign on past its planned end: a
 * campaign running late reports at least this often, a phone left on today's date for a campaign
 * long over does not.
 */
export const LATE_REPORT_GAP_DAYS = 14;

/** Dossiers reported on one day, rolled up over the whole campaign (an area's own total winning). */
export type ReportedDay = { date: string; dossiers: number };

/** The campaign's planned end, ISO date: its deadline, or the plan's completion when later. */
export function plannedEnd(deadline: string, completionDate: string | null): string {
  return completionDate !== null && completionDate > deadline ? completionDate : deadline;
}

/** Calendar days from ISO date `from` to ISO date `to`. */
function daysFrom(from: string, to: string): number {
  const at = (date: string) => DateTime.fromISO(date, { zone: 'UTC' });
  return Math.round(at(to).diff(at(from), 'days').days);
}

/**
 * The last day of a campaign as its reports show it: its planned end (the deadline, or the plan's
 * completion when the plan itself runs past it), carried on by the days reported after it while
 * its work is not done (the dossiers reported from `start` fall short of `demand`) and each comes
 * at most {@link LATE_REPORT_GAP_DAYS} days after the one before. A campaign running later than its
 * plan keeps its reports in its days; a report dated far beyond them (a phone left on today's
 * date), or the work of the areas once the campaign's is done (a next campaign, routine
 * enrolment), is not the campaign's.
 *
 * @param start The campaign's first day, ISO date: reports before it count toward nothing.
 * @param deadline ISO date.
 * @param completionDate The plan's completion (ISO date), or null when it has none.
 * @param reported The days reported, ascending, each once.
 * @param demand The campaign's dossiers.
 *
 * @example
 * campaignLastDay('2021-03-15', '2021-06-30', '2021-06-25', [
 *   { date: '2021-06-30', dossiers: 900 },
 *   { date: '2021-07-02', dossiers: 50 },
 *   { date: '2021-07-10', dossiers: 50 },
 *   { date: '2026-11-30', dossiers: 7 },
 * ], 1_000)
 * // => '2021-07-10'
 */
export function campaignLastDay(
  start: string,
  deadline: string,
  completionDate: string | null,
  reported: readonly ReportedDay[],
  demand: number,
): string {
  let last = plannedEnd(deadline, completionDate);
  let served = 0;
  for (const { date, dossiers } of reported) {
    if (date < start) continue;
    if (date > last) {
      if (served >= demand || daysFrom(last, date) > LATE_REPORT_GAP_DAYS) break;
      last = date;
    }
    served += dossiers;
  }
  return last;
}
