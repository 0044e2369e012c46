import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { generateShifts } from './generate-shifts.ts';

describe('generateShifts', () => {
  it('lists the shifts of the doc example', () => {
    expect(generateShifts({ periods: 24, lengths: [8], startEvery: 8 })).toEqual([
      { start: 0, length: 8, name: '0+8' },
      { start: 8, length: 8, name: '8+8' },
      { start: 16, length: 8, name: '16+8' },
    ]);
  });

  it('keeps Hưng Nguyên shifts inside 07:30–22:00 in half hours', () => {
    // Half-hour periods: 07:30 is period 15, 22:00 is boundary 44.
    const shifts = generateShifts({
      periods: 48,
      lengths: [16, 12],
      startEvery: 2,
      earliestStart: 15,
      latestEnd: 44,
    });
    expect(shifts.every((s) => s.start >= 15 && s.start + s.length <= 44)).toBe(true);
    expect(shifts[0]).toEqual({ start: 15, length: 12, name: '15+12' });
  });

  it('lets shifts run past midnight only when overnight is allowed', () => {
    expect(
      generateShifts({ periods: 24, lengths: [8], startEvery: 4 }).some((s) => s.start + s.length > 24),
    ).toBe(false);
    expect(
      generateShifts({ periods: 24, lengths: [8], startEvery: 4, overnight: true }).some(
        (s) => s.start === 20,
      ),
    ).toBe(true);
  });

  it('counts every start and length by hand: 24 hourly periods, starts every 6, 8 and 12 hours long', () => {
    // Starts 0, 6, 12, 18; without overnight only those ending by 24 stay: 0+8, 0+12, 6+8, 6+12,
    // 12+8, 12+12 (18+8 and 18+12 would run past midnight).
    expect(generateShifts({ periods: 24, lengths: [12, 8], startEvery: 6 }).map((s) => s.name)).toEqual([
      '0+8',
      '0+12',
      '6+8',
      '6+12',
      '12+8',
      '12+12',
    ]);
  });

  it('refuses a latest end at or before the earliest start, and a length longer than the day', () => {
    expect(() => generateShifts({ periods: 24, lengths: [8], earliestStart: 10, latestEnd: 10 })).toThrow(
      /^latestEnd must be after earliestStart \(10\)/,
    );
    expect(() => generateShifts({ periods: 24, lengths: [25] })).toThrow(PlanningInputError);
    expect(() => generateShifts({ periods: 24, lengths: [25] })).toThrow(/^lengths\[0\]/);
  });
});
