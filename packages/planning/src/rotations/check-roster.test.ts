import { describe, expect, it } from 'vitest';
import { THREE_EIGHTS } from './_fixtures/three-eights.ts';
import { checkRoster } from './check-roster.ts';

describe('checkRoster on hand-made rosters', () => {
  const base = { startDate: '2021-03-20', days: 2, shifts: THREE_EIGHTS, teams: ['A', 'B', 'C'] };

  it('finds nothing wrong with three teams keeping their shift over a weekend, and counts their loads', () => {
    // By hand: each team works two 8-hour shifts with 16 h between them; 20–21 March 2021 is a
    // Saturday and a Sunday; only C works nights.
    const check = checkRoster({
      ...base,
      assignments: ['2021-03-20', '2021-03-21'].flatMap((date) => [
        { date, shift: 'Day', team: 'A' },
        { date, shift: 'Evening', team: 'B' },
        { date, shift: 'Night', team: 'C' },
      ]),
    });
    expect(check.violations).toEqual([]);
    expect(check.feasible).toBe(true);
    expect(check.teams).toEqual([
      { team: 'A', hours: 16, nights: 0, weekends: 2, maxHoursInAnyWeek: 16 },
      { team: 'B', hours: 16, nights: 0, weekends: 2, maxHoursInAnyWeek: 16 },
      { team: 'C', hours: 16, nights: 2, weekends: 2, maxHoursInAnyWeek: 16 },
    ]);
  });

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
