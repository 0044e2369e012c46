// The burn-up's time axis written as its readers write days: day and month (19/3), with the year
// too when the axis runs over more than one calendar year. A forecast into the next year otherwise
// reads 22/6 · 8/1 · 27/7, where 8/1 is January of the next year, not before 27/7.
import type { DateStyle } from '../../i18n/format.ts';

/**
 * The labels of the ticks of an axis from `firstDay` to `lastDay` (ISO dates; the ticks within).
 *
 * @example timeAxisLabels((day, style) => formatDate('vi', day, style), ['2021-06-22', '2022-01-08'],
 *   '2021-06-01', '2022-02-01')
 * // ['22/6/2021', '8/1/2022']
 */
export function timeAxisLabels(
  date: (isoDate: string, style: DateStyle) => string,
  ticks: readonly string[],
  firstDay: string,
  lastDay: string,
): string[] {
  const style: DateStyle = firstDay.slice(0, 4) === lastDay.slice(0, 4) ? 'short' : 'shortYear';
  return ticks.map((tick) => date(tick, style));
}
