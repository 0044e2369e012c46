// The roster: one row per team on a shift of a day, with the shift's local hours.
import { defaultNameNumber, type RosterAssignment, type RosterShift } from '@muster/planning';
import type { SheetLanguage, Words } from './sheet-kind.ts';
import type { SheetView, ViewColumn } from './sheet-view.ts';

const TEAM: Words = { vi: 'Kíp', en: 'Team' };
const SHIFT: Words = { vi: 'Ca', en: 'Shift' };

const COLUMNS: readonly ViewColumn[] = [
  { key: 'date', header: { vi: 'Ngày', en: 'Date' }, type: 'date', width: 12 },
  { key: 'shift', header: SHIFT, type: 'text', width: 12 },
  { key: 'start', header: { vi: 'Bắt đầu', en: 'Start' }, type: 'text', width: 8 },
  { key: 'end', header: { vi: 'Kết thúc', en: 'End' }, type: 'text', width: 8 },
  { key: 'team', header: TEAM, type: 'text', width: 16 },
];

/** A team or shift as the roster names it, one the library named by default in `language` (`Team 2` → `Kíp 2`). */
function named(name: string, kind: 'team' | 'shift', language: SheetLanguage): string {
  const n = defaultNameNumber(name, kind);
  return n === null ? name : `${(kind === 'team' ? TEAM : SHIFT)[language]} ${n}`;
}

function* rowsOf(
  assignments: Iterable<RosterAssignment>,
  shifts: readonly RosterShift[],
  language: SheetLanguage,
): Generator<(string | null)[]> {
  const byName = new Map(shifts.map((shift) => [shift.name, shift]));
  for (const a of assignments) {
    const shift = byName.get(a.shift);
    yield [
      a.date,
      named(a.shift, 'shift', language),
      shift?.start ?? null,
      shift?.end ?? null,
      named(a.team, 'team', language),
    ];
  }
}

/**
 * The view `roster`: `buildRoster(input).assignments` with the hours of `input.shifts` (an end of
 * 24:00 is the midnight that ends the row's date, an end before the start is the next day's), the
 * teams and shifts the library named in `language`.
 *
 * @example
 * [...rosterView(roster.assignments, input.shifts, 'vi').rows][0] // => ['2021-03-20', 'Day', '06:00', '14:00', 'Kíp 1']
 */
export function rosterView(
  assignments: Iterable<RosterAssignment>,
  shifts: readonly RosterShift[],
  language: SheetLanguage,
): SheetView {
  return {
    name: 'roster',
    title: { vi: 'Lịch trực', en: 'Roster' },
    columns: COLUMNS,
    rows: rowsOf(assignments, shifts, language),
  };
}
