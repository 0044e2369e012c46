// One team's shifts as an iCalendar file, written by the planning library's own writer (RFC 5545,
// with the campaign's zone and stable UIDs scoped by the scenario) from the roster the API
// answered. The library is loaded only when a planner asks for a file.
import { foldName } from '../../i18n/normalize.ts';

type RosterData = {
  startDate: string;
  shifts: readonly { name: string; start: string; end: string; crews: number }[];
  assignments: readonly { date: string; shift: string; team: string }[];
  teams: readonly { team: string }[];
};

const DAY_MS = 86_400_000;

/** The words of a team's calendar in the reader's language (the planning library's options). */
export type CalendarWords = {
  calendarName: string;
  summary: (shift: string, team: string) => string;
  night: string;
  /** A shift's length from its hours (`6,33 giờ`). */
  duration: (hours: number) => string;
  /** The file's name without `.ics`, in the reader's words (`lich-truc-dak-nong-2021-Kíp 1`). */
  fileName: string;
};

/**
 * A file's name as every system saves it: ASCII letters, digits and dashes, the diacritics dropped
 * and đ read as d, with `.ics` after.
 *
 * @example calendarFileName('lich-truc-dak-nong-2021-Kíp 1') // 'lich-truc-dak-nong-2021-kip-1.ics'
 */
export function calendarFileName(name: string): string {
  const ascii = foldName(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${ascii || 'calendar'}.ics`;
}

/**
 * `team`'s calendar of the roster of `scenarioId`: its events' UIDs carry the scenario, so two
 * scenarios' `Kíp 1` imported into one calendar are two sets of events.
 */
export async function teamCalendar(
  roster: RosterData,
  team: string,
  scenarioId: string,
  timeZone: string,
  words: CalendarWords,
): Promise<string> {
  const { rosterToICalendar } = await import('@muster/planning');
  const dates = roster.assignments.map((a) => a.date).sort();
  const last = dates.at(-1) ?? roster.startDate;
  const days =
    Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${roster.startDate}T00:00:00Z`)) / DAY_MS) + 1;
  return rosterToICalendar(
    {
      startDate: roster.startDate,
      days,
      timeZone,
      shifts: roster.shifts.map((shift) => ({ ...shift })),
      teams: roster.teams.map((load) => load.team),
    },
    roster.assignments.map((a) => ({ date: a.date, shift: a.shift, team: a.team })),
    team,
    {
      uidScope: scenarioId,
      calendarName: words.calendarName,
      summary: words.summary,
      night: words.night,
      duration: words.duration,
    },
  );
}

export async function downloadTeamCalendar(
  roster: RosterData,
  team: string,
  scenarioId: string,
  timeZone: string,
  words: CalendarWords,
): Promise<void> {
  const text = await teamCalendar(roster, team, scenarioId, timeZone, words);
  downloadText(text, calendarFileName(words.fileName), 'text/calendar;charset=utf-8');
}

export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
