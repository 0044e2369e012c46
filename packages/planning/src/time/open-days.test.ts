import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { listOpenDays, resolveCalendar } from './open-days.ts';
import { resolveOpeningWindow } from './opening-window.ts';

describe('listOpenDays', () => {
  it('lists the days from start to deadline, both included, less closed dates and weekdays', () => {
    // 2021-03-15 is a Monday; Sunday 21 March is closed by weekday, Friday 19 March by date.
    const calendar = resolveCalendar({
      start: '2021-03-15',
      deadline: '2021-03-21',
      closedDates: ['2021-03-19'],
      closedWeekdays: [7],
    });
    const days = listOpenDays(calendar, resolveOpeningWindow({ open: '05:00', close: '24:00' }));
    expect(days.map((d) => d.date)).toEqual([
      '2021-03-15',
      '2021-03-16',
      '2021-03-17',
      '2021-03-18',
      '2021-03-20',
    ]);
    expect(days.every((d) => d.hours === 19)).toBe(true);
  });

  it('counts a window that passes midnight, 05:00 to 02:00, as 21 hours', () => {
    const days = listOpenDays(
      resolveCalendar({ start: '2021-03-20', deadline: '2021-03-20', timeZone: 'Asia/Ho_Chi_Minh' }),
      resolveOpeningWindow({ open: '05:00', close: '02:00' }),
    );
    expect(days).toEqual([{ date: '2021-03-20', hours: 21 }]);
  });

  it('loses an hour on the night the clocks go forward in Paris (2021-03-28)', () => {
    const days = listOpenDays(
      resolveCalendar({ start: '2021-03-27', deadline: '2021-03-28', timeZone: 'Europe/Paris' }),
      resolveOpeningWindow({ open: '00:00', close: '24:00' }),
    );
    expect(days.map((d) => d.hours)).toEqual([24, 23]);
  });

  // Zones east and west of UTC with their clocks changing at 00:00 (Tehran), 02:00 (Sydney,
  // Auckland, Lord Howe by half an hour), 02:45 (Chatham), 03:00 (Santiago) or never (Kiritimati).
  const ZONES = [
    'Australia/Sydney',
    'Pacific/Auckland',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Asia/Tehran',
    'Europe/Paris',
    'America/New_York',
    'America/Santiago',
    'Pacific/Kiritimati',
  ];
  /** Hours from the local opening to the local closing of `date`, by luxon alone. */
  function luxonHours(date: string, zone: string, open: string, close: string): number {
    const local = (day: string, time: string) => DateTime.fromISO(`${day}T${time}`, { zone });
    const next = DateTime.fromISO(date, { zone: 'utc' }).plus({ days: 1 }).toISODate() ?? '';
    const closes = close === '24:00' ? local(next, '00:00') : local(close <= open ? next : date, close);
    return closes.diff(local(date, open), 'hours').hours;
  }
  for (const zone of ZONES) {
    it(`gives every day of 2021 in ${zone} the hours its clocks show, days they change included`, () => {
      const calendar = resolveCalendar({ start: '2021-01-01', deadline: '2021-12-31', timeZone: zone });
      for (const [open, close] of [
        ['00:00', '24:00'],
        ['22:00', '06:00'],
      ] as const) {
        const days = listOpenDays(calendar, resolveOpeningWindow({ open, close }));
        expect(days).toHaveLength(365);
        const wrong = days.filter((day) => day.hours !== luxonHours(day.date, zone, open, close));
        expect(wrong, `${open}–${close}`).toEqual([]);
      }
    });
  }

  it('has no open day when the deadline is before the start', () => {
    const calendar = resolveCalendar({ start: '2021-03-20', deadline: '2021-03-19' });
    expect(listOpenDays(calendar, resolveOpeningWindow({ open: '07:30', close: '22:00' }))).toEqual([]);
  });

  it('walks past the deadline when more open days are asked for', () => {
    const calendar = resolveCalendar({ start: '2021-03-20', deadline: '2021-03-20' });
    const days = listOpenDays(calendar, resolveOpeningWindow({ open: '07:30', close: '22:00' }), {
      atLeast: 3,
    });
    expect(days.map((d) => d.date)).toEqual(['2021-03-20', '2021-03-21', '2021-03-22']);
  });

  it('refuses an unknown time zone naming the field', () => {
    expect(() =>
      resolveCalendar({ start: '2021-03-20', deadline: '2021-03-21', timeZone: 'Mars/Olympus' }),
    ).toThrow(/^calendar\.timeZone must be an IANA time zone/);
  });
});
