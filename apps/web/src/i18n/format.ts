// Numbers and dates as the reader's language writes them (1.085 in Vietnamese, 1,085 in English),
// always through Intl. Formatters are built once per locale and options: a plan's table formats
// thousands of cells.
export type Locale = 'vi' | 'en';

export const LOCALES: readonly Locale[] = ['vi', 'en'];

/** The Intl locale of each language of the app (British English writes 20 Mar 2021). */
const INTL_LOCALE: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], options);
    dateFormats.set(key, format);
  }
  return format;
}

/** A count or measure; `digits` fraction digits at most (0 by default). */
export function formatNumber(locale: Locale, value: number, digits = 0): string {
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** A number as a form's box shows it: the locale's decimal sign, no grouping (read back digit for digit). */
export function formatBoxNumber(locale: Locale, value: number, digits = 2): string {
  return numberFormat(locale, { maximumFractionDigits: digits, useGrouping: false }).format(value);
}

/** A share 0..1 as a percentage. */
export function formatPercent(locale: Locale, share: number, digits = 0): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(share);
}

/** How a date is written: `long` 19 thg 3, 2021; `short` 19/3; `shortYear` 19/3/2021 (a span over years). */
export type DateStyle = 'short' | 'shortYear' | 'long';

const DATE_STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  short: { timeZone: 'UTC', day: 'numeric', month: 'numeric' },
  shortYear: { timeZone: 'UTC', day: 'numeric', month: 'numeric', year: 'numeric' },
  long: { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' },
};

/**
 * A calendar date (`yyyy-MM-dd`) of the campaign. The API's dates are already days in the
 * campaign's zone, so the day is read at noon UTC and written in UTC: no zone can move it.
 */
export function formatDate(locale: Locale, isoDate: string, style: DateStyle = 'long'): string {
  return dateFormat(locale, DATE_STYLES[style]).format(new Date(`${isoDate}T12:00:00Z`));
}

/** The month and year of a calendar date (`yyyy-MM-dd`), for a roster page's title. */
export function formatMonth(locale: Locale, isoDate: string): string {
  return dateFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );
}

/** The weekday of a calendar date, short. */
export function formatWeekday(locale: Locale, isoDate: string): string {
  return dateFormat(locale, { timeZone: 'UTC', weekday: 'short' }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** An instant (ISO 8601 with offset) as date and time in the campaign's zone. */
export function formatInstant(locale: Locale, isoInstant: string, timeZone: string): string {
  return dateFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(isoInstant),
  );
}
