import { describe, expect, it } from 'vitest';
import { buildRoster } from './build-roster.ts';
import { formatRosterTable } from './format-roster-table.ts';

const THREE_EIGHTS = [
  { name: 'Day', start: '06:00', end: '14:00', crews: 1 },
  { name: 'Evening', start: '14:00', end: '22:00', crews: 1 },
  { name: 'Night', start: '22:00', end: '06:00', crews: 1 },
];
const FOUR_WEEKS = { startDate: '2021-03-20', days: 28, shifts: THREE_EIGHTS };

describe('formatRosterTable', () => {
  const input = { ...FOUR_WEEKS, days: 2, teams: 4 };
  const roster = buildRoster(input);

  it('prints a table with a row per day and a column per shift', () => {
    const lines = formatRosterTable(input, roster.assignments).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^date\s+Day 06:00–14:00\s+Evening 14:00–22:00\s+Night 22:00–06:00$/);
    expect(lines[2]).toMatch(/^2021-03-20 Sat/);
  });
});
