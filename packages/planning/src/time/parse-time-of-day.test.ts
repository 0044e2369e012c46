import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { formatTimeOfDay, parseTimeOfDay } from './parse-time-of-day.ts';

describe('parseTimeOfDay', () => {
  it('reads the Hưng Nguyên opening of 07:30 as 450 minutes after midnight', () => {
    expect(parseTimeOfDay('07:30')).toBe(7 * 60 + 30);
  });

  it('accepts 24:00 only where the end of a day is allowed', () => {
    expect(parseTimeOfDay('24:00', { allowEndOfDay: true })).toBe(1440);
    expect(() => parseTimeOfDay('24:00')).toThrow(PlanningInputError);
  });

  it.each(['7:30', '25:00', '12:60', '', 'noon', 730, null])('refuses %j naming the field', (value) => {
    expect(() => parseTimeOfDay(value, { path: 'hours.open' })).toThrow(/^hours\.open must be a time of day/);
  });

  it('formats minutes past midnight back, wrapping into the next day', () => {
    expect(formatTimeOfDay(26 * 60 + 5)).toBe('02:05');
    expect(formatTimeOfDay(1440, { endOfDay: true })).toBe('24:00');
  });
});
