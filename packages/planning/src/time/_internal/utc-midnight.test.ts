import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { utcMidnight } from './utc-midnight.ts';

describe('utcMidnight', () => {
  it('is luxon’s UTC midnight of the date, in every year from 0 to 9999 (Date.UTC moves 0–99 to 1900–1999)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (year, month, day) => {
          expect(utcMidnight(year, month, day)).toBe(DateTime.utc(year, month, day).toMillis());
        },
      ),
    );
    for (const [year, month, day] of [
      [1, 1, 1],
      [99, 12, 31],
      [100, 1, 1],
      [96, 2, 29],
    ] as const) {
      expect(new Date(utcMidnight(year, month, day)).toISOString().slice(0, 10)).toBe(
        DateTime.utc(year, month, day).toISODate(),
      );
    }
  });
});
