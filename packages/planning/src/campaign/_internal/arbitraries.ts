import fc from 'fast-check';
import { DateTime } from 'luxon';
import { formatTimeOfDay } from '../../time/parse-time-of-day.ts';
import type { CampaignInput } from '../types.ts';

/** Test-only generators of valid campaign inputs: trees of any shape, calendars, windows, services. */

const START = DateTime.fromISO('2021-03-01', { zone: 'Asia/Ho_Chi_Minh' });

const areasArb = fc
  .array(
    fc.record({
      parentPick: fc.nat(),
      population: fc.integer({ min: 0, max: 200_000 }),
      eligibleShare: fc.option(fc.double({ min: 0.3, max: 1, noNaN: true }), { nil: undefined }),
      turnout: fc.option(fc.double({ min: 0.3, max: 1, noNaN: true }), { nil: undefined }),
      alreadyServed: fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows) =>
    rows.map((row, i) => ({
      code: `a${i}`,
      name: `Area ${i}`,
      // Area 0 is the root; every other area hangs below an earlier one, so any depth can appear.
      ...(i === 0 ? {} : { parentCode: `a${row.parentPick % i}` }),
      population: row.population,
      ...(row.eligibleShare === undefined ? {} : { eligibleShare: row.eligibleShare }),
      ...(row.turnout === undefined ? {} : { turnout: row.turnout }),
      ...(row.alreadyServed === undefined ? {} : { alreadyServed: row.alreadyServed }),
    })),
  );

const windowArb = fc
  .record({ openHour: fc.integer({ min: 0, max: 22 }), lengthMinutes: fc.integer({ min: 30, max: 23 * 60 }) })
  .map(({ openHour, lengthMinutes }) => ({
    open: formatTimeOfDay(openHour * 60),
    close: formatTimeOfDay(openHour * 60 + lengthMinutes, { endOfDay: true }),
  }));

export const campaignArb: fc.Arbitrary<CampaignInput> = fc
  .record({
    areas: areasArb,
    days: fc.integer({ min: 1, max: 120 }),
    closed: fc.array(fc.integer({ min: 0, max: 130 }), { maxLength: 5 }),
    hours: windowArb,
    minutesPerDossier: fc.double({ min: 0.5, max: 20, noNaN: true }),
    availability: fc.double({ min: 0.3, max: 1, noNaN: true }),
    hardCaseShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
    hardCaseExtraMinutes: fc.double({ min: 0, max: 10, noNaN: true }),
  })
  .map((r) => ({
    areas: r.areas,
    calendar: {
      start: START.toISODate() ?? '',
      deadline: START.plus({ days: r.days - 1 }).toISODate() ?? '',
      timeZone: 'Asia/Ho_Chi_Minh',
      closedDates: [...new Set(r.closed)].map((d) => START.plus({ days: d }).toISODate() ?? ''),
    },
    hours: r.hours,
    service: {
      minutesPerDossier: r.minutesPerDossier,
      availability: r.availability,
      hardCaseShare: r.hardCaseShare,
      hardCaseExtraMinutes: r.hardCaseExtraMinutes,
    },
  }));

/** Every number anywhere in a value is finite (JSON would hide NaN as null, so walk it). */
export function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}
