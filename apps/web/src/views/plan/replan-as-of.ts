// The re-plan's "as of" date box: from the day before the scenario starts (nothing reported yet,
// the earliest re-plan there is) to its deadline (the API re-plans no later), and the day it opens
// on: the last reported day, held within that range. A report made after the deadline would
// otherwise open a re-plan as of a day past it, where nothing can be done but finish late.

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
  deadline: string,
  lastReported: string | null,
): { min: string; max: string; initial: string } {
  const min = dayBefore(start);
  const day = lastReported ?? min;
  const initial = day < min ? min : day > deadline ? deadline : day;
  return { min, max: deadline, initial };
}
