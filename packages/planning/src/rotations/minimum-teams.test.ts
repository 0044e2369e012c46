import { describe, expect, it } from 'vitest';
import { PlanningInfeasibleError } from '../errors/planning-infeasible-error.ts';
import { FOUR_WEEKS } from './_fixtures/three-eights.ts';
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

  it('answers two teams for one 8-hour shift every day, and one when 56 h and no day off are allowed', () => {
    // One team alone works 7 × 8 = 56 h a week with no day off.
    const day = [{ name: 'Day', start: '07:00', end: '15:00', crews: 1 }];
    const input = { startDate: '2021-03-22', days: 14, shifts: day };
    expect(minimumTeams(input)).toBe(2);
    expect(minimumTeams({ ...input, rules: { maxHoursPerWeek: 56, daysOffPerWeek: 0 } })).toBe(1);
  });
});
