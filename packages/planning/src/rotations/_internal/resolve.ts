import { DateTime } from 'luxon';
import {
  optionalNumber,
  requireArray,
  requireIsoDate,
  requireNumber,
  requireRecord,
  requireString,
  requireTimeZone,
} from '../../_internal/validate.ts';
import { PlanningInputError } from '../../errors/planning-input-error.ts';
import { MINUTES_PER_DAY } from '../../time/_internal/minutes-per-day.ts';
import { wallClock } from '../../time/_internal/wall-clock.ts';
import { parseTimeOfDay } from '../../time/parse-time-of-day.ts';
import type { RosterRules, RosterShift } from '../types.ts';
import { defaultTeamName } from './default-names.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const DEFAULT_RULES: Required<RosterRules> = {
  minRestHours: 11,
  maxHoursPerWeek: 48,
  maxConsecutiveNights: 3,
  daysOffPerWeek: 1,
};
/** Night work is at least this many hours between 22:00 and 06:00 (the usual legal reading). */
export const NIGHT_HOURS_THRESHOLD = 3;
const MAX_DAYS = 3660;

export type ResolvedShift = RosterShift & { index: number; startMinutes: number; endMinutes: number };

/** One shift on one date, with its real start and end instants in the zone. */
export type Occurrence = {
  day: number;
  date: string;
  shift: ResolvedShift;
  /** The start, in milliseconds since the epoch. */
  startMs: number;
  /** The end, in milliseconds since the epoch. */
  endMs: number;
  hours: number;
  night: boolean;
  weekend: boolean;
};

export type Resolved = {
  zone: string;
  first: DateTime;
  days: number;
  dates: string[];
  /** In forward order: by local start time, so day → evening → night. */
  shifts: ResolvedShift[];
  rules: Required<RosterRules>;
  /** occurrences[day][shift index in forward order] */
  occurrences: Occurrence[][];
};

export function resolveTeams(value: unknown, path = 'teams'): string[] {
  if (typeof value === 'number') {
    const count = requireNumber(value, path, { min: 1, max: 1000, integer: true });
    return Array.from({ length: count }, (_, i) => defaultTeamName(i + 1));
  }
  const names = requireArray(value, path).map((v, i) => requireString(v, `${path}[${i}]`));
  if (names.length === 0) {
    throw new PlanningInputError({ path, code: 'range', expected: 'at least one team', received: value });
  }
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (seen.has(name)) {
      throw new PlanningInputError({
        path: `${path}[${i}]`,
        code: 'duplicate',
        expected: 'a unique team name',
        received: name,
      });
    }
    seen.add(name);
  });
  return names;
}

/** An occurrence's start or end as a date-time in the roster's zone. */
export function instantIn(resolved: Resolved, ms: number): DateTime {
  return DateTime.fromMillis(ms, { zone: resolved.zone });
}

/**
 * The instants a local clock shows on the days around a roster's, read with few zone look-ups:
 * luxon finds a zone's offset by formatting a date (microseconds each), and a year's roster asks
 * for thousands of instants. Between two local midnights with the same offset the clocks did not
 * change, so a wall-clock minute of that day is its midnight plus the minutes; on a day they
 * changed (or midnight was skipped), luxon resolves it ({@link wallClock}). (Two changes in one
 * day that cancel out would go unseen: the offsets at the two midnights are the same.)
 */
class LocalClock {
  /** Local midnights of days −1 … days + 2 (index day + 1). */
  private readonly midnights: DateTime[] = [];

  constructor(first: DateTime, days: number) {
    for (let day = -1; day <= days + 2; day++) this.midnights.push(first.plus({ days: day }));
  }

  midnight(day: number): DateTime {
    return this.midnights[day + 1] as DateTime;
  }

  /** The instant `minute` minutes after the local midnight of `day` (past 1440: a later day), in ms. */
  at(day: number, minute: number): number {
    const later = Math.floor(minute / MINUTES_PER_DAY);
    const inDay = minute - later * MINUTES_PER_DAY;
    const midnight = this.midnight(day + later);
    const next = this.midnight(day + later + 1);
    // (A midnight the clocks skipped is read as the hour after: not 00:00, so not a day to add to.)
    if (midnight.offset === next.offset && midnight.hour === 0 && midnight.minute === 0) {
      return midnight.toMillis() + inDay * 60_000;
    }
    return wallClock(midnight, inDay).toMillis();
  }
}

/** Hours of [start, end) in the nights (22:00–06:00) that begin on the day before, the day of and the day after `day`. */
function nightHours(clock: LocalClock, day: number, start: number, end: number): number {
  let total = 0;
  for (let d = day - 1; d <= day + 1; d++) {
    const from = Math.max(start, clock.at(d, 22 * 60));
    const to = Math.min(end, clock.at(d, MINUTES_PER_DAY + 6 * 60));
    total += Math.max(0, to - from) / 3_600_000;
  }
  return total;
}

export function resolveRosterInput(
  input: unknown,
  options: { withTeams: boolean },
): Resolved & { teams: string[] } {
  const record = requireRecord(input, 'input');
  const zone =
    record.timeZone === undefined ? DEFAULT_TIME_ZONE : requireTimeZone(record.timeZone, 'timeZone');
  const first = requireIsoDate(record.startDate, 'startDate', zone);
  const days = requireNumber(record.days, 'days', { min: 1, max: MAX_DAYS, integer: true });
  const raw = requireArray(record.shifts, 'shifts');
  if (raw.length === 0) {
    throw new PlanningInputError({
      path: 'shifts',
      code: 'range',
      expected: 'at least one shift',
      received: raw,
    });
  }
  const names = new Set<string>();
  const parsed = raw.map((value, i) => {
    const s = requireRecord(value, `shifts[${i}]`);
    const name = requireString(s.name, `shifts[${i}].name`);
    if (names.has(name)) {
      throw new PlanningInputError({
        path: `shifts[${i}].name`,
        code: 'duplicate',
        expected: 'a unique shift name',
        received: name,
      });
    }
    names.add(name);
    const start = requireString(s.start, `shifts[${i}].start`);
    const end = requireString(s.end, `shifts[${i}].end`);
    const startMinutes = parseTimeOfDay(start, { path: `shifts[${i}].start` });
    const endMinutes = parseTimeOfDay(end, { path: `shifts[${i}].end`, allowEndOfDay: true });
    const crews = requireNumber(s.crews, `shifts[${i}].crews`, { min: 0, max: 1000, integer: true });
    return { name, start, end, crews, index: 0, startMinutes, endMinutes };
  });
  const shifts = [...parsed]
    .sort((a, b) => a.startMinutes - b.startMinutes || (a.name < b.name ? -1 : 1))
    .map((s, index) => ({ ...s, index }));
  const rules = readRosterRules(record.rules, 'rules');
  const dates: string[] = [];
  const occurrences: Occurrence[][] = [];
  const clock = new LocalClock(first, days);
  for (let day = 0; day < days; day++) {
    const date = clock.midnight(day);
    const iso = date.toISODate() ?? '';
    dates.push(iso);
    occurrences.push(
      shifts.map((shift) => {
        const startMs = clock.at(day, shift.startMinutes);
        // An end at or before the start is on the next day ("22:00"–"06:00").
        const endMs = clock.at(
          day,
          shift.endMinutes + (shift.endMinutes <= shift.startMinutes ? MINUTES_PER_DAY : 0),
        );
        // Elapsed time, so a night across a clock change is 7 or 9 hours, not 8.
        const hours = (endMs - startMs) / 3_600_000;
        return {
          day,
          date: iso,
          shift,
          startMs,
          endMs,
          hours,
          night: nightHours(clock, day, startMs, endMs) >= NIGHT_HOURS_THRESHOLD,
          weekend: date.weekday >= 6,
        };
      }),
    );
  }
  const teams = options.withTeams ? resolveTeams(record.teams) : [];
  return { zone, first, days, dates, shifts, rules, occurrences, teams };
}

/** The roster rules at `path`, each default filled in. */
export function readRosterRules(value: unknown, path: string): Required<RosterRules> {
  const rulesRecord = value === undefined ? {} : requireRecord(value, path);
  return {
    minRestHours:
      optionalNumber(rulesRecord.minRestHours, `${path}.minRestHours`, { min: 0, max: 168 }) ??
      DEFAULT_RULES.minRestHours,
    maxHoursPerWeek:
      optionalNumber(rulesRecord.maxHoursPerWeek, `${path}.maxHoursPerWeek`, {
        min: 0,
        minExclusive: true,
        max: 168,
      }) ?? DEFAULT_RULES.maxHoursPerWeek,
    maxConsecutiveNights:
      optionalNumber(rulesRecord.maxConsecutiveNights, `${path}.maxConsecutiveNights`, {
        min: 0,
        integer: true,
      }) ?? DEFAULT_RULES.maxConsecutiveNights,
    daysOffPerWeek:
      optionalNumber(rulesRecord.daysOffPerWeek, `${path}.daysOffPerWeek`, {
        min: 0,
        max: 7,
        integer: true,
      }) ?? DEFAULT_RULES.daysOffPerWeek,
  };
}
