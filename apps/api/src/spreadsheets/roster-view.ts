// The roster: one row per team on a shift of a day, with the shift's local hours.
import type { RosterAssignment, RosterShift } from '@muster/planning';
import type { SheetView, ViewColumn } from './sheet-view.ts';

const COLUMNS: readonly ViewColumn[] = [
  { key: 'date', header: { vi: 'Ngày', en: 'Date' }, type: 'date', width: 12 },
  { key: 'shift', header: { vi: 'Ca', en: 'Shift' }, type: 'text', width: 12 },
  { key: 'start', header: { vi: 'Bắt đầu', en: 'Start' }, type: 'text', width: 8 },
  { key: 'end', header: { vi: 'Kết thúc', en: 'End' }, type: 'text', width: 8 },
  { key: 'team', header: { vi: 'Tổ', en: 'Team' }, type: 'text', width: 16 },
];

function* rowsOf(
  assignments: Iterable<RosterAssignment>,
  shifts: readonly RosterShift[],
): Generator<(string | null)[]> {
  const byName = new Map(shifts.map((shift) => [shift.name, shift]));
  for (const a of assignments) {
    const shift = byName.get(a.shift);
    yield [a.date, a.shift, shift?.start ?? null, shift?.end ?? null, a.team];
  }
}

/**
 * The view `roster`: `buildRoster(input).assignments` with the hours of `input.shifts` (an end at
 * or before the start is the next day's).
 *
 * @example
 * [...rosterView(roster.assignments, input.shifts).rows][0] // => ['2021-03-20', 'Day', '06:00', '14:00', 'Team 1']
 */
export function rosterView(
  assignments: Iterable<RosterAssignment>,
  shifts: readonly RosterShift[],
): SheetView {
  return {
    name: 'roster',
    title: { vi: 'Lịch trực', en: 'Roster' },
    columns: COLUMNS,
    rows: rowsOf(assignments, shifts),
  };
}
