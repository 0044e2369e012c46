import { calendarText, escapeText, localDateTime, timeZoneLines, uidPart } from '../_internal/icalendar.ts';
import { optionalString, requireString } from '../_internal/validate.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { instantIn, resolveRosterInput } from './_internal/resolve.ts';
import { occurrencesOf } from './_internal/text.ts';
import { defaultNameNumber } from './default-name-number.ts';
import type { RosterAssignment, RosterInput } from './types.ts';

/** Options of {@link rosterToICalendar}: the words of the file, for a calendar in another language. */
export type RosterToICalendarOptions = {
  /**
   * Keeps UIDs apart across rosters, such as the scenario's id: two scenarios' `Team 1` on the same
   * day and shift are two events in one calendar. Default: none.
   */
  uidScope?: string;
  /** Calendar name shown by calendar apps. Default `Roster — <team>`. */
  calendarName?: string;
  /**
   * An event's title from its shift's and team's names. Default `<shift> shift — <team>`, or
   * `<shift> — <team>` for a shift the library named (`Shift 2 — Team 1`).
   */
  summary?: (shift: string, team: string) => string;
  /** Said of a night shift after its hours in an event's description. Default `night`. */
  night?: string;
  /** A shift's length in an event's description, from its hours. Default `6.33 h` (to the hundredth). */
  duration?: (hours: number) => string;
};

const defaultDuration = (hours: number): string => `${Math.round(hours * 100) / 100} h`;

function defaultSummary(shift: string, team: string): string {
  return defaultNameNumber(shift, 'shift') === null ? `${shift} shift — ${team}` : `${shift} — ${team}`;
}

/**
 * One team's shifts as an iCalendar file (RFC 5545): one VEVENT per shift with its local start
 * and end in the roster's time zone (a VTIMEZONE is included), stable UIDs (scope, date, shift,
 * team) so a re-import updates rather than duplicates, CRLF line ends, folding and escaping.
 * DTSTAMP is the roster's first day, so the same roster gives the same bytes.
 *
 * @example
 * rosterToICalendar(input, roster.assignments, 'Team 1', { uidScope: 's1' }).split('\r\n').filter((l) => l.startsWith('UID:'))[0]
 * // => 'UID:s1/2021-03-20-Day-Team%201@muster.roster'
 */
export function rosterToICalendar(
  input: RosterInput,
  assignments: RosterAssignment[],
  team: string,
  options: RosterToICalendarOptions = {},
): string {
  const resolved = resolveRosterInput(input, { withTeams: true });
  const name = requireString(team, 'team');
  if (!resolved.teams.includes(name)) {
    throw new PlanningInputError({
      path: 'team',
      code: 'unknown-reference',
      expected: 'one of the teams',
      received: team,
    });
  }
  for (const key of ['summary', 'duration'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'function') {
      throw new PlanningInputError({
        path: key,
        code: 'type',
        expected:
          key === 'summary'
            ? 'a function of the shift’s and the team’s names giving an event’s title'
            : 'a function of a shift’s hours giving its length as written',
        received: options[key],
      });
    }
  }
  const summary = options.summary ?? defaultSummary;
  const duration = options.duration ?? defaultDuration;
  const night = optionalString(options.night, 'night') ?? 'night';
  const scope = optionalString(options.uidScope, 'uidScope');
  const uidPrefix = scope === undefined ? '' : `${uidPart(scope)}/`;
  const last = resolved.first.plus({ days: resolved.days });
  const stamp = `${resolved.first.toFormat('yyyyMMdd')}T000000Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Muster//Rosters//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(options.calendarName ?? `Roster — ${name}`)}`,
    `X-WR-TIMEZONE:${resolved.zone}`,
    ...timeZoneLines(resolved.zone, resolved.first, last),
  ];
  for (const { assignment, occurrence } of occurrencesOf(
    resolved,
    assignments.filter((a) => a.team === name),
  )) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uidPrefix}${assignment.date}-${uidPart(assignment.shift)}-${uidPart(name)}@muster.roster`,
      `DTSTAMP:${stamp}`,
      `DTSTART;TZID=${resolved.zone}:${localDateTime(instantIn(resolved, occurrence.startMs))}`,
      `DTEND;TZID=${resolved.zone}:${localDateTime(instantIn(resolved, occurrence.endMs))}`,
      `SUMMARY:${escapeText(summary(assignment.shift, name))}`,
      `DESCRIPTION:${escapeText(`${occurrence.shift.start}–${occurrence.shift.end}, ${duration(occurrence.hours)}${occurrence.night ? `, ${night}` : ''}`)}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return calendarText(lines);
}
