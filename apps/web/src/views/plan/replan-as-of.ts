// The re-plan's "as of" date box: from the day before the scenario starts (nothing reported yet,
// the earliest re-plan there is) to the campaign's last day as plan vs actual counts it (its
// deadline, or later while a late campaign's reports carry on: `campaignLastDay`), and the day it
// opens on: the last reported day, held within that range. A report dated past that day (a phone
// left on another year) counts in no comparison, and would open a re-plan where nothing was done.

/** The day before an ISO date. */
function dayBefore(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/**
 * The range of the box and the day it opens on (ISO dates).
 *
 * @example replanAsOf('2021-03-15', '2021-06-30', '2021-07-02')
 * // { min: '2021-03-14', max: '2021-06-30', initial: '2021-06-30' }
 */
export function replanAsOf(
  start: string,
  lastDay: string,
  lastReported: string | null,
): { min: string; max: string; initial: string } {
  const min = dayBefore(start);
  const day = lastReported ?? min;
  const initial = day < min ? min : day > lastDay ? lastDay : day;
  return { min, max: lastDay, initial };
}
