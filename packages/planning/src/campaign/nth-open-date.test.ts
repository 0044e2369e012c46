import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { nthOpenDate } from './nth-open-date.ts';

// 22 March 2021 was a Monday.
const closedSundays = {
  calendar: { start: '2021-03-22', deadline: '2021-03-31', closedWeekdays: [7] },
  hours: { open: '07:30', close: '22:00' },
};

describe('nthOpenDate', () => {
  it('counts open days from the start, skipping closed Sundays', () => {
    // Monday 22 to Saturday 27 are the first six; Sunday 28 is closed; Monday 29 is the seventh.
    expect(nthOpenDate(closedSundays, 1)).toBe('2021-03-22');
    expect(nthOpenDate(closedSundays, 6)).toBe('2021-03-27');
    expect(nthOpenDate(closedSundays, 7)).toBe('2021-03-29');
  });

  it('counts past the deadline when asked for more open days than the calendar holds', () => {
    // Nine open days to 31 March (22–27 and 29–31); the tenth is Thursday 1 April, the eleventh Friday 2 April.
    expect(nthOpenDate(closedSundays, 9)).toBe('2021-03-31');
    expect(nthOpenDate(closedSundays, 11)).toBe('2021-04-02');
  });

  it('skips a closed date and a window of zero hours', () => {
    const holiday = {
      ...closedSundays,
      calendar: { ...closedSundays.calendar, closedDates: ['2021-03-22'] },
    };
    expect(nthOpenDate(holiday, 1)).toBe('2021-03-23');
    expect(nthOpenDate({ ...closedSundays, hours: { open: '07:00', close: '07:00' } }, 1)).toBe(null);
  });

  it('refuses a count below one or not whole, naming n', () => {
    expect(() => nthOpenDate(closedSundays, 0)).toThrow(PlanningInputError);
    expect(() => nthOpenDate(closedSundays, 1.5)).toThrow(/^n must be/);
  });
});
