// Campaign days are calendar dates in the campaign's zone (Asia/Ho_Chi_Minh for Vietnam), whatever
// zone the phone or the planner's computer is set to: at 00:30 in Hồ Chí Minh City it is already
// the next day there while a phone set to London still shows yesterday's date.

/** The zone of the campaigns, when no scenario names another. */
export const CAMPAIGN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date (yyyy-MM-dd) it is in `timeZone` at `now`.
 *
 * @example campaignDay(new Date('2021-03-19T17:30:00Z'), 'Asia/Ho_Chi_Minh') // '2021-03-20'
 */
export function campaignDay(now: Date, timeZone: string = CAMPAIGN_TIME_ZONE): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    format.formatToParts(now).find((each) => each.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The date `days` calendar days after `isoDate` (before, when negative).
 *
 * @example addDays('2021-02-28', 1) // '2021-03-01'
 */
export function addDays(isoDate: string, days: number): string {
  const day = new Date(`${isoDate}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** True for a real calendar date written yyyy-MM-dd. */
export function isIsoDate(text: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!parts) return false;
  const [year, month, day] = parts.slice(1).map(Number) as [number, number, number];
  // setUTCFullYear, not Date.UTC, which reads the years 0–99 as 1900–1999.
  const date = new Date(new Date(0).setUTCFullYear(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
