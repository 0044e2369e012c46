import { describe, expect, it } from 'vitest';
import { campaignLastDay, LATE_REPORT_GAP_DAYS } from './campaign-last-day.ts';

describe('campaignLastDay', () => {
  it('is the deadline, or the plan’s completion when later, with nothing reported after', () => {
    expect(campaignLastDay('2021-06-30', '2021-06-25', [])).toBe('2021-06-30');
    expect(campaignLastDay('2021-06-30', null, ['2021-06-01', '2021-06-30'])).toBe('2021-06-30');
    expect(campaignLastDay('2021-06-30', '2021-07-09', ['2021-06-01'])).toBe('2021-07-09');
  });

  it('runs on through the days reported late, each at most 14 days after the one before', () => {
    expect(LATE_REPORT_GAP_DAYS).toBe(14);
    // 30 June + 14 = 14 July: taken; 14 July + 14 = 28 July: taken; 12 August is 15 days after: not.
    expect(
      campaignLastDay('2021-06-30', null, [
        '2021-07-14',
        '2021-07-14',
        '2021-07-28',
        '2021-08-12',
        '2021-08-13',
      ]),
    ).toBe('2021-07-28');
    // 15 days after the deadline: the campaign was over.
    expect(campaignLastDay('2021-06-30', null, ['2021-07-15'])).toBe('2021-06-30');
    // Over a month's end and a leap day: 20 February + 14 = 5 March 2024 (2024 is a leap year).
    expect(campaignLastDay('2024-02-20', null, ['2024-03-05'])).toBe('2024-03-05');
    expect(campaignLastDay('2023-02-20', null, ['2023-03-07'])).toBe('2023-02-20');
    // A phone's default date years on.
    expect(campaignLastDay('2021-06-30', '2021-07-09', ['2021-07-12', '2026-11-30'])).toBe('2021-07-12');
  });
});
