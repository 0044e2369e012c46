// One team's shifts as an iCalendar file, written by the planning library's own writer (RFC 5545,
// with the campaign's zone and stable UIDs) from the roster the API answered. The library is
// loaded only when a planner asks for a file.
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
  /** The file's name without `.ics` (`lich-truc-Kíp 1`). */
  fileName: string;
};

export async function teamCalendar(
  roster: RosterData,
  team: string,
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
    words,
  );
}

export async function downloadTeamCalendar(
  roster: RosterData,
  team: string,
  timeZone: string,
  words: CalendarWords,
): Promise<void> {
  const text = await teamCalendar(roster, team, timeZone, words);
  downloadText(text, `${words.fileName}.ics`, 'text/calendar;charset=utf-8');
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
