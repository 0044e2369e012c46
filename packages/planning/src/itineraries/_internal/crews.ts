import { requireNumber } from '../../_internal/validate.ts';
import { PlanningInputError } from '../../errors/planning-input-error.ts';
import { NIGHT_HOURS_THRESHOLD, readRosterRules } from '../../rotations/_internal/resolve.ts';
import type { RosterAssignment, RosterRules } from '../../rotations/types.ts';
import { MINUTES_PER_DAY } from '../../time/_internal/minutes-per-day.ts';
import { utcMidnight } from '../../time/_internal/utc-midnight.ts';
import type { OpenDay } from '../../time/open-days.ts';
import type { OpeningWindow } from '../../time/opening-window.ts';
import { formatTimeOfDay } from '../../time/parse-time-of-day.ts';
import type { CrewCalendar } from '../types.ts';

export const DEFAULT_CREWS_PER_TEAM = 2;
/** Crews of one team: a typo such as 1000 would only slow the turns down. */
export const CREWS_RULE = { min: 1, max: 20, integer: true } as const;
/** The roster's shift name for a crew's day with the team. */
export const CREW_SHIFT_NAME = 'Team day';

/** How a team's crews take turns, and the days that gives over a list of open days. */
export type CrewPattern = {
  crewsPerTeam: number;
  rules: Required<RosterRules>;
  hoursPerDay: number;
  startMinute: number;
  /** The open days a team works (hours cut to `hoursPerDay`), the days it stands down, and who is on. */
  apply(days: readonly OpenDay[]): CrewDays;
};

export type CrewDays = {
  working: OpenDay[];
  standDownDates: string[];
  assignments: RosterAssignment[];
};

/**
 * Reads `crewsPerTeam` and `crewRules`. A crew's day is the teams' window, cut to 24 h less the
 * minimum rest (a crew on duty every day must rest between two), and to the weekly maximum.
 */
export function readCrewPattern(
  crewsValue: unknown,
  rulesValue: unknown,
  window: OpeningWindow,
): CrewPattern {
  const crewsPerTeam =
    crewsValue === undefined ? DEFAULT_CREWS_PER_TEAM : requireNumber(crewsValue, 'crewsPerTeam', CREWS_RULE);
  const rules = readRosterRules(rulesValue, 'crewRules');
  const restCap = 24 - rules.minRestHours;
  const hoursPerDay = Math.min(window.nominalHours, restCap >= 1 ? restCap : 24, rules.maxHoursPerWeek);
  if (rules.daysOffPerWeek >= 7) {
    throw new PlanningInputError({
      path: 'crewRules.daysOffPerWeek',
      code: 'range',
      expected: 'fewer than 7 days off in 7 (a crew that never works serves no commune)',
      received: rules.daysOffPerWeek,
    });
  }
  return withCrews({ rules, hoursPerDay, startMinute: window.openMinute }, crewsPerTeam);
}

/** The same day and rules with another number of crews taking turns (a team's own `crews`). */
export function withCrews(
  pattern: Pick<CrewPattern, 'rules' | 'hoursPerDay' | 'startMinute'>,
  crewsPerTeam: number,
): CrewPattern {
  const { rules, hoursPerDay, startMinute } = pattern;
  const night = nightHours(startMinute, startMinute + hoursPerDay * 60) >= NIGHT_HOURS_THRESHOLD;
  return {
    crewsPerTeam,
    rules,
    hoursPerDay,
    startMinute,
    apply: (days) => crewDays(days, { crewsPerTeam, rules, hoursPerDay, night }),
  };
}

/** The roster shift of a crew's day, as `buildRoster` and `checkRoster` take it. */
export function crewShift(pattern: CrewPattern): { name: string; start: string; end: string; crews: number } {
  const endMinute = pattern.startMinute + Math.round(pattern.hoursPerDay * 60);
  return {
    name: CREW_SHIFT_NAME,
    start: formatTimeOfDay(pattern.startMinute % MINUTES_PER_DAY),
    end: formatTimeOfDay(endMinute % MINUTES_PER_DAY, { endOfDay: endMinute % MINUTES_PER_DAY === 0 }),
    crews: 1,
  };
}

/**
 * The roster of each pattern over the open days (a pattern met twice is computed once), and
 * the open days a team works in every 7 on average over the teams' patterns.
 */
export function crewCalendars(
  patterns: readonly CrewPattern[],
  open: readonly OpenDay[],
): { calendars: CrewCalendar[]; daysPerWeek(teams: readonly CrewPattern[]): number } {
  const days = new Map<CrewPattern, CrewDays>();
  const daysOf = (pattern: CrewPattern): CrewDays => {
    const known = days.get(pattern) ?? pattern.apply(open);
    days.set(pattern, known);
    return known;
  };
  const known = new Map<CrewPattern, CrewCalendar>();
  const calendars = patterns.map((pattern): CrewCalendar => {
    const cached = known.get(pattern);
    if (cached !== undefined) return cached;
    const { standDownDates, assignments } = daysOf(pattern);
    const shift = crewShift(pattern);
    const calendar = {
      crewsPerTeam: pattern.crewsPerTeam,
      hoursPerDay: pattern.hoursPerDay,
      start: shift.start,
      end: shift.end,
      rules: pattern.rules,
      standDownDates,
      assignments,
    };
    known.set(pattern, calendar);
    return calendar;
  });
  return {
    calendars,
    daysPerWeek(teams) {
      let worked = 0;
      let opened = 0;
      for (const pattern of teams) {
        const { working, standDownDates } = daysOf(pattern);
        worked += working.length;
        opened += working.length + standDownDates.length;
      }
      return opened === 0 ? 0 : (7 * worked) / opened;
    },
  };
}

function nightHours(fromMinute: number, toMinute: number): number {
  let minutes = 0;
  for (let k = -1; k <= 2; k++) {
    const start = 1320 + MINUTES_PER_DAY * k;
    minutes += Math.max(0, Math.min(toMinute, start + 480) - Math.max(fromMinute, start));
  }
  return minutes / 60;
}

function dayNumber(iso: string): number {
  return Math.round(
    utcMidnight(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))) / 86_400_000,
  );
}

/**
 * Day by day, the crew that may work keeping every rule of `checkRoster` (rest, hours in any 7
 * days, days off in any 7 days, nights in a row), the least worked first; a day no crew may work
 * is a stand-down day. Each rule is checked on the 7 days ending today: later days are checked
 * when their turn comes, so every 7-day window of the roster is checked once it is complete.
 */
function crewDays(
  days: readonly OpenDay[],
  pattern: { crewsPerTeam: number; rules: Required<RosterRules>; hoursPerDay: number; night: boolean },
): CrewDays {
  const { crewsPerTeam, rules, hoursPerDay, night } = pattern;
  const worked: number[][] = Array.from({ length: crewsPerTeam }, () => []);
  const hoursOf: number[][] = Array.from({ length: crewsPerTeam }, () => []);
  const totals = new Array<number>(crewsPerTeam).fill(0);
  const working: OpenDay[] = [];
  const standDownDates: string[] = [];
  const assignments: RosterAssignment[] = [];
  for (const day of days) {
    const today = dayNumber(day.date);
    const hours = Math.min(hoursPerDay, day.hours);
    let chosen = -1;
    for (let crew = 0; crew < crewsPerTeam; crew++) {
      if (!mayWork(worked[crew] ?? [], hoursOf[crew] ?? [], today, hours, rules, hoursPerDay, night))
        continue;
      if (chosen < 0 || (totals[crew] ?? 0) < (totals[chosen] ?? 0) - 1e-9) chosen = crew;
    }
    if (chosen < 0 || hours <= 0) {
      standDownDates.push(day.date);
      continue;
    }
    worked[chosen]?.push(today);
    hoursOf[chosen]?.push(hours);
    totals[chosen] = (totals[chosen] ?? 0) + hours;
    working.push({ date: day.date, hours });
    assignments.push({ date: day.date, shift: CREW_SHIFT_NAME, team: `Crew ${chosen + 1}` });
  }
  return { working, standDownDates, assignments };
}

function mayWork(
  days: readonly number[],
  hours: readonly number[],
  today: number,
  todayHours: number,
  rules: Required<RosterRules>,
  hoursPerDay: number,
  night: boolean,
): boolean {
  const last = days.at(-1);
  // At least minRestHours between the end of the crew's last day and the start of today's.
  if (last !== undefined && (today - last) * 24 - hoursPerDay < rules.minRestHours - 1e-9) return false;
  let weekHours = todayHours;
  let weekDays = 1;
  for (let i = days.length - 1; i >= 0 && (days[i] ?? 0) > today - 7; i--) {
    weekHours += hours[i] ?? 0;
    weekDays++;
  }
  // At most maxHoursPerWeek, and at least daysOffPerWeek off, in the 7 days ending today.
  if (weekHours > rules.maxHoursPerWeek + 1e-9) return false;
  if (weekDays > 7 - rules.daysOffPerWeek) return false;
  if (night) {
    let run = 1;
    for (let i = days.length - 1; i >= 0 && days[i] === today - run; i--) run++;
    if (run > rules.maxConsecutiveNights) return false;
  }
  return true;
}
