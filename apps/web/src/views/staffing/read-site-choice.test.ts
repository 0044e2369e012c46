import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/i18n.tsx';
import { readSiteChoice, type SiteTexts } from './read-site-choice.ts';

// The Đắk Nông campaign of 2021 runs from 15 March to 30 June; Đắk Song (665) as a site.
const START = '2021-03-15';
const DEADLINE = '2021-06-30';
const DAYS = { from: START, to: DEADLINE };
// The form as it opens, written out (not from the module under test).
const BLANK: SiteTexts = {
  siteCode: '665',
  date: '',
  profile: 'MIXED',
  waitTargetMinutes: '',
  dailyVisitors: '',
  open: '',
  close: '',
  machinesAvailable: '',
};

describe('readSiteChoice', () => {
  it('leaves blank boxes to the scenario', () => {
    expect(readSiteChoice(BLANK, DAYS)).toEqual({
      ok: true,
      choice: {
        siteCode: '665',
        date: '',
        profile: 'MIXED',
        waitTargetMinutes: null,
        dailyVisitors: null,
        open: '',
        close: '',
        machinesAvailable: null,
      },
    });
  });

  it('reads Đắk Song’s own 1,085 visitors on 4 machines from 05:00 to 24:00 on 20 March', () => {
    const read = readSiteChoice(
      {
        ...BLANK,
        date: '2021-03-20',
        dailyVisitors: '1085',
        machinesAvailable: '4',
        open: '05:00',
        close: '24:00',
      },
      DAYS,
    );
    expect(read).toMatchObject({
      ok: true,
      choice: {
        date: '2021-03-20',
        dailyVisitors: 1085,
        machinesAvailable: 4,
        open: '05:00',
        close: '24:00',
      },
    });
  });

  it('names −5 visitors and a day after the deadline in the reader’s language', () => {
    const read = readSiteChoice({ ...BLANK, dailyVisitors: '-5', date: '2021-07-01' }, DAYS);
    if (read.ok) throw new Error('read −5 visitors');
    const visitors = read.problems.dailyVisitors;
    expect(
      visitors && translate('vi', visitors.key, { min: visitors.min ?? 0, max: visitors.max ?? 0 }),
    ).toBe('Nhập số nguyên từ 0 đến 10.000.000.');
    expect(
      visitors && translate('en', visitors.key, { min: visitors.min ?? 0, max: visitors.max ?? 0 }),
    ).toBe('Enter a whole number from 0 to 10,000,000.');
    expect(read.problems.date).toEqual({ key: 'check.day', from: START, to: DEADLINE });
  });

  it('takes 24:00 as a close but not as an open, and wants both hours once one is given', () => {
    const read = readSiteChoice({ ...BLANK, open: '24:00', close: '' }, DAYS);
    expect(read.ok ? {} : read.problems).toEqual({
      open: { key: 'check.time' },
      close: { key: 'check.closeTime' },
    });
    expect(readSiteChoice({ ...BLANK, open: '05:00', close: '24:00' }, DAYS).ok).toBe(true);
  });

  it('takes a day of a replan saved as of its deadline, and only the daily target when it plans no day', () => {
    // Replanned as of 30 June: the rest runs from 1 July to Đắk Song's last day, 23 August.
    const replan = { from: '2021-07-01', to: '2021-08-23' };
    expect(readSiteChoice({ ...BLANK, date: '2021-07-05' }, replan).ok).toBe(true);
    expect(readSiteChoice({ ...BLANK, date: '2021-06-30' }, replan)).toEqual({
      ok: false,
      problems: { date: { key: 'check.day', from: '2021-07-01', to: '2021-08-23' } },
    });
    expect(readSiteChoice(BLANK, null).ok).toBe(true);
    expect(readSiteChoice({ ...BLANK, date: '2021-07-05' }, null)).toEqual({
      ok: false,
      problems: { date: { key: 'staffing.noDay' } },
    });
  });
});
