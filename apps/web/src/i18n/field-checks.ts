// Figures typed into a form, checked in the browser before the service is asked: a time of day, a
// number with a decimal comma or point (Vietnamese writes 3,5), a day of the campaign. Each problem
// is a catalogue key with the bounds to fill in, so it is said in the reader's language; the
// service's own English sentence never reaches the page for what the form can tell by itself.
import type { MessageKey } from './vi.ts';

/** Most machines the service takes for an area: an allocation's, a report's machines working. */
export const MAX_MACHINES_PER_AREA = 100_000;
/** Most machines the service staffs at one site in an hour (the planning library's MAX_MACHINES). */
export const MAX_MACHINES_AT_A_SITE = 10_000;
/** Minutes a dossier may take, as the service takes them (0.6 seconds to a week). */
export const MINUTES_PER_DOSSIER = { min: 0.01, max: 10_080 } as const;

/** What is wrong with a box: the sentence's key and the bounds it names. */
export type FieldProblem = { key: MessageKey; min?: number; max?: number; from?: string; to?: string };

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * An `HH:mm` time from 00:00 to 23:59, or to 24:00 for a close (`endOfDay`); null when it is one.
 *
 * @example checkTime('25:00') // { key: 'check.time' }
 */
export function checkTime(text: string, { endOfDay = false } = {}): FieldProblem | null {
  const time = text.trim();
  if (TIME_OF_DAY.test(time) || (endOfDay && time === '24:00')) return null;
  return { key: endOfDay ? 'check.closeTime' : 'check.time' };
}

/**
 * A day's hours, `HH:mm` each: the open from 00:00 to 23:59, the close to 24:00 and not the open
 * itself (no hours at all; a whole day is 00:00–24:00). The problem of each box that has one.
 *
 * @example checkHours('07:00', '07:00') // { close: { key: 'check.sameTime' } }
 */
export function checkHours(open: string, close: string): { open?: FieldProblem; close?: FieldProblem } {
  const problems: { open?: FieldProblem; close?: FieldProblem } = {};
  const openProblem = checkTime(open);
  const closeProblem = checkTime(close, { endOfDay: true });
  if (openProblem) problems.open = openProblem;
  if (closeProblem) problems.close = closeProblem;
  else if (!openProblem && open.trim() === close.trim()) problems.close = { key: 'check.sameTime' };
  return problems;
}

export type NumberBounds = {
  min: number;
  max: number;
  /** Whole numbers only. Default false. */
  whole?: boolean;
  /** `min` itself is refused (a number above it). Default false. */
  aboveMin?: boolean;
};

/**
 * Digits in groups of three (`10.000`, `1,000,000`): thousands, as Vietnamese and English group
 * them. A leading 0 (`0,500`, `0.125`) is no group of thousands: a fraction.
 */
const GROUPED = /^-?[1-9]\d{0,2}([.,])\d{3}(?:\1\d{3})*$/;

/**
 * The text with its thousands separators taken out and its decimal sign a point, or null when a
 * reader of either language would read it otherwise: `1.500` is 1,500 in Vietnamese and 1.5 in
 * English, so a box that takes fractions refuses it; a whole-number box reads it as 1,500 (1.5 is
 * no whole number either way).
 */
function plainNumber(text: string, whole: boolean): string | null {
  const grouped = GROUPED.exec(text);
  if (grouped) {
    const groups = text.split(grouped[1] as string).length - 1;
    if (whole || groups > 1) return text.replaceAll(grouped[1] as string, '');
    return null;
  }
  return text.replace(',', '.');
}

/**
 * A number as typed (`3,5` or `3.5`, spaces and thousands groups ignored: `10.000`) within its
 * bounds: the number, null when the box is blank, or the problem.
 *
 * @example readNumber('-5', { min: 0, max: 10_000_000, whole: true })
 * // { problem: { key: 'check.wholeRange', min: 0, max: 10000000 } }
 */
export function readNumber(
  text: string,
  bounds: NumberBounds,
): { value: number | null } | { problem: FieldProblem } {
  const typed = text.replace(/\s/g, '');
  if (typed === '') return { value: null };
  const written = plainNumber(typed, bounds.whole ?? false);
  if (written === null) return { problem: { key: 'check.ambiguous' } };
  const { min, max, whole = false, aboveMin = false } = bounds;
  const outOfBounds: FieldProblem = {
    key: whole ? 'check.wholeRange' : aboveMin ? 'check.above' : 'check.range',
    min,
    max,
  };
  if (!/^-?\d+(\.\d+)?$/.test(written)) return { problem: whole ? outOfBounds : { key: 'check.number' } };
  const value = Number(written);
  if ((whole && !Number.isInteger(value)) || value > max || value < min || (aboveMin && value === min)) {
    return { problem: outOfBounds };
  }
  return { value };
}

/**
 * A calendar day (`yyyy-MM-dd`, as a date box gives it) from `from` to `to`; null when it is one
 * or the box is blank.
 *
 * @example checkDay('2021-07-01', '2021-03-15', '2021-06-30')
 * // { key: 'check.day', from: '2021-03-15', to: '2021-06-30' }
 */
export function checkDay(text: string, from: string, to: string): FieldProblem | null {
  if (text === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && text >= from && text <= to) return null;
  return { key: 'check.day', from, to };
}
