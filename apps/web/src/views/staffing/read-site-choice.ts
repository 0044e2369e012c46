// The staffing page's boxes as typed, checked in the browser before the service is asked (the page
// recalculates as the planner types, so a wrong box must never reach the service): the day within
// the campaign, the site's own visitors, hours and machines, the wait target. A wrong box is named
// under it in the reader's language and the last good figures stay on screen.

import type { ArrivalProfile } from '../../gql/graphql.ts';
import {
  checkDay,
  checkHours,
  type FieldProblem,
  MAX_MACHINES_AT_A_SITE,
  MINUTES_PER_DOSSIER,
  readNumber,
} from '../../i18n/field-checks.ts';
import type { StaffingDays } from './staffing-days.ts';

export type SiteTexts = {
  siteCode: string;
  /** `yyyy-MM-dd`; blank: the daily target. */
  date: string;
  profile: ArrivalProfile;
  waitTargetMinutes: string;
  dailyVisitors: string;
  open: string;
  close: string;
  machinesAvailable: string;
  minutesPerDossier: string;
};

/** The form as it opens for a site: every box blank, so every figure is the scenario's. */
export function blankSiteTexts(siteCode: string): SiteTexts {
  return {
    siteCode,
    date: '',
    profile: 'MIXED',
    waitTargetMinutes: '',
    dailyVisitors: '',
    open: '',
    close: '',
    machinesAvailable: '',
    minutesPerDossier: '',
  };
}

/** What the service is asked; null or blank: the scenario's. */
export type SiteChoice = {
  siteCode: string;
  date: string;
  profile: ArrivalProfile;
  waitTargetMinutes: number | null;
  dailyVisitors: number | null;
  /** `HH:mm`, both given or both blank (the scenario's). */
  open: string;
  close: string;
  machinesAvailable: number | null;
  /** The site's own minutes a dossier; null: the scenario's. */
  minutesPerDossier: number | null;
};

export type SiteBox =
  | 'date'
  | 'waitTargetMinutes'
  | 'dailyVisitors'
  | 'open'
  | 'close'
  | 'machinesAvailable'
  | 'minutesPerDossier';

/**
 * The most people a day the service plans for one site at once (the API's MAX_SITE_VISITORS, in
 * apps/api/src/limits/work.ts): a bigger site is named under the box, with the limit, never asked.
 */
export const MAX_DAILY_VISITORS = 8_000;
/** A mean wait longer than a day is no target (the service refuses it). */
const MAX_WAIT_MINUTES = 1440;

/** The scenario's opening hours, `HH:mm`: what the hours' boxes show when blank. */
export type ScenarioHours = { open: string; close: string };

/**
 * The boxes read back for a site staffed on `days` (null: no day, only the daily target) in a
 * scenario open `scenarioHours`: the choice, or each wrong box and why.
 *
 * @example readSiteChoice({ ...texts, dailyVisitors: '-5' }, { from: '2021-03-15', to: '2021-06-30' }, { open: '05:00', close: '24:00' })
 * // { ok: false, problems: { dailyVisitors: { key: 'staffing.visitorsRange', min: 0, max: 8000 } } }
 */
export function readSiteChoice(
  texts: SiteTexts,
  days: StaffingDays | null,
  scenarioHours: ScenarioHours,
): { ok: true; choice: SiteChoice } | { ok: false; problems: Partial<Record<SiteBox, FieldProblem>> } {
  const problems: Partial<Record<SiteBox, FieldProblem>> = {};
  const day = days
    ? checkDay(texts.date, days.from, days.to)
    : texts.date === ''
      ? null
      : { key: 'staffing.noDay' as const };
  if (day) problems.date = day;
  const figure = (box: SiteBox, read: ReturnType<typeof readNumber>): number | null => {
    if ('problem' in read) {
      problems[box] = read.problem;
      return null;
    }
    return read.value;
  };
  const visitors = readNumber(texts.dailyVisitors, { min: 0, max: MAX_DAILY_VISITORS, whole: true });
  const dailyVisitors = figure(
    'dailyVisitors',
    // Out of bounds, the box says why its bound is where it is: the most the service plans for a site.
    'problem' in visitors && visitors.problem.key === 'check.wholeRange'
      ? { problem: { ...visitors.problem, key: 'staffing.visitorsRange' } }
      : visitors,
  );
  const machinesAvailable = figure(
    'machinesAvailable',
    readNumber(texts.machinesAvailable, { min: 1, max: MAX_MACHINES_AT_A_SITE, whole: true }),
  );
  const waitTargetMinutes = figure(
    'waitTargetMinutes',
    readNumber(texts.waitTargetMinutes, { min: 0, max: MAX_WAIT_MINUTES, aboveMin: true }),
  );
  const minutesPerDossier = figure(
    'minutesPerDossier',
    readNumber(texts.minutesPerDossier, MINUTES_PER_DOSSIER),
  );
  let [open, close] = [texts.open.trim(), texts.close.trim()];
  // Both blank: the scenario's hours, left to the service. One given: the other is the scenario's,
  // as its blank box shows, so changing only the close keeps the opening (the service takes both).
  if (open !== '' || close !== '') {
    [open, close] = [open || scenarioHours.open, close || scenarioHours.close];
    Object.assign(problems, checkHours(open, close));
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    choice: {
      siteCode: texts.siteCode,
      date: texts.date,
      profile: texts.profile,
      waitTargetMinutes,
      dailyVisitors,
      open,
      close,
      machinesAvailable,
      minutesPerDossier,
    },
  };
}
