import { describe, expect, it } from 'vitest';
import { addDays, campaignDay, isIsoDate } from './campaign-day.ts';

// Hồ Chí Minh City is UTC+7 all year (no daylight saving): its day starts at 17:00 UTC the day
// before. London is UTC+0 in March, so between 17:00 and 24:00 UTC the two calendars differ.
describe('the campaign’s day, whatever the phone’s zone', () => {
  it('is already 20 March in Hồ Chí Minh City at 17:30 UTC on the 19th', () => {
    expect(campaignDay(new Date('2021-03-19T17:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2021-03-20');
  });

  it('is still 19 March there at 16:59 UTC on the 19th', () => {
    expect(campaignDay(new Date('2021-03-19T16:59:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2021-03-19');
  });

  it('is 19 March in London at the same instant as 20 March in Hồ Chí Minh City', () => {
    expect(campaignDay(new Date('2021-03-19T18:00:00Z'), 'Europe/London')).toBe('2021-03-19');
  });

  it('counts days across month ends and leap days', () => {
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28');
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
  });

  it('takes only real dates written yyyy-MM-dd', () => {
    expect(isIsoDate('2021-03-20')).toBe(true);
    expect(isIsoDate('2021-02-30')).toBe(false);
    expect(isIsoDate('20/03/2021')).toBe(false);
    expect(isIsoDate('')).toBe(false);
    // The API takes any year luxon reads (0000–9999); 0096 is a leap year, 0099 is not.
    expect(isIsoDate('0001-01-01')).toBe(true);
    expect(isIsoDate('0096-02-29')).toBe(true);
    expect(isIsoDate('0099-02-29')).toBe(false);
  });
});
