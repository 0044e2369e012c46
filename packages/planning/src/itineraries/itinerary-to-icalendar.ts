import { DateTime } from 'luxon';
import { basicDate, calendarText, escapeText, uidPart } from '../_internal/icalendar.ts';
import {
  optionalString,
  requireArray,
  requireRecord,
  requireString,
  requireTimeZone,
} from '../_internal/validate.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import type { MobilePlan, TeamItinerary } from './types.ts';

/** Options of {@link itineraryToICalendar}. */
export type ItineraryToICalendarOptions = {
  /** Keeps UIDs apart across plans, such as the scenario's id. Default: none. */
  uidScope?: string;
  /** Calendar name shown by calendar apps. Default `Visits — <team>` (`Lịch lưu động — <team>`). */
  calendarName?: string;
  /** The calendar's time zone, named for calendar apps; the visits are all-day dates in it. Default: not named. */
  timeZone?: string;
  /** The language of the events' descriptions and the default name: `en` (default) or `vi`, for the field's phones. */
  language?: CalendarLanguage;
};

/** Languages the visits' calendar is written in. */
export type CalendarLanguage = 'en' | 'vi';

/** What a visit's event says, in each language; hours with one decimal (a comma in Vietnamese). */
const WORDS: Record<
  CalendarLanguage,
  {
    calendarName(team: string): string;
    /** The place by its name and code (a commune, ward or town: no word for its kind). */
    commune(place: string, communeId: string, days: number): string;
    hours(drive: number, work: number): string;
    dossiers(dossiers: number, perDay: readonly { date: string; dossiers: number }[]): string;
    alsoServes(communeIds: string): string;
    part(k: number, parts: number, from: string, to: string): string;
  }
> = {
  en: {
    calendarName: (team) => `Visits — ${team}`,
    commune: (place, id, days) =>
      `${place === id ? `Code ${id}` : `${place} (code ${id})`}, ${days} open day${days === 1 ? '' : 's'}.`,
    hours: (drive, work) => `Drive before: ${round1(drive)} h. Work: ${round1(work)} h.`,
    dossiers: (n, perDay) => `Expected dossiers: ${n}${listed(perDay, String)}.`,
    alsoServes: (ids) => `Also serves: ${ids}.`,
    part: (k, parts, from, to) =>
      `Part ${k} of ${parts} of the stay ${from} – ${to}: the team stands down between.`,
  },
  vi: {
    calendarName: (team) => `Lịch lưu động — ${team}`,
    commune: (place, id, days) =>
      `${place === id ? `Mã ${id}` : `${place} (mã ${id})`}, ${days} ngày mở cửa.`,
    hours: (drive, work) =>
      `Di chuyển trước: ${decimalComma(round1(drive))} giờ. Làm việc: ${decimalComma(round1(work))} giờ.`,
    dossiers: (n, perDay) => `Số hồ sơ dự kiến: ${groupedVi(n)}${listed(perDay, groupedVi)}.`,
    alsoServes: (ids) => `Phục vụ cả: ${ids}.`,
    part: (k, parts, from, to) => `Phần ${k}/${parts} của đợt ${from} – ${to}: tổ nghỉ giữa các phần.`,
  },
};

const decimalComma = (x: number): string => String(x).replace('.', ',');
/** Each day's dossiers, ` (2021-03-22: 1543, …)`, counts written by `count`; nothing without days. */
const listed = (days: readonly { date: string; dossiers: number }[], count: (n: number) => string): string =>
  days.length === 0 ? '' : ` (${days.map((d) => `${d.date}: ${count(d.dossiers)}`).join(', ')})`;
/** A whole count with Vietnamese thousands points (4.630). */
const groupedVi = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/**
 * One mobile team's visits as an iCalendar file (RFC 5545) for the field: one all-day VEVENT
 * per run of consecutive days the team works in a commune (a stay the team's crews stand down in
 * the middle of is two events, so a phone never shows the team at work on its days off), named
 * after the commune, with the drive before it and the dossiers expected each day. UIDs come from
 * the scope, team, commune, the visit's number among the team's visits there (1 for the first) and
 * the part of the stay (from 2 on), not from dates, so importing a re-computed calendar moves a
 * visit whose dates changed instead of leaving the old one beside it. DTSTAMP is the plan's first
 * arrival, so the same plan gives the same bytes.
 *
 * @example
 * const plan = planMobileTeams({
 *   calendar: { start: '2021-03-22', deadline: '2021-03-31', timeZone: 'Asia/Ho_Chi_Minh' },
 *   teams: [{ id: 'T1', machines: 2 }],
 *   service: { minutesPerDossier: 60 / 17 },
 *   home: { latitude: 12.0, longitude: 107.7 },
 *   communes: [{ id: 'A', demand: 408, location: { latitude: 12.1, longitude: 107.7 } }],
 * });
 * plan.status === 'planned' && itineraryToICalendar(plan, 'T1', { uidScope: 's1' }).split('\r\n').filter((l) => l.startsWith('UID:'))
 * // => ['UID:s1/T1/A/visit-1@muster.itinerary']
 */
export function itineraryToICalendar(
  plan: MobilePlan,
  team: string,
  options: ItineraryToICalendarOptions = {},
): string {
  const teams = requireArray(requireRecord(plan, 'plan').teams, 'plan.teams') as TeamItinerary[];
  const name = requireString(team, 'team');
  const itinerary = teams.find((t) => t.team === name);
  if (itinerary === undefined) {
    throw new PlanningInputError({
      path: 'team',
      code: 'unknown-reference',
      expected: 'one of the plan’s teams',
      received: team,
    });
  }
  const opts = requireRecord(options, 'options');
  const scope = optionalString(opts.uidScope, 'uidScope');
  const language = opts.language ?? 'en';
  if (language !== 'en' && language !== 'vi') {
    throw new PlanningInputError({
      path: 'language',
      code: 'unknown-reference',
      expected: 'en or vi',
      received: opts.language,
    });
  }
  const words = WORDS[language];
  const calendarName = optionalString(opts.calendarName, 'calendarName') ?? words.calendarName(name);
  const zone = opts.timeZone === undefined ? undefined : requireTimeZone(opts.timeZone, 'timeZone');

  const communeName = new Map((plan.communes ?? []).map((c) => [c.communeId, c.name]));
  const firstArrival =
    [...teams.flatMap((t) => t.visits.map((v) => v.arriveDate)), plan.deadline].sort()[0] ?? plan.deadline;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Muster//Itineraries//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
    ...(zone === undefined ? [] : [`X-WR-TIMEZONE:${zone}`]),
  ];
  const worked = new Set((itinerary.crews?.assignments ?? []).map((day) => day.date));
  const visitsSoFar = new Map<string, number>();
  for (const visit of itinerary.visits) {
    const nth = (visitsSoFar.get(visit.communeId) ?? 0) + 1;
    visitsSoFar.set(visit.communeId, nth);
    const key = [scope, name, visit.communeId]
      .filter((part) => part !== undefined)
      .map((part) => uidPart(part as string))
      .join('/');
    const place = communeName.get(visit.communeId) ?? visit.communeId;
    const guests = visit.servedCommuneIds.filter((id) => id !== visit.communeId);
    const description = [
      words.commune(place, visit.communeId, visit.days),
      words.hours(visit.travelHoursBefore, visit.workHours),
      words.dossiers(visit.dossiers, visit.dossiersPerDay),
      ...(guests.length === 0
        ? []
        : [words.alsoServes(guests.map((id) => communeName.get(id) ?? id).join(', '))]),
    ].join('\n');
    const parts = workingRuns(visit.arriveDate, visit.leaveDate, worked);
    parts.forEach((part, k) => {
      const partNote =
        parts.length === 1 ? '' : `\n${words.part(k + 1, parts.length, visit.arriveDate, visit.leaveDate)}`;
      lines.push(
        'BEGIN:VEVENT',
        `UID:${key}/visit-${nth}${k === 0 ? '' : `-part-${k + 1}`}@muster.itinerary`,
        `DTSTAMP:${basicDate(firstArrival)}T000000Z`,
        `DTSTART;VALUE=DATE:${basicDate(part.from)}`,
        `DTEND;VALUE=DATE:${basicDate(nextDate(part.to))}`,
        `SUMMARY:${escapeText(`${place} — ${name}`)}`,
        `LOCATION:${escapeText(place)}`,
        `DESCRIPTION:${escapeText(description + partNote)}`,
        'TRANSP:OPAQUE',
        'END:VEVENT',
      );
    });
  }
  lines.push('END:VCALENDAR');
  return calendarText(lines);
}

/**
 * The runs of consecutive dates from `from` to `to` (both included) that are in `worked`; the whole
 * span when `worked` holds none of them (an itinerary without its roster).
 */
function workingRuns(from: string, to: string, worked: ReadonlySet<string>): { from: string; to: string }[] {
  const runs: { from: string; to: string }[] = [];
  let open: { from: string; to: string } | null = null;
  for (let date = from; date <= to; date = nextDate(date)) {
    if (!worked.has(date)) {
      open = null;
      continue;
    }
    if (open === null) {
      open = { from: date, to: date };
      runs.push(open);
    } else open.to = date;
  }
  return runs.length === 0 ? [{ from, to }] : runs;
}

/** All-day events end on the day after the last, exclusive (RFC 5545 §3.6.1). */
function nextDate(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: 'UTC' }).plus({ days: 1 }).toISODate() ?? isoDate;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
