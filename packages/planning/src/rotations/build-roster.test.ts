import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { FOUR_WEEKS } from './_fixtures/three-eights.ts';
import { buildRoster } from './build-roster.ts';

describe('buildRoster: "three teams, day and night" (Nghệ An)', () => {
  it('finds that three 8-hour teams round the clock work 56 h a week and break the 48 h rule', () => {
    const roster = buildRoster({ ...FOUR_WEEKS, teams: 3 });
    expect(roster.feasible).toBe(false);
    // 21 eight-hour shifts a week over 3 teams: 56 h each (docs/architecture.md §6).
    expect(Math.max(...roster.teams.map((t) => t.maxHoursInAnyWeek))).toBeGreaterThanOrEqual(56);
    expect(roster.violations.some((v) => v.rule === 'maximumWeeklyHours')).toBe(true);
  });

  it('rosters four teams (four-crew, three-shift) at 42 h a week on average with no rule broken', () => {
    const roster = buildRoster({ ...FOUR_WEEKS, teams: 4 });
    expect(roster.violations).toEqual([]);
    expect(roster.feasible).toBe(true);
    // 28 days × 24 h / 4 teams = 168 h each: 42 h a week.
    for (const team of roster.teams) expect(team.hours / 4).toBe(42);
    expect(roster.assignments).toHaveLength(28 * 3);
  });

  it('counts a night across the spring clock change as 7 hours', () => {
    const roster = buildRoster({
      startDate: '2021-03-27',
      days: 1,
      timeZone: 'Europe/Berlin',
      shifts: [{ name: 'Night', start: '22:00', end: '06:00', crews: 1 }],
      teams: ['A'],
    });
    expect(roster.teams[0]).toMatchObject({ team: 'A', hours: 7, nights: 1 });
  });

  it('names teams given by name and refuses duplicates', () => {
    expect(buildRoster({ ...FOUR_WEEKS, days: 2, teams: ['A', 'B', 'C', 'D'] }).assignments[0]?.team).toBe(
      'A',
    );
    expect(() => buildRoster({ ...FOUR_WEEKS, teams: ['A', 'A'] })).toThrow(/teams\[1\]/);
  });

  it('refuses a malformed shift time, naming the field', () => {
    const shifts = [{ name: 'Day', start: '6am', end: '14:00', crews: 1 }];
    expect(() => buildRoster({ ...FOUR_WEEKS, shifts, teams: 2 })).toThrow(PlanningInputError);
    expect(() => buildRoster({ ...FOUR_WEEKS, shifts, teams: 2 })).toThrow(/shifts\[0\]\.start/);
  });
});
