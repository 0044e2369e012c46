import { describe, expect, it } from 'vitest';
import { PlanningInfeasibleError } from '../errors/planning-infeasible-error.ts';
import { FOUR_WEEKS } from './_fixtures/three-eights.ts';
import { buildRoster } from './build-roster.ts';
import { minimumTeams } from './minimum-teams.ts';

describe('minimumTeams: "how many teams do we really need?"', () => {
  // The field report (docs/architecture.md §6): three 8-hour teams round the clock work 56 h a
  // week, over the 48 h limit; four work 42 h.
  it('answers four teams as the minimum for three 8-hour shifts under a 48 h week', () => {
    expect(minimumTeams(FOUR_WEEKS)).toBe(4);
  });

  it('answers five teams when the week is capped at 40 h (168 h / 40 h = 4.2)', () => {
    expect(minimumTeams({ ...FOUR_WEEKS, rules: { maxHoursPerWeek: 40 } })).toBe(5);
  });

  it('says infeasible when no number of teams keeps a rule that no shift can keep', () => {
    const long = [{ name: 'Long', start: '00:00', end: '24:00', crews: 1 }];
    expect(() => minimumTeams({ ...FOUR_WEEKS, shifts: long, rules: { maxHoursPerWeek: 20 } })).toThrow(
      PlanningInfeasibleError,
    );
  });

  it('answers three teams for three 8-hour shifts over one to three days, and four over four to six', () => {
    // By hand: no team works two of the shifts in a day (Day→Evening and Evening→Night leave
    // 0 h rest, Day→Night 8 h, all under 11 h), so each day needs three teams. Three suffice for up
    // to three days, each team on its own shift every day: 16 h rest, at most 3 × 8 = 24 h, at
    // most 3 nights in a row, and no full 7 days for the day-off rule. From four days, three teams
    // all work every day, and the night team can only go on to a night (Night→Day leaves 0 h
    // rest, Night→Evening 8 h): four nights in a row, over the 3 allowed.
    for (const days of [1, 2, 3]) {
      expect(minimumTeams({ ...FOUR_WEEKS, days }), `${days} days`).toBe(3);
      expect(buildRoster({ ...FOUR_WEEKS, days, teams: 3 }).feasible, `${days} days`).toBe(true);
    }
    for (const days of [4, 5, 6]) {
      expect(minimumTeams({ ...FOUR_WEEKS, days }), `${days} days`).toBe(4);
    }
  });

  it('answers two teams for one 8-hour shift every day, and one when 56 h and no day off are allowed', () => {
    // One team alone works 7 × 8 = 56 h a week with no day off.
    const day = [{ name: 'Day', start: '07:00', end: '15:00', crews: 1 }];
    const input = { startDate: '2021-03-22', days: 14, shifts: day };
    expect(minimumTeams(input)).toBe(2);
    expect(minimumTeams({ ...input, rules: { maxHoursPerWeek: 56, daysOffPerWeek: 0 } })).toBe(1);
  });
});
