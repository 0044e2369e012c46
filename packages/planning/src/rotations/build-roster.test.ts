import { describe, expect, it } from 'vitest';
import { PlanningInfeasibleError } from '../errors/planning-infeasible-error.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { buildRoster } from './build-roster.ts';
import { checkRoster } from './check-roster.ts';
import { formatRosterTable } from './format-roster-table.ts';
import { minimumTeams } from './minimum-teams.ts';
import { rosterToCsv } from './roster-to-csv.ts';

const THREE_EIGHTS = [
  { name: 'Day', start: '06:00', end: '14:00', crews: 1 },
  { name: 'Evening', start: '14:00', end: '22:00', crews: 1 },
  { name: 'Night', start: '22:00', end: '06:00', crews: 1 },
];
const FOUR_WEEKS = { startDate: '2021-03-20', days: 28, shifts: THREE_EIGHTS };

describe('buildRoster and minimumTeams: "three teams, day and night" (Nghệ An)', () => {
  it('finds that three 8-hour teams round the clock work 56 h a week and break the 48 h rule', () => {
    const roster = buildRoster({ ...FOUR_WEEKS, teams: 3 });
    expect(roster.feasible).toBe(false);
    // 21 eight-hour shifts a week over 3 teams: 56 h each (DESIGN.md §3.6).
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

  it('answers four teams as the minimum for three 8-hour shifts under a 48 h week', () => {
    expect(minimumTeams(FOUR_WEEKS)).toBe(4);
  });

  it('answers five teams when the week is capped at 40 h (168 h / 40 h = 4.2)', () => {
    expect(minimumTeams({ ...FOUR_WEEKS, rules: { maxHoursPerWeek: 40 } })).toBe(5);
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

  it('says infeasible when no number of teams keeps a rule that no shift can keep', () => {
    const long = [{ name: 'Long', start: '00:00', end: '24:00', crews: 1 }];
    expect(() => minimumTeams({ ...FOUR_WEEKS, shifts: long, rules: { maxHoursPerWeek: 20 } })).toThrow(
      PlanningInfeasibleError,
    );
  });
});

describe('checkRoster on hand-made rosters', () => {
  const base = { startDate: '2021-03-20', days: 2, shifts: THREE_EIGHTS, teams: ['A', 'B', 'C'] };

  it('reports a night followed by the next morning as too little rest, and a backward rotation', () => {
    const check = checkRoster({
      ...base,
      assignments: [
        { date: '2021-03-20', shift: 'Day', team: 'A' },
        { date: '2021-03-20', shift: 'Evening', team: 'B' },
        { date: '2021-03-20', shift: 'Night', team: 'C' },
        { date: '2021-03-21', shift: 'Day', team: 'C' },
        { date: '2021-03-21', shift: 'Evening', team: 'A' },
        { date: '2021-03-21', shift: 'Night', team: 'B' },
      ],
    });
    expect(check.feasible).toBe(false);
    expect(check.violations.filter((v) => v.severity === 'hard')).toEqual([
      {
        rule: 'minimumRest',
        severity: 'hard',
        team: 'C',
        date: '2021-03-21',
        detail: expect.stringMatching(/^0 h rest/),
      },
    ]);
    expect(check.violations.some((v) => v.rule === 'forwardRotation' && v.team === 'C')).toBe(true);
  });

  it('reports a shift left without its crew', () => {
    const check = checkRoster({
      ...base,
      days: 1,
      assignments: [{ date: '2021-03-20', shift: 'Day', team: 'A' }],
    });
    expect(check.violations.filter((v) => v.rule === 'staffing').map((v) => v.detail)).toEqual([
      'Evening has 0 of 1 crews',
      'Night has 0 of 1 crews',
    ]);
  });

  it('reports a fourth night in a row under the default of three', () => {
    const nights = ['2021-03-20', '2021-03-21', '2021-03-22', '2021-03-23'].map((date) => ({
      date,
      shift: 'Night',
      team: 'A',
    }));
    const check = checkRoster({
      ...base,
      days: 4,
      shifts: [{ name: 'Night', start: '22:00', end: '06:00', crews: 1 }],
      assignments: nights,
    });
    expect(check.violations.map((v) => [v.rule, v.date])).toContainEqual([
      'maximumConsecutiveNights',
      '2021-03-23',
    ]);
  });

  it('refuses an assignment to a team that is not in the roster', () => {
    expect(() =>
      checkRoster({ ...base, assignments: [{ date: '2021-03-20', shift: 'Day', team: 'Z' }] }),
    ).toThrow(/assignments\[0\]\.team/);
  });
});

describe('roster exports', () => {
  const input = { ...FOUR_WEEKS, days: 2, teams: 4 };
  const roster = buildRoster(input);

  it('writes CSV with CRLF, a header and RFC 4180 quoting', () => {
    const named = { ...input, teams: ['Đội "1", Hưng Nguyên', 'B', 'C', 'D'] };
    const csv = rosterToCsv(named, buildRoster(named).assignments);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('date,shift,team,start,end,hours,night');
    expect(lines[1]).toBe(
      '2021-03-20,Day,"Đội ""1"", Hưng Nguyên",2021-03-20T06:00:00+07:00,2021-03-20T14:00:00+07:00,8,no',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('prints a table with a row per day and a column per shift', () => {
    const lines = formatRosterTable(input, roster.assignments).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^date\s+Day 06:00–14:00\s+Evening 14:00–22:00\s+Night 22:00–06:00$/);
    expect(lines[2]).toMatch(/^2021-03-20 Sat/);
  });
});
