import { type DateTime, FixedOffsetZone } from 'luxon';
import { requireString } from '../_internal/validate.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { type RosterInput, resolveRosterInput, resolveTeams } from './_internal/resolve.ts';
import { occurrencesOf } from './_internal/text.ts';
import type { RosterAssignment } from './check-roster.ts';

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const HOUR_MS = 3_600_000;

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT. */
function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF and one space, never inside a character. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** Percent-encoding keeps UIDs free of spaces and distinct for distinct names. */
function slug(value: string): string {
  return encodeURIComponent(value);
}

const local = (t: DateTime) => t.toFormat("yyyyMMdd'T'HHmmss");
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** VTIMEZONE with the zone's offset and every change of it inside the roster's dates, found with luxon. */
function timeZoneLines(zone: string, from: DateTime, to: DateTime): string[] {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const first = from.minus({ days: 1 });
  lines.push(
    first.isInDST ? 'BEGIN:DAYLIGHT' : 'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${offsetText(first.offset)}`,
    `TZOFFSETTO:${offsetText(first.offset)}`,
    first.isInDST ? 'END:DAYLIGHT' : 'END:STANDARD',
  );
  let before = first;
  for (let t = first.plus({ hours: 1 }); t <= to.plus({ days: 2 }); t = t.plus({ hours: 1 })) {
    if (t.offset === before.offset) {
      before = t;
      continue;
    }
    // Narrow the change to the minute.
    let lo = before.toMillis();
    let hi = t.toMillis();
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      const at = before.plus({ milliseconds: mid - before.toMillis() });
      if (at.offset === before.offset) lo = mid;
      else hi = mid;
    }
    const change = before.plus({ milliseconds: hi - before.toMillis() });
    const wall = change.setZone(FixedOffsetZone.instance(before.offset));
    const kind = change.isInDST ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${local(wall)}`,
      `TZOFFSETFROM:${offsetText(before.offset)}`,
      `TZOFFSETTO:${offsetText(change.offset)}`,
      `END:${kind}`,
    );
    before = t;
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** Options of {@link rosterToICalendar}. */
export type RosterToICalendarOptions = {
  /** Calendar name shown by calendar apps. Default `Roster — <team>`. */
  calendarName?: string;
};

/**
 * One team's shifts as an iCalendar file (RFC 5545): one VEVENT per shift with its local start
 * and end in the roster's time zone (a VTIMEZONE is included), stable UIDs (date, shift, team)
 * so a re-import updates rather than duplicates, CRLF line ends, folding and escaping.
 * DTSTAMP is the roster's first day, so the same roster gives the same bytes.
 *
 * @example
 * rosterToICalendar(input, roster.assignments, 'Team 1').split('\r\n').filter((l) => l === 'BEGIN:VEVENT').length
 * // => 21 (Team 1's shifts in 28 days of the four-crew pattern)
 */
export function rosterToICalendar(
  input: RosterInput,
  assignments: RosterAssignment[],
  team: string,
  options: RosterToICalendarOptions = {},
): string {
  const resolved = resolveRosterInput(input, { withTeams: true });
  const name = requireString(team, 'team');
  if (!resolveTeams(input.teams).includes(name)) {
    throw new PlanningInputError({
      path: 'team',
      code: 'unknown-reference',
      expected: 'one of the teams',
      received: team,
    });
  }
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
    const hours =
      Math.round(((occurrence.end.toMillis() - occurrence.start.toMillis()) / HOUR_MS) * 100) / 100;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${assignment.date}-${slug(assignment.shift)}-${slug(name)}@muster.roster`,
      `DTSTAMP:${stamp}`,
      `DTSTART;TZID=${resolved.zone}:${local(occurrence.start)}`,
      `DTEND;TZID=${resolved.zone}:${local(occurrence.end)}`,
      `SUMMARY:${escapeText(`${assignment.shift} shift — ${name}`)}`,
      `DESCRIPTION:${escapeText(`${occurrence.shift.start}–${occurrence.shift.end}, ${hours} h${occurrence.night ? ', night' : ''}`)}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join(CRLF)}${CRLF}`;
}
