import type { RosterViolation } from '../types.ts';
import type { Occurrence, Resolved } from './resolve.ts';

export type RosterContext = Resolved & {
  teams: string[];
  /** Each team's shifts, sorted by start. */
  work: Map<string, Occurrence[]>;
  /** Teams on each day's shifts: staffed[day][shift index]. */
  staffed: string[][][];
};

/** One rule: its name, whether it is hard, the sentence it enforces, and the check. */
export type RosterRule = {
  name: string;
  severity: 'hard' | 'soft';
  sentence: (c: RosterContext) => string;
  check: (c: RosterContext) => Omit<RosterViolation, 'rule' | 'severity'>[];
};

const HOUR_MS = 3_600_000;
const hoursText = (h: number) => `${Math.round(h * 100) / 100} h`;

/** Hours a team works in each 7-day window of the horizon (one shorter window when the horizon is). */
export function weeklyHours(c: RosterContext, shifts: Occurrence[]): { day: number; hours: number }[] {
  const perDay = new Array<number>(c.days).fill(0);
  for (const o of shifts) perDay[o.day] = (perDay[o.day] ?? 0) + o.hours;
  const windows: { day: number; hours: number }[] = [];
  for (let first = 0; first <= Math.max(0, c.days - 7); first++) {
    let hours = 0;
    for (let d = first; d < Math.min(c.days, first + 7); d++) hours += perDay[d] ?? 0;
    windows.push({ day: first, hours });
  }
  return windows;
}

export const staffing: RosterRule = {
  name: 'staffing',
  severity: 'hard',
  sentence: () => 'every shift of every day has all the crews it needs',
  check: (c) =>
    c.staffed.flatMap((day, d) =>
      c.shifts.flatMap((shift) => {
        const on = day[shift.index]?.length ?? 0;
        return on < shift.crews
          ? [{ team: '', date: c.dates[d] ?? '', detail: `${shift.name} has ${on} of ${shift.crews} crews` }]
          : [];
      }),
    ),
};

export const oneShiftAtATime: RosterRule = {
  name: 'oneShiftAtATime',
  severity: 'hard',
  sentence: () => 'a team works one shift at a time',
  check: (c) =>
    c.teams.flatMap((team) => {
      const shifts = c.work.get(team) ?? [];
      return shifts.slice(1).flatMap((o, i) => {
        const before = shifts[i];
        return before && o.startMs < before.endMs
          ? [
              {
                team,
                date: o.date,
                detail: `${o.shift.name} overlaps ${before.shift.name} of ${before.date}`,
              },
            ]
          : [];
      });
    }),
};

export const minimumRest: RosterRule = {
  name: 'minimumRest',
  severity: 'hard',
  sentence: (c) =>
    `at least ${c.rules.minRestHours} hours between the end of one shift and the start of the next`,
  check: (c) =>
    c.teams.flatMap((team) => {
      const shifts = c.work.get(team) ?? [];
      return shifts.slice(1).flatMap((o, i) => {
        const before = shifts[i];
        if (!before || o.startMs < before.endMs) return [];
        const rest = (o.startMs - before.endMs) / HOUR_MS;
        return rest < c.rules.minRestHours
          ? [
              {
                team,
                date: o.date,
                detail: `${hoursText(rest)} rest before ${o.shift.name}, after ${before.shift.name} of ${before.date}`,
              },
            ]
          : [];
      });
    }),
};

export const maximumWeeklyHours: RosterRule = {
  name: 'maximumWeeklyHours',
  severity: 'hard',
  sentence: (c) => `at most ${c.rules.maxHoursPerWeek} hours in any 7 consecutive days`,
  check: (c) =>
    c.teams.flatMap((team) =>
      weeklyHours(c, c.work.get(team) ?? []).flatMap((w) =>
        w.hours > c.rules.maxHoursPerWeek + 1e-9
          ? [
              {
                team,
                date: c.dates[w.day] ?? '',
                detail: `${hoursText(w.hours)} in the 7 days from ${c.dates[w.day]}`,
              },
            ]
          : [],
      ),
    ),
};

export const maximumConsecutiveNights: RosterRule = {
  name: 'maximumConsecutiveNights',
  severity: 'hard',
  sentence: (c) => `at most ${c.rules.maxConsecutiveNights} night shifts in a row`,
  check: (c) =>
    c.teams.flatMap((team) => {
      const nights = new Set((c.work.get(team) ?? []).filter((o) => o.night).map((o) => o.day));
      const found: Omit<RosterViolation, 'rule' | 'severity'>[] = [];
      let run = 0;
      for (let d = 0; d < c.days; d++) {
        run = nights.has(d) ? run + 1 : 0;
        if (run === c.rules.maxConsecutiveNights + 1) {
          found.push({ team, date: c.dates[d] ?? '', detail: `night ${run} in a row` });
        }
      }
      return found;
    }),
};

export const daysOffPerWeek: RosterRule = {
  name: 'daysOffPerWeek',
  severity: 'hard',
  sentence: (c) => `at least ${c.rules.daysOffPerWeek} days off in any 7 consecutive days`,
  check: (c) =>
    c.teams.flatMap((team) => {
      const worked = new Set((c.work.get(team) ?? []).map((o) => o.day));
      const found: Omit<RosterViolation, 'rule' | 'severity'>[] = [];
      for (let first = 0; first + 7 <= c.days; first++) {
        let off = 0;
        for (let d = first; d < first + 7; d++) if (!worked.has(d)) off++;
        if (off < c.rules.daysOffPerWeek) {
          found.push({
            team,
            date: c.dates[first] ?? '',
            detail: `${off} days off in the 7 days from ${c.dates[first]}`,
          });
        }
      }
      return found;
    }),
};

export const forwardRotation: RosterRule = {
  name: 'forwardRotation',
  severity: 'soft',
  sentence: () => 'a team rotates forward (day → evening → night), never back without a day off',
  check: (c) =>
    c.teams.flatMap((team) => {
      const shifts = c.work.get(team) ?? [];
      return shifts.slice(1).flatMap((o, i) => {
        const before = shifts[i];
        return before && o.day === before.day + 1 && o.shift.index < before.shift.index
          ? [{ team, date: o.date, detail: `${o.shift.name} the day after ${before.shift.name}` }]
          : [];
      });
    }),
};

function spread(c: RosterContext, measure: (shifts: Occurrence[]) => number) {
  const values = c.teams.map((team) => ({ team, value: measure(c.work.get(team) ?? []) }));
  const most = values.reduce((a, b) => (b.value > a.value ? b : a));
  const least = values.reduce((a, b) => (b.value < a.value ? b : a));
  return { most, least };
}

export const fairHours: RosterRule = {
  name: 'fairHours',
  severity: 'soft',
  sentence: () => "teams' hours differ by at most the longest shift",
  check: (c) => {
    const longest = Math.max(...c.occurrences.flat().map((o) => o.hours), 0);
    const { most, least } = spread(c, (s) => s.reduce((sum, o) => sum + o.hours, 0));
    return most.value - least.value > longest + 1e-9
      ? [
          {
            team: most.team,
            date: c.dates[0] ?? '',
            detail: `${hoursText(most.value)} against ${hoursText(least.value)} for ${least.team}`,
          },
        ]
      : [];
  },
};

export const fairNights: RosterRule = {
  name: 'fairNights',
  severity: 'soft',
  sentence: (c) => `teams' night shifts differ by at most ${Math.max(1, c.rules.maxConsecutiveNights)}`,
  check: (c) => {
    const { most, least } = spread(c, (s) => s.filter((o) => o.night).length);
    return most.value - least.value > Math.max(1, c.rules.maxConsecutiveNights)
      ? [
          {
            team: most.team,
            date: c.dates[0] ?? '',
            detail: `${most.value} nights against ${least.value} for ${least.team}`,
          },
        ]
      : [];
  },
};

export const HARD_RULES: RosterRule[] = [
  staffing,
  oneShiftAtATime,
  minimumRest,
  maximumWeeklyHours,
  maximumConsecutiveNights,
  daysOffPerWeek,
];
export const SOFT_RULES: RosterRule[] = [forwardRotation, fairHours, fairNights];
