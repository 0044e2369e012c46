import { resolveRosterInput } from './_internal/resolve.ts';
import type { RosterAssignment, RosterInput } from './types.ts';

/**
 * The roster as a plain-text table for terminals: a row per day, a column per shift in forward
 * order (with its hours), the teams on it in each cell.
 *
 * @example
 * formatRosterTable(input, roster.assignments).split('\n')[2]
 * // => '2021-03-20 Sat  Team 1         Team 2           Team 3'
 */
export function formatRosterTable(input: RosterInput, assignments: RosterAssignment[]): string {
  const resolved = resolveRosterInput(input, { withTeams: true });
  const cells = new Map<string, string[]>();
  for (const a of assignments) {
    const key = `${a.date}\u0000${a.shift}`;
    cells.set(key, [...(cells.get(key) ?? []), a.team]);
  }
  const header = ['date', ...resolved.shifts.map((s) => `${s.name} ${s.start}–${s.end}`)];
  const rows = resolved.dates.map((date, day) => [
    `${date} ${resolved.first.plus({ days: day }).toFormat('ccc')}`,
    ...resolved.shifts.map((s) => (cells.get(`${date}\u0000${s.name}`) ?? []).join(', ') || '—'),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
