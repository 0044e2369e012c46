import type { DateTime } from 'luxon';
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
import { wallClock } from '../../time/_internal/wall-clock.ts';
import { parseTimeOfDay } from '../../time/parse-time-of-day.ts';
import type { RosterRules, RosterShift } from '../types.ts';

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
  start: DateTime;
  end: DateTime;
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
    return Array.from({ length: count }, (_, i) => `Team ${i + 1}`);
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

function overlapHours(aStart: DateTime, aEnd: DateTime, bStart: DateTime, bEnd: DateTime): number {
  const from = Math.max(aStart.toMillis(), bStart.toMillis());
  const to = Math.min(aEnd.toMillis(), bEnd.toMillis());
  return Math.max(0, to - from) / 3_600_000;
}

function nightHours(start: DateTime, end: DateTime): number {
  let total = 0;
  for (let d = -1; d <= 1; d++) {
    const day = start.startOf('day').plus({ days: d });
    total += overlapHours(start, end, day.set({ hour: 22 }), day.plus({ days: 1 }).set({ hour: 6 }));
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
  for (let day = 0; day < days; day++) {
    const date = first.plus({ days: day });
    const iso = date.toISODate() ?? '';
    dates.push(iso);
    occurrences.push(
      shifts.map((shift) => {
        const start = wallClock(date, shift.startMinutes);
        // An end at or before the start is on the next day ("22:00"–"06:00").
        const end = wallClock(date, shift.endMinutes + (shift.endMinutes <= shift.startMinutes ? 1440 : 0));
        // Elapsed time, so a night across a clock change is 7 or 9 hours, not 8.
        const hours = (end.toMillis() - start.toMillis()) / 3_600_000;
        return {
          day,
          date: iso,
          shift,
          start,
          end,
          hours,
          night: nightHours(start, end) >= NIGHT_HOURS_THRESHOLD,
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
