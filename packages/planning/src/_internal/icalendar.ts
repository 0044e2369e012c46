import { type DateTime, FixedOffsetZone } from 'luxon';

/**
 * The iCalendar (RFC 5545) writing shared by the calendar exports: text escaping, line folding,
 * local date-times, VTIMEZONE blocks and the final CRLF join. Exports build their own lines.
 */

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Octets of a code point in UTF-8 (a lone surrogate is written as U+FFFD, also 3). */
function utf8Octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF and one space, never inside a character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Octets(ch.codePointAt(0) as number);
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

/** The file: every line folded, CRLF after each, the last included. */
export function calendarText(lines: readonly string[]): string {
  return `${lines.map(fold).join(CRLF)}${CRLF}`;
}

/** Percent-encoding keeps UIDs free of spaces and distinct for distinct names. */
export function uidPart(value: string): string {
  return encodeURIComponent(value);
}

/** A local date-time as RFC 5545 writes it with a TZID: `20210320T060000`. */
export function localDateTime(t: DateTime): string {
  return t.toFormat("yyyyMMdd'T'HHmmss");
}

/** An ISO date as an RFC 5545 DATE: `2021-03-20` → `20210320`. */
export function basicDate(isoDate: string): string {
  return isoDate.replace(/-/g, '');
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** VTIMEZONE with the zone's offset and every change of it between `from` and `to`, found with luxon. */
export function timeZoneLines(zone: string, from: DateTime, to: DateTime): string[] {
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
      `DTSTART:${localDateTime(wall)}`,
      `TZOFFSETFROM:${offsetText(before.offset)}`,
      `TZOFFSETTO:${offsetText(change.offset)}`,
      `END:${kind}`,
    );
    before = t;
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
