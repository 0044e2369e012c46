import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { buildRoster } from './build-roster.ts';
import { checkRoster } from './check-roster.ts';

// Small random rosters keep the property fast: up to 3 shifts, 6 teams, 16 days.
const MAX_DAYS = 16;
const time = fc.integer({ min: 0, max: 23 }).map((h) => `${String(h).padStart(2, '0')}:00`);
const shift = fc.record({
  start: time,
  lengthHours: fc.integer({ min: 4, max: 12 }),
  crews: fc.integer({ min: 1, max: 2 }),
});
const input = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    days: fc.integer({ min: 1, max: MAX_DAYS }),
    zone: fc.constantFrom('Asia/Ho_Chi_Minh', 'Europe/Berlin', 'America/New_York'),
    shifts: fc.array(shift, { minLength: 1, maxLength: 3 }),
    teams: fc.integer({ min: 1, max: 6 }),
    rules: fc.record({
      minRestHours: fc.integer({ min: 8, max: 12 }),
      maxHoursPerWeek: fc.integer({ min: 36, max: 60 }),
      maxConsecutiveNights: fc.integer({ min: 1, max: 4 }),
      daysOffPerWeek: fc.integer({ min: 0, max: 2 }),
    }),
  })
  .map((r) => ({
    startDate: `2021-03-${String(r.day).padStart(2, '0')}`,
    days: r.days,
    timeZone: r.zone,
    teams: r.teams,
    rules: r.rules,
    shifts: r.shifts.map((s, i) => {
      const startHour = Number(s.start.slice(0, 2));
      const end = `${String((startHour + s.lengthHours) % 24).padStart(2, '0')}:00`;
      return { name: `S${i}`, start: s.start, end, crews: s.crews };
    }),
  }));

describe('buildRoster properties', () => {
  it('staffs every shift of every day with its crews, distinct teams on one shift', () => {
    fc.assert(
      fc.property(input, (i) => {
        const roster = buildRoster(i);
        const slots = new Map<string, string[]>();
        for (const a of roster.assignments)
          slots.set(`${a.date} ${a.shift}`, [...(slots.get(`${a.date} ${a.shift}`) ?? []), a.team]);
        expect(slots.size).toBe(i.days * i.shifts.length);
        for (const s of i.shifts) {
          for (const [key, teams] of slots) {
            if (!key.endsWith(` ${s.name}`)) continue;
            expect(teams).toHaveLength(Math.min(s.crews, i.teams));
            expect(new Set(teams).size).toBe(teams.length);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('breaks no rule the independent check reports when it says feasible, and reports what the check reports', () => {
    fc.assert(
      fc.property(input, (i) => {
        const roster = buildRoster(i);
        const check = checkRoster({ ...i, assignments: roster.assignments });
        expect(roster.violations).toEqual(check.violations);
        if (!roster.feasible) return;
        expect(check.violations.filter((v) => v.severity === 'hard')).toEqual([]);
        // Rest re-measured here with luxon, apart from the checker's own code.
        const byTeam = new Map<string, { start: number; end: number }[]>();
        for (const a of roster.assignments) {
          const s = i.shifts.find((x) => x.name === a.shift);
          if (!s) throw new Error(a.shift);
          const start = DateTime.fromISO(`${a.date}T${s.start}`, { zone: i.timeZone });
          let end = DateTime.fromISO(`${a.date}T${s.end}`, { zone: i.timeZone });
          if (end <= start)
            end = DateTime.fromISO(`${a.date}T${s.end}`, { zone: i.timeZone }).plus({ days: 1 });
          byTeam.set(a.team, [
            ...(byTeam.get(a.team) ?? []),
            { start: start.toMillis(), end: end.toMillis() },
          ]);
        }
        for (const shifts of byTeam.values()) {
          shifts.sort((a, b) => a.start - b.start);
          for (let k = 1; k < shifts.length; k++) {
            const rest = ((shifts[k]?.start ?? 0) - (shifts[k - 1]?.end ?? 0)) / 3_600_000;
            expect(rest).toBeGreaterThanOrEqual(i.rules.minRestHours);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
