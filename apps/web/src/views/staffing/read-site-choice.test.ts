import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/i18n.tsx';
import { readSiteChoice, type SiteTexts } from './read-site-choice.ts';

// The Đắk Nông campaign of 2021 runs from 15 March to 30 June; Đắk Song (665) as a site.
const START = '2021-03-15';
const DEADLINE = '2021-06-30';
const DAYS = { from: START, to: DEADLINE };
// The demo scenario's opening hours, as its blank boxes show them.
const HOURS = { open: '05:00', close: '24:00' };
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
  minutesPerDossier: '',
};

describe('readSiteChoice', () => {
  it('leaves blank boxes to the scenario', () => {
    expect(readSiteChoice(BLANK, DAYS, HOURS)).toEqual({
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
        minutesPerDossier: null,
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
      HOURS,
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
    const read = readSiteChoice({ ...BLANK, dailyVisitors: '-5', date: '2021-07-01' }, DAYS, HOURS);
    if (read.ok) throw new Error('read −5 visitors');
    const visitors = read.problems.dailyVisitors;
    expect(
      visitors && translate('vi', visitors.key, { min: visitors.min ?? 0, max: visitors.max ?? 0 }),
    ).toBe(
      'Nhập số nguyên từ 0 đến 8.000: số người đến trong một ngày tối đa mà máy chủ tính cho một điểm cấp.',
    );
    expect(
      visitors && translate('en', visitors.key, { min: visitors.min ?? 0, max: visitors.max ?? 0 }),
    ).toBe(
      'Enter a whole number from 0 to 8,000: the most people a day the service plans for one site at once.',
    );
    expect(read.problems.date).toEqual({ key: 'check.day', from: START, to: DEADLINE });
  });

  it('names under the box a site of more people than the service plans at once (it took 10,000,000 and the service refused)', () => {
    // 8,000 a day is the most the service plans for one site (the API's staffing argument says so).
    expect(readSiteChoice({ ...BLANK, dailyVisitors: '8000' }, DAYS, HOURS).ok).toBe(true);
    for (const typed of ['8001', '20000', '9000000']) {
      expect(readSiteChoice({ ...BLANK, dailyVisitors: typed }, DAYS, HOURS), typed).toEqual({
        ok: false,
        problems: { dailyVisitors: { key: 'staffing.visitorsRange', min: 0, max: 8_000 } },
      });
    }
  });

  it('reads Hưng Nguyên’s own 3,48 minutes a dossier, written either way, within the service’s bounds', () => {
    for (const typed of ['3,48', '3.48', ' 3,48 ']) {
      expect(readSiteChoice({ ...BLANK, minutesPerDossier: typed }, DAYS, HOURS), typed).toMatchObject({
        ok: true,
        choice: { minutesPerDossier: 3.48 },
      });
    }
    // From 0.6 seconds to a week (10,080 minutes), as the service takes a campaign's.
    for (const typed of ['0', '0,001', '10081', '-3']) {
      expect(readSiteChoice({ ...BLANK, minutesPerDossier: typed }, DAYS, HOURS), typed).toEqual({
        ok: false,
        problems: { minutesPerDossier: { key: 'check.range', min: 0.01, max: 10_080 } },
      });
    }
    expect(readSiteChoice({ ...BLANK, minutesPerDossier: 'ba' }, DAYS, HOURS)).toEqual({
      ok: false,
      problems: { minutesPerDossier: { key: 'check.number' } },
    });
  });

  it('takes 24:00 as a close but not as an open', () => {
    const read = readSiteChoice({ ...BLANK, open: '24:00', close: '24:00' }, DAYS, HOURS);
    expect(read.ok ? {} : read.problems).toEqual({ open: { key: 'check.time' } });
    expect(readSiteChoice({ ...BLANK, open: '05:00', close: '24:00' }, DAYS, HOURS).ok).toBe(true);
  });

  it('reads a blank hour as the scenario’s its box shows when the other is given', () => {
    expect(readSiteChoice({ ...BLANK, close: '22:00' }, DAYS, HOURS)).toMatchObject({
      ok: true,
      choice: { open: '05:00', close: '22:00' },
    });
    expect(readSiteChoice({ ...BLANK, open: ' 07:30 ' }, DAYS, HOURS)).toMatchObject({
      ok: true,
      choice: { open: '07:30', close: '24:00' },
    });
    // Closing at the scenario's opening is named under the box typed in.
    expect(readSiteChoice({ ...BLANK, close: '05:00' }, DAYS, HOURS)).toEqual({
      ok: false,
      problems: { close: { key: 'check.sameTime' } },
    });
  });

  it('takes a day of a replan saved as of its deadline, and only the daily target when it plans no day', () => {
    // Replanned as of 30 June: the rest runs from 1 July to Đắk Song's last day, 23 August.
    const replan = { from: '2021-07-01', to: '2021-08-23' };
    expect(readSiteChoice({ ...BLANK, date: '2021-07-05' }, replan, HOURS).ok).toBe(true);
    expect(readSiteChoice({ ...BLANK, date: '2021-06-30' }, replan, HOURS)).toEqual({
      ok: false,
      problems: { date: { key: 'check.day', from: '2021-07-01', to: '2021-08-23' } },
    });
    expect(readSiteChoice(BLANK, null, HOURS).ok).toBe(true);
    expect(readSiteChoice({ ...BLANK, date: '2021-07-05' }, null, HOURS)).toEqual({
      ok: false,
      problems: { date: { key: 'staffing.noDay' } },
    });
  });
});
