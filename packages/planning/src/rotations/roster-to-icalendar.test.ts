import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { windowShifts } from '../shifts/window-shifts.ts';
import { buildRoster } from './build-roster.ts';
import { defaultNameNumber } from './default-name-number.ts';
import { rosterToICalendar } from './roster-to-icalendar.ts';

const DAY = { name: 'Day', start: '06:00', end: '14:00', crews: 1 };
const NIGHT = { name: 'Night', start: '22:00', end: '06:00', crews: 1 };
const SHIFTS = [DAY, { name: 'Evening', start: '14:00', end: '22:00', crews: 1 }, NIGHT];

/** Parses with ical.js (a real RFC 5545 parser) and returns each event's UTC start and end. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
    };
  });
}

describe('rosterToICalendar', () => {
  it('gives each shift of a team one event at the right instant in Asia/Ho_Chi_Minh', () => {
    const input = { startDate: '2021-03-20', days: 28, shifts: SHIFTS, teams: 4 };
    const roster = buildRoster(input);
    const text = rosterToICalendar(input, roster.assignments, 'Team 1');
    const events = parse(text);
    expect(events).toHaveLength(roster.assignments.filter((a) => a.team === 'Team 1').length);
    // 06:00 at UTC+7 is 23:00 UTC the day before.
    expect(events[0]).toMatchObject({ start: '2021-03-19T23:00:00.000Z', end: '2021-03-20T07:00:00.000Z' });
    expect(events[0]?.summary).toBe('Day shift — Team 1');
    const night = events.find((e) => e.summary.startsWith('Night'));
    // A 22:00–06:00 night ends the next day: 15:00 UTC to 23:00 UTC.
    expect(night?.start.slice(11)).toBe('15:00:00.000Z');
    expect(night?.end.slice(11)).toBe('23:00:00.000Z');
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it('titles the shifts the library named without a doubled word, and takes the words of another language', () => {
    const shifts = windowShifts({ hours: { open: '00:00', close: '24:00' }, shiftHours: 8 });
    const input = { startDate: '2021-03-20', days: 7, shifts, teams: 4 };
    const roster = buildRoster(input);
    const english = parse(rosterToICalendar(input, roster.assignments, 'Team 1'));
    expect(english.map((e) => e.summary)).toEqual(
      roster.assignments.filter((a) => a.team === 'Team 1').map((a) => `${a.shift} — Team 1`),
    );
    const vietnamese = rosterToICalendar(input, roster.assignments, 'Team 1', {
      calendarName: 'Lịch trực — Kíp 1',
      summary: (shift, team) =>
        `Ca ${defaultNameNumber(shift, 'shift')} — Kíp ${defaultNameNumber(team, 'team')}`,
      night: 'ca đêm',
    });
    expect(parse(vietnamese).map((e) => e.summary)).toEqual(
      roster.assignments
        .filter((a) => a.team === 'Team 1')
        .map((a) => `Ca ${a.shift.replace('Shift ', '')} — Kíp 1`),
    );
    expect(vietnamese).toContain('X-WR-CALNAME:Lịch trực — Kíp 1');
    // 00:00–08:00 is a night shift.
    expect(vietnamese).toContain('DESCRIPTION:00:00–08:00\\, 8 h\\, ca đêm');
    expect(vietnamese).not.toContain('night');
    expect(() =>
      rosterToICalendar(input, roster.assignments, 'Team 1', { summary: 'Ca' as unknown as () => string }),
    ).toThrow(/^summary must be a function/);
    expect(() =>
      rosterToICalendar(input, roster.assignments, 'Team 1', { duration: 'giờ' as unknown as () => string }),
    ).toThrow(/^duration must be a function/);
  });

  it('writes a shift’s length as the caller words it: 6 h 20 as 6,33 giờ in Vietnamese', () => {
    // Đắk Nông's 05:00–24:00 in three shifts of 380 minutes: 6.33 hours each to the hundredth.
    const shifts = windowShifts({ hours: { open: '05:00', close: '24:00' }, shiftHours: 8 });
    const input = { startDate: '2021-03-20', days: 3, shifts, teams: 3 };
    const roster = buildRoster(input);
    const team = roster.assignments[0]?.team ?? '';
    expect(rosterToICalendar(input, roster.assignments, team)).toContain('DESCRIPTION:05:00–11:20\\, 6.33 h');
    const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
    const vietnamese = rosterToICalendar(input, roster.assignments, team, {
      duration: (hours) => `${vi.format(hours)} giờ`,
    });
    expect(vietnamese).toContain('DESCRIPTION:05:00–11:20\\, 6\\,33 giờ');
    expect(vietnamese).not.toMatch(/\d h/);
  });

  it('keeps UIDs stable from one export to the next and ends every line with CRLF', () => {
    const input = { startDate: '2021-03-20', days: 7, shifts: SHIFTS, teams: 4 };
    const roster = buildRoster(input);
    const a = rosterToICalendar(input, roster.assignments, 'Team 2');
    expect(rosterToICalendar(input, roster.assignments, 'Team 2')).toBe(a);
    expect(a.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(a.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('keeps two scenarios’ rosters apart in one calendar: their UIDs carry the scope', () => {
    // Nghệ An's and Đắk Nông's Team 1 both had `UID:2021-03-16-Shift%201-Team%201@muster.roster`,
    // so importing both files into one calendar lost a third of the events to collisions.
    const shifts = windowShifts({ hours: { open: '05:00', close: '24:00' }, shiftHours: 8 });
    const input = { startDate: '2021-03-15', days: 3, shifts, teams: 3 };
    const roster = buildRoster(input);
    const uids = (scope: string) =>
      parse(rosterToICalendar(input, roster.assignments, 'Team 1', { uidScope: scope })).map((e) => e.uid);
    // Three teams on three shifts: Team 1 works the first shift of each of the three days.
    expect(uids('dak-nong-2021')).toEqual([
      'dak-nong-2021/2021-03-15-Shift%201-Team%201@muster.roster',
      'dak-nong-2021/2021-03-16-Shift%201-Team%201@muster.roster',
      'dak-nong-2021/2021-03-17-Shift%201-Team%201@muster.roster',
    ]);
    expect(uids('nghe-an-2021')).toEqual([
      'nghe-an-2021/2021-03-15-Shift%201-Team%201@muster.roster',
      'nghe-an-2021/2021-03-16-Shift%201-Team%201@muster.roster',
      'nghe-an-2021/2021-03-17-Shift%201-Team%201@muster.roster',
    ]);
    // A scope with a slash or a space stays one part of the UID.
    expect(uids('Đắk Nông/2021')[0]).toBe(
      '%C4%90%E1%BA%AFk%20N%C3%B4ng%2F2021/2021-03-15-Shift%201-Team%201@muster.roster',
    );
  });

  it('says a shift that ends at midnight ends at 24:00', () => {
    const shifts = windowShifts({ hours: { open: '05:00', close: '24:00' }, shiftHours: 8 });
    const input = { startDate: '2021-03-15', days: 3, shifts, teams: 3 };
    const roster = buildRoster(input);
    const team = roster.assignments.find((a) => a.shift === 'Shift 3')?.team ?? '';
    const text = rosterToICalendar(input, roster.assignments, team);
    expect(text).toContain('DESCRIPTION:17:40–24:00\\, 6.33 h');
    expect(text).not.toContain('–00:00');
  });

  it('places a night across the Berlin spring clock change at 21:00–04:00 UTC (7 hours)', () => {
    const input = {
      startDate: '2021-03-27',
      days: 1,
      timeZone: 'Europe/Berlin',
      shifts: [NIGHT],
      teams: 1,
    };
    const roster = buildRoster(input);
    const [night] = parse(rosterToICalendar(input, roster.assignments, 'Team 1'));
    expect(night).toMatchObject({ start: '2021-03-27T21:00:00.000Z', end: '2021-03-28T04:00:00.000Z' });
  });

  it('escapes commas and semicolons and folds long lines at 75 octets', () => {
    const team = 'Đội cơ động số 1; Công an huyện Đắk Glong, tỉnh Đắk Nông — ca trực đêm kéo dài';
    const input = { startDate: '2021-03-20', days: 1, shifts: [DAY], teams: [team] };
    const text = rosterToICalendar(input, buildRoster(input).assignments, team);
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(parse(text)[0]?.summary).toBe(`Day shift — ${team}`);
  });
});
