import { describe, expect, it } from 'vitest';
import { campaignLastDay, LATE_REPORT_GAP_DAYS, type ReportedDay } from './campaign-last-day.ts';

const days = (...dates: string[]): ReportedDay[] => dates.map((date) => ({ date, dossiers: 10 }));

describe('campaignLastDay', () => {
  it('is the deadline, or the plan’s completion when later, with nothing reported after', () => {
    expect(campaignLastDay('2021-03-15', '2021-06-30', '2021-06-25', [], 100)).toBe('2021-06-30');
    expect(campaignLastDay('2021-03-15', '2021-06-30', null, days('2021-06-01', '2021-06-30'), 100)).toBe(
      '2021-06-30',
    );
    expect(campaignLastDay('2021-03-15', '2021-06-30', '2021-07-09', days('2021-06-01'), 100)).toBe(
      '2021-07-09',
    );
  });

  it('runs on through the days reported late, each at most 14 days after the one before', () => {
    expect(LATE_REPORT_GAP_DAYS).toBe(14);
    // 30 June + 14 = 14 July: taken; 14 July + 14 = 28 July: taken; 12 August is 15 days after: not.
    const late = days('2021-07-14', '2021-07-28', '2021-08-12', '2021-08-13');
    expect(campaignLastDay('2021-03-15', '2021-06-30', null, late, 1_000)).toBe('2021-07-28');
    // 15 days after the deadline: the campaign was over.
    expect(campaignLastDay('2021-03-15', '2021-06-30', null, days('2021-07-15'), 1_000)).toBe('2021-06-30');
    // Over a month's end and a leap day: 20 February + 14 = 5 March 2024 (2024 is a leap year).
    expect(campaignLastDay('2024-01-01', '2024-02-20', null, days('2024-03-05'), 1_000)).toBe('2024-03-05');
    expect(campaignLastDay('2023-01-01', '2023-02-20', null, days('2023-03-07'), 1_000)).toBe('2023-02-20');
    // A phone's default date years on.
    expect(
      campaignLastDay('2021-03-15', '2021-06-30', '2021-07-09', days('2021-07-12', '2026-11-30'), 1_000),
    ).toBe('2021-07-12');
  });

  it('stops once the campaign’s work is done: what the areas report after is not the campaign’s', () => {
    // 10,000 dossiers, 1 March to 30 April, 100 reported every day to the end of the year: the
    // campaign's days hold 61 × 100 = 6,100 by 30 April; 39 more days (1 May – 8 June) bring
    // 10,000, and the campaign ends there. The rest of the year is another's work.
    const everyDay: ReportedDay[] = [];
    for (let day = new Date(Date.UTC(2021, 2, 1)); day.getUTCFullYear() === 2021; ) {
      everyDay.push({ date: day.toISOString().slice(0, 10), dossiers: 100 });
      day = new Date(day.getTime() + 86_400_000);
    }
    expect(campaignLastDay('2021-03-01', '2021-04-30', null, everyDay, 10_000)).toBe('2021-06-08');
    // Done before the deadline: nothing after it carries on.
    expect(campaignLastDay('2021-03-01', '2021-04-30', null, everyDay, 5_000)).toBe('2021-04-30');
    // Reports before the start count toward nothing: 200 the day before leave 100 short.
    const before: ReportedDay[] = [
      { date: '2021-02-28', dossiers: 200 },
      { date: '2021-04-30', dossiers: 900 },
      { date: '2021-05-03', dossiers: 100 },
      { date: '2021-05-05', dossiers: 5 },
    ];
    expect(campaignLastDay('2021-03-01', '2021-04-30', null, before, 1_000)).toBe('2021-05-03');
  });
});
