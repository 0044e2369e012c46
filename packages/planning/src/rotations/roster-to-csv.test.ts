import { parse } from 'csv-parse/sync';
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
});
