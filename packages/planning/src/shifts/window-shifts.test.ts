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
      { name: 'Shift 3', start: '16:00', end: '24:00', crews: 1 },
    ]);
  });

  it('cuts Đắk Nông’s 05:00–24:00 into three equal shifts of 6 h 20, the last ending at 24:00', () => {
    // By hand: 19 hours need ceil(19 / 8) = 3 shifts of 380 minutes. The last one's end read
    // `17:40,00:00` in the roster's spreadsheet, with no sign it was that night's midnight.
    expect(times({ open: '05:00', close: '24:00' }, 8)).toEqual([
      '05:00–11:20',
      '11:20–17:40',
      '17:40–24:00',
    ]);
  });

  it('ends a shift at 24:00 only at midnight: one starting then starts at 00:00', () => {
    // By hand: 20:00–04:00 is 480 minutes, two shifts of 240 with the boundary at midnight.
    expect(times({ open: '20:00', close: '04:00' }, 4)).toEqual(['20:00–24:00', '00:00–04:00']);
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

  it('cuts one more shift where rounding to 5 minutes would make one longer than shiftHours', () => {
    // By hand: 121 minutes in shifts of at most 60.6. Two of 60.5 round their boundary to 60 (or
    // 55): the second is 61 (or 66) minutes. Three of 40.33 round to 40, 40 and 41.
    expect(times({ open: '08:00', close: '10:01' }, 1.01)).toEqual([
      '08:00–08:40',
      '08:40–09:20',
      '09:20–10:01',
    ]);
  });

  it('holds a boundary back rather than cut a shift over shiftHours: 00:00–23:56 is still three of 8 h', () => {
    // By hand: 1,436 minutes in 3 are 478.67 each; rounded, the boundaries at 480 and 955 minutes
    // leave a last shift of 481 minutes. Held at 960 (the latest after 480 + 480), it is 476.
    expect(times({ open: '00:00', close: '23:56' }, 8)).toEqual([
      '00:00–08:00',
      '08:00–16:00',
      '16:00–23:56',
    ]);
  });

  it('never cuts a shift longer than shiftHours, nor more shifts than a split 5 minutes shorter needs', () => {
    const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
    for (let open = 0; open < 1440; open += 85) {
      for (let length = 61; length <= 1440; length += 67) {
        const close = (open + length) % 1440;
        const hours = {
          open: `${String(Math.floor(open / 60)).padStart(2, '0')}:${String(open % 60).padStart(2, '0')}`,
          close:
            close === 0
              ? '24:00'
              : `${String(Math.floor(close / 60)).padStart(2, '0')}:${String(close % 60).padStart(2, '0')}`,
        };
        for (const shiftHours of [1, 1.01, 1.07, 2.5, 7.9, 8, 12.34, 24]) {
          const shifts = windowShifts({ hours, shiftHours });
          const lengths = shifts.map((s) => (minutes(s.end) - minutes(s.start) + 1440) % 1440 || 1440);
          expect(
            lengths.reduce((a, b) => a + b, 0),
            JSON.stringify([hours, shiftHours]),
          ).toBe(length);
          expect(Math.max(...lengths), JSON.stringify([hours, shiftHours])).toBeLessThanOrEqual(
            shiftHours * 60,
          );
          // Rounded to 5 minutes, equal shifts 5 minutes under the limit always fit (each inner
          // boundary moves at most 2.5): never more shifts than they need.
          expect(shifts.length).toBeLessThanOrEqual(Math.ceil(length / (shiftHours * 60 - 5)));
          // Whole hours (as the API takes them): no cut has fewer shifts than length ÷ shiftHours.
          if (Number.isInteger(shiftHours)) expect(shifts.length).toBe(Math.ceil(length / (shiftHours * 60)));
        }
      }
    }
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
