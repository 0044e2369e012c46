import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { windowShifts } from './window-shifts.ts';

const times = (hours: { open: string; close: string }, shiftHours: number): string[] =>
  windowShifts({ hours, shiftHours }).map((s) => `${s.start}–${s.end}`);

describe('windowShifts', () => {
  it('cuts Nghệ An’s round-the-clock day into the three 8-hour shifts of its three teams', () => {
    expect(windowShifts({ hours: { open: '00:00', close: '24:00' }, shiftHours: 8 })).toEqual([
      { name: 'Shift 1', start: '00:00', end: '08:00', crews: 1 },
      { name: 'Shift 2', start: '08:00', end: '16:00', crews: 1 },
      { name: 'Shift 3', start: '16:00', end: '00:00', crews: 1 },
    ]);
  });

  it('cuts Đắk Nông’s 05:00–24:00 into three equal shifts of 6 h 20', () => {
    // By hand: 19 hours need ceil(19 / 8) = 3 shifts of 380 minutes.
    expect(times({ open: '05:00', close: '24:00' }, 8)).toEqual([
      '05:00–11:20',
      '11:20–17:40',
      '17:40–00:00',
    ]);
  });

  it('cuts Hưng Nguyên’s 07:30–22:00 into two shifts of 7 h 15, or four with boundaries on 5 minutes', () => {
    expect(times({ open: '07:30', close: '22:00' }, 8)).toEqual(['07:30–14:45', '14:45–22:00']);
    // By hand: 870 minutes in 4 are 217.5 each; the boundaries at 217.5, 435 and 652.5 minutes
    // after 07:30 round to 220, 435 and 655 minutes: 11:10, 14:45 and 18:25.
    expect(times({ open: '07:30', close: '22:00' }, 4)).toEqual([
      '07:30–11:10',
      '11:10–14:45',
      '14:45–18:25',
      '18:25–22:00',
    ]);
  });

  it('cuts a window past midnight on the far side of it', () => {
    expect(times({ open: '22:00', close: '06:00' }, 4)).toEqual(['22:00–02:00', '02:00–06:00']);
    expect(times({ open: '05:00', close: '02:00' }, 12)).toEqual(['05:00–15:30', '15:30–02:00']);
  });

  it('keeps a window shorter than one shift whole', () => {
    expect(times({ open: '07:00', close: '11:00' }, 8)).toEqual(['07:00–11:00']);
  });

  it.each([
    [{ hours: { open: '25:00', close: '22:00' }, shiftHours: 8 }, 'hours.open'],
    [{ hours: { open: '07:00', close: '07:00' }, shiftHours: 8 }, 'hours'],
    [{ hours: { open: '07:00', close: '19:00' }, shiftHours: 0.5 }, 'shiftHours'],
    [{ hours: { open: '07:00', close: '19:00' }, shiftHours: 25 }, 'shiftHours'],
  ])('refuses %j naming %s', (input, path) => {
    expect(() => windowShifts(input)).toThrow(PlanningInputError);
    expect(() => windowShifts(input)).toThrow(new RegExp(`^${path.replace('.', '\\.')} must be`));
  });
});
