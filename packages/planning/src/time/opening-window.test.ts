import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { resolveOpeningWindow } from './opening-window.ts';

describe('resolveOpeningWindow', () => {
  it.each([
    // Hưng Nguyên's site, Đắk Nông's long day, a day past midnight, round the clock, a closed day.
    [{ open: '07:30', close: '22:00' }, 450, 1320, 14.5],
    [{ open: '05:00', close: '24:00' }, 300, 1440, 19],
    [{ open: '05:00', close: '02:00' }, 300, 1560, 21],
    [{ open: '00:00', close: '24:00' }, 0, 1440, 24],
    [{ open: '07:00', close: '07:00' }, 420, 420, 0],
  ])('reads %j as minutes %i to %i, %d hours', (hours, openMinute, closeMinute, nominalHours) => {
    expect(resolveOpeningWindow(hours)).toEqual({ openMinute, closeMinute, nominalHours });
  });

  it('names the refused time under the path given', () => {
    expect(() => resolveOpeningWindow({ open: '25:00', close: '22:00' }, 'input.hours')).toThrow(
      /^input\.hours\.open must be a time of day/,
    );
    expect(() => resolveOpeningWindow({ open: '07:00', close: '24:01' })).toThrow(PlanningInputError);
    expect(() => resolveOpeningWindow(null)).toThrow(/^hours must be an object/);
  });
});
