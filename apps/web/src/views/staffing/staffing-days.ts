// The days the staffing page offers for a site, as the API takes them: the campaign's, from its
// start to its deadline, and on to the site's last planned day when the plan runs past the
// deadline. A replan saved as of its deadline starts the day after it: its days are its own, from
// that start to the day the site is done, never the empty stretch from the start back to the
// deadline (a date box whose `min` is after its `max` takes no day at all).

/** The first and the last day a staffing day may be, `yyyy-MM-dd`, both included. */
export type StaffingDays = { from: string; to: string };

/**
 * The days of a scenario's calendar a site can be staffed on, given the day the site's plan is
 * done (null or undefined: not known, or never); null when there is none.
 *
 * @example staffingDays({ start: '2021-07-01', deadline: '2021-06-30' }, '2021-08-23')
 * // { from: '2021-07-01', to: '2021-08-23' }
 */
export function staffingDays(
  calendar: { start: string; deadline: string },
  siteCompletionDate: string | null | undefined,
): StaffingDays | null {
  const { start, deadline } = calendar;
  const to = siteCompletionDate != null && siteCompletionDate > deadline ? siteCompletionDate : deadline;
  return start <= to ? { from: start, to } : null;
}
