import { describe, expect, it } from 'vitest';
import { FOUR_WEEKS } from './_fixtures/three-eights.ts';
import { buildRoster } from './build-roster.ts';
import { formatRosterTable } from './format-roster-table.ts';

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
