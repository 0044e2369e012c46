import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { FOUR_WEEKS } from './_fixtures/three-eights.ts';
import { buildRoster } from './build-roster.ts';
import { rosterToCsv } from './roster-to-csv.ts';

describe('rosterToCsv', () => {
  const input = { ...FOUR_WEEKS, days: 2, teams: 4 };

  it('writes CSV with CRLF, a header and RFC 4180 quoting', () => {
    const named = { ...input, teams: ['Đội "1", Hưng Nguyên', 'B', 'C', 'D'] };
    const csv = rosterToCsv(named, buildRoster(named).assignments);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('date,shift,team,start,end,hours,night');
    expect(lines[1]).toBe(
      '2021-03-20,Day,"Đội ""1"", Hưng Nguyên",2021-03-20T06:00:00+07:00,2021-03-20T14:00:00+07:00,8,no',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('reads back with an RFC 4180 parser as one row per assignment, nights past midnight', () => {
    const roster = buildRoster(input);
    const rows: Record<string, string>[] = parse(rosterToCsv(input, roster.assignments), { columns: true });
    expect(rows.map((r) => [r.date, r.shift, r.team])).toEqual(
      roster.assignments.map((a) => [a.date, a.shift, a.team]),
    );
    // By hand: the night of 20 March runs 22:00 to 06:00 the next morning in Asia/Ho_Chi_Minh (UTC+7).
    expect(rows.find((r) => r.date === '2021-03-20' && r.shift === 'Night')).toMatchObject({
      start: '2021-03-20T22:00:00+07:00',
      end: '2021-03-21T06:00:00+07:00',
      hours: '8',
      night: 'yes',
    });
  });

  it('puts every shift at the instant luxon sets for its local time on its date, in zones whose clocks change', () => {
    // Santiago and Havana change their clocks at midnight (a day can start at 01:00), Lord Howe by
    // half an hour, Paris at 02:00 and 03:00 (02:30 skipped once and repeated once); a year of days
    // crosses each change. A time the clocks skip is read as the hour after, and a repeated one at
    // the offset of its day's start (luxon setting the time on the date, whatever the date today).
    const shifts = [
      { name: 'Early', start: '00:00', end: '08:00', crews: 1 },
      { name: 'Mid', start: '02:30', end: '10:30', crews: 1 },
      { name: 'Night', start: '22:00', end: '06:00', crews: 1 },
    ];
    for (const timeZone of ['America/Santiago', 'America/Havana', 'Australia/Lord_Howe', 'Europe/Paris']) {
      const year = { startDate: '2021-01-01', days: 366, timeZone, shifts, teams: 4 };
      const rows: Record<string, string>[] = parse(rosterToCsv(year, buildRoster(year).assignments), {
        columns: true,
      });
      const local = (date: string, time: string) =>
        DateTime.fromISO(date, { zone: timeZone })
          .set({ hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) })
          .toISO({ suppressMilliseconds: true });
      const nextDay = (date: string) => DateTime.fromISO(date).plus({ days: 1 }).toISODate() ?? '';
      for (const row of rows) {
        const shift = shifts.find((s) => s.name === row.shift);
        if (shift === undefined) throw new Error(`unknown shift ${row.shift}`);
        const endDate = shift.end <= shift.start ? nextDay(row.date as string) : (row.date as string);
        expect([row.start, row.end], `${timeZone} ${row.date} ${row.shift}`).toEqual([
          local(row.date as string, shift.start),
          local(endDate, shift.end),
        ]);
      }
    }
  });
});
