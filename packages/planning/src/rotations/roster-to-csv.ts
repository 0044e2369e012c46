import { instantIn, resolveRosterInput } from './_internal/resolve.ts';
import { occurrencesOf } from './_internal/text.ts';
import type { RosterAssignment, RosterInput } from './types.ts';

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The whole roster as CSV (RFC 4180, CRLF line ends, a header row): one row per team per shift
 * with the local start and end (ISO with offset) and the hours worked.
 *
 * @example
 * rosterToCsv(input, roster.assignments).split('\r\n')[1]
 * // => '2021-03-20,Day,Team 1,2021-03-20T06:00:00+07:00,2021-03-20T14:00:00+07:00,8,no'
 */
export function rosterToCsv(input: RosterInput, assignments: RosterAssignment[]): string {
  const resolved = resolveRosterInput(input, { withTeams: true });
  const rows = [['date', 'shift', 'team', 'start', 'end', 'hours', 'night']];
  for (const { assignment, occurrence } of occurrencesOf(resolved, assignments)) {
    rows.push([
      assignment.date,
      assignment.shift,
      assignment.team,
      instantIn(resolved, occurrence.startMs).toISO({ suppressMilliseconds: true }) ?? '',
      instantIn(resolved, occurrence.endMs).toISO({ suppressMilliseconds: true }) ?? '',
      String(Math.round(occurrence.hours * 100) / 100),
      occurrence.night ? 'yes' : 'no',
    ]);
  }
  return `${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
