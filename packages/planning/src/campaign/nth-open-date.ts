import { requireNumber } from '../_internal/validate.ts';
import { DEFAULT_HORIZON_DAYS } from '../time/_internal/horizon.ts';
import { listOpenDays, resolveCalendar } from '../time/open-days.ts';
import { resolveOpeningWindow } from '../time/opening-window.ts';
import type { CampaignInput } from './types.ts';

/**
 * The date of the n-th open day of a campaign's calendar (1 = the first), counted past the
 * deadline when needed; null beyond the ten-year horizon. Turns `solveFor('days', …)` into a
 * deadline.
 *
 * @example
 * nthOpenDate({ ...input, calendar: { start: '2021-03-19', deadline: '2021-03-19', closedDates: ['2021-03-20'] } }, 2)
 * // => '2021-03-21'
 */
export function nthOpenDate(input: Pick<CampaignInput, 'calendar' | 'hours'>, n: number): string | null {
  const count = requireNumber(n, 'n', { min: 1, integer: true, max: DEFAULT_HORIZON_DAYS });
  const days = listOpenDays(resolveCalendar(input.calendar), resolveOpeningWindow(input.hours), {
    atLeast: count,
  });
  return days[count - 1]?.date ?? null;
}
