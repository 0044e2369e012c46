import { describe, expect, it } from 'vitest';
import { type CalendarWords, calendarFileName, teamCalendar } from './team-calendar.ts';

// Đắk Nông's roster as the API answers it for three days: 05:00–24:00 in three shifts of 6 h 20,
// three teams each on its own shift.
const ROSTER = {
  startDate: '2021-03-15',
  shifts: [
    { name: 'Shift 1', start: '05:00', end: '11:20', crews: 1 },
    { name: 'Shift 2', start: '11:20', end: '17:40', crews: 1 },
    { name: 'Shift 3', start: '17:40', end: '24:00', crews: 1 },
  ],
  assignments: ['2021-03-15', '2021-03-16', '2021-03-17'].flatMap((date) => [
    { date, shift: 'Shift 1', team: 'Team 1' },
    { date, shift: 'Shift 2', team: 'Team 2' },
    { date, shift: 'Shift 3', team: 'Team 3' },
  ]),
  teams: [{ team: 'Team 1' }, { team: 'Team 2' }, { team: 'Team 3' }],
};

const WORDS: CalendarWords = {
  calendarName: 'Lịch trực — Kíp 1',
  summary: (shift, team) => `${shift} — ${team}`,
  night: 'ca đêm',
  duration: (hours) => `${hours} giờ`,
  fileName: 'lich-truc-dak-nong-2021-Kíp 1',
};

const uids = (text: string) => text.split('\r\n').filter((line) => line.startsWith('UID:'));

describe('teamCalendar', () => {
  it('gives two scenarios’ Kíp 1 events of their own, so both import into one calendar', async () => {
    // Both files had UID:2021-03-16-Shift%201-Team%201@muster.roster: a third of the events collided.
    const dakNong = uids(await teamCalendar(ROSTER, 'Team 1', 'dak-nong-2021', 'Asia/Ho_Chi_Minh', WORDS));
    const ngheAn = uids(await teamCalendar(ROSTER, 'Team 1', 'nghe-an-2021', 'Asia/Ho_Chi_Minh', WORDS));
    expect(dakNong).toEqual([
      'UID:dak-nong-2021/2021-03-15-Shift%201-Team%201@muster.roster',
      'UID:dak-nong-2021/2021-03-16-Shift%201-Team%201@muster.roster',
      'UID:dak-nong-2021/2021-03-17-Shift%201-Team%201@muster.roster',
    ]);
    expect(ngheAn).toEqual([
      'UID:nghe-an-2021/2021-03-15-Shift%201-Team%201@muster.roster',
      'UID:nghe-an-2021/2021-03-16-Shift%201-Team%201@muster.roster',
      'UID:nghe-an-2021/2021-03-17-Shift%201-Team%201@muster.roster',
    ]);
    // The same roster downloaded again keeps its UIDs, so a re-import updates its events.
    expect(uids(await teamCalendar(ROSTER, 'Team 1', 'dak-nong-2021', 'Asia/Ho_Chi_Minh', WORDS))).toEqual(
      dakNong,
    );
  });

  it('ends the evening shift at 24:00 of its own day', async () => {
    const text = await teamCalendar(ROSTER, 'Team 3', 'dak-nong-2021', 'Asia/Ho_Chi_Minh', WORDS);
    // 2021-03-15 17:40 to 2021-03-16 00:00 in Asia/Ho_Chi_Minh.
    expect(text).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20210315T174000');
    expect(text).toContain('DTEND;TZID=Asia/Ho_Chi_Minh:20210316T000000');
    expect(text).toContain('DESCRIPTION:17:40–24:00');
  });
});

describe('calendarFileName', () => {
  it('names the file in ASCII without spaces: lich-truc-Kíp 1 was saved with a space and an í', () => {
    expect(calendarFileName('lich-truc-dak-nong-2021-Kíp 1')).toBe('lich-truc-dak-nong-2021-kip-1.ics');
    expect(calendarFileName('roster-dak-nong-2021-Team 1')).toBe('roster-dak-nong-2021-team-1.ics');
    expect(calendarFileName('lịch trực — Đội Đắk Song')).toBe('lich-truc-doi-dak-song.ics');
  });
});
