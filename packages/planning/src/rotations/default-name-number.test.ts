import { describe, expect, it } from 'vitest';
import { windowShifts } from '../shifts/window-shifts.ts';
import { buildRoster } from './build-roster.ts';
import { defaultNameNumber } from './default-name-number.ts';

describe('default team and shift names', () => {
  it('reads back the number of every team and shift the library named, and nothing else', () => {
    const shifts = windowShifts({ hours: { open: '05:00', close: '24:00' }, shiftHours: 8 });
    const roster = buildRoster({ startDate: '2021-03-20', days: 7, timeZone: 'UTC', shifts, teams: 12 });
    expect(shifts.map((shift) => defaultNameNumber(shift.name, 'shift'))).toEqual([1, 2, 3]);
    expect(roster.teams.map((load) => defaultNameNumber(load.team, 'team'))).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    for (const name of [
      'Đội Đắk Song',
      'Team',
      'Team 0',
      'Team 01',
      'Team 1 ',
      'team 1',
      'Shift 2',
      'Team 1\n',
      `Team ${'9'.repeat(20)}`,
    ]) {
      expect(defaultNameNumber(name, 'team')).toBeNull();
    }
    expect(defaultNameNumber('Team 2', 'shift')).toBeNull();
  });
});
