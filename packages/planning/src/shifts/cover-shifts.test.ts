import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { coverShifts } from './cover-shifts.ts';
import { generateShifts } from './generate-shifts.ts';

describe('coverShifts', () => {
  it('covers the textbook case of the doc example', () => {
    const shifts = [
      { start: 0, length: 2 },
      { start: 1, length: 2 },
      { start: 2, length: 2 },
    ];
    expect(coverShifts({ requirement: [1, 2, 2, 1], shifts })).toEqual({
      counts: [1, 1, 1],
      coverage: [1, 2, 2, 1],
      totalPeriods: 6,
      headcount: 3,
      optimal: true,
    });
  });

  it('needs two people where the LP would take three halves (odd circular cover)', () => {
    // Three 2-period arcs on a 3-period circle: LP optimum 3 paid periods with ½ each; integers need 4.
    const shifts = [0, 1, 2].map((start) => ({ start, length: 2 }));
    const cover = coverShifts({ requirement: [1, 1, 1], cyclic: true, shifts });
    expect(cover.totalPeriods).toBe(4);
    expect(cover.headcount).toBe(2);
    expect(cover.optimal).toBe(true);
  });

  it('staffs Nghệ An round the clock with three 8-hour shifts, one crew each', () => {
    const shifts = generateShifts({ periods: 24, lengths: [8], startEvery: 1, overnight: true });
    const cover = coverShifts({ requirement: new Array(24).fill(1), cyclic: true, shifts });
    expect(cover.totalPeriods).toBe(24);
    expect(cover.headcount).toBe(3);
  });

  it('prefers fewer people when paid periods tie', () => {
    // One 4-period shift or two 2-period shifts both pay 4 periods.
    const shifts = [
      { start: 0, length: 2 },
      { start: 2, length: 2 },
      { start: 0, length: 4 },
    ];
    expect(coverShifts({ requirement: [1, 1, 1, 1], shifts }).counts).toEqual([0, 0, 1]);
  });

  it('names the period no shift can cover', () => {
    const call = () => coverShifts({ requirement: [1, 0, 2], shifts: [{ start: 0, length: 2 }] });
    expect(call).toThrow(PlanningInputError);
    expect(call).toThrow(/requirement\[2\].*no shift covers period 2/);
  });

  it('refuses a non-cyclic shift that runs past the last period, naming it', () => {
    expect(() => coverShifts({ requirement: [1, 1], shifts: [{ start: 1, length: 2 }] })).toThrow(
      /shifts\[0\]\.length must be/,
    );
  });

  it('refuses negative and fractional requirements', () => {
    expect(() => coverShifts({ requirement: [1, -1], shifts: [{ start: 0, length: 2 }] })).toThrow(
      /requirement\[1\]/,
    );
    expect(() => coverShifts({ requirement: [1.5], shifts: [{ start: 0, length: 1 }] })).toThrow(
      /requirement\[0\]/,
    );
  });
});
