// Every check of a batch before anything is written: the planning library reviews the figures
// (malformed ones throw, impossible ones are refused here, unlikely ones and dates outside every
// campaign come back as warnings, by the review plan vs actual makes too: review-reports.ts);
// the service adds what only it knows: the dates a report may carry, the areas and teams that
// exist, a team's home area and whether it is retired, the size of counts, notes and keys, and one
// report per batch entry; and it warns of more machines working than the reporting team has, when
// its sender may see that team. Every check runs, so that a refusal names every problem at once.
import {
  MalformedReportsError,
  PlanningInputError,
  type ReportFinding,
  reviewActualReports,
} from '@muster/planning';
import { DateTime } from 'luxon';
import { isInSubtree, withinScope } from '../../auth/access.ts';
import type { Principal } from '../../auth/tokens.ts';
import { asInputError, DuplicateEntryError, NotFoundError, throwInputErrors } from '../../errors.ts';
import { MAX_MACHINES_PER_AREA } from '../../planning/campaign-bounds.ts';
import { DEFAULT_CAMPAIGN_TIME_ZONE, type ReportContext } from './report-context.ts';
import { findingsOfMachinesWorking, type IndexedFinding, reviewReports } from './review-reports.ts';

/** Largest batch accepted in one call: bigger ones belong in several calls. */
export const MAX_REPORTS_PER_BATCH = 5000;
/** The first day a report may carry: nothing earlier belongs to a campaign this service plans. */
export const REPORT_DATE_FLOOR = '2020-01-01';
/**
 * Most dossiers one report may carry: a million in a day is some 3,500 machines round the clock at
 * 5 minutes, beyond any area's day, and keeps the sums of thousands of reports within GraphQL's Int.
 */
export const MAX_DOSSIERS_PER_REPORT = 1_000_000;
const MAX_NOTE_LENGTH = 2000;
const MAX_KEY_LENGTH = 200;

export type CheckedReport = {
  date: string;
  areaCode: string;
  teamCode?: string | null;
  idempotencyKey?: string | null;
  dossiers: number;
  machinesWorking?: number | null;
  hoursOpen?: number | null;
  downtimeMinutes?: number | null;
  note?: string | null;
};

/** What a check refuses: a bad value, or an area named that does not exist. */
type Problem = PlanningInputError | NotFoundError;

function refusal(
  path: string,
  code: PlanningInputError['code'],
  expected: string,
  received: unknown,
): PlanningInputError {
  return new PlanningInputError({ path, code, expected, received });
}

function refuse(path: string, code: PlanningInputError['code'], expected: string, received: unknown): never {
  throw refusal(path, code, expected, received);
}

/**
 * The latest date a report of `areaCode` may carry: tomorrow in the zone of its campaigns (the
 * latest of them, when several cover it), so that a report made just after midnight anywhere in
 * the campaign is taken, and nothing from further ahead. `byZones` keeps the answer for each set
 * of zones: a file's thousands of areas share a few.
 */
function latestDate(
  context: ReportContext,
  areaCode: string,
  now: DateTime,
  byZones: Map<string, string> = new Map(),
): string {
  const zones = context.campaignsOf(areaCode).map((campaign) => campaign.timeZone);
  const key = zones.join(' ');
  let latest = byZones.get(key);
  if (latest === undefined) {
    const candidates = (zones.length > 0 ? zones : [DEFAULT_CAMPAIGN_TIME_ZONE]).map(
      (zone) => now.setZone(zone).plus({ days: 1 }).toISODate() ?? '',
    );
    latest = candidates.sort().at(-1) ?? '';
    byZones.set(key, latest);
  }
  return latest;
}

/** Refuses a date before {@link REPORT_DATE_FLOOR} or after tomorrow in the campaign's zone. */
export function checkReportDate(
  date: string,
  areaCode: string,
  context: ReportContext,
  path: string,
  now: DateTime = DateTime.now(),
  latest: string = latestDate(context, areaCode, now),
): void {
  if (date < REPORT_DATE_FLOOR || date > latest) {
    refuse(
      path,
      'range',
      `a date from ${REPORT_DATE_FLOOR} to ${latest} (tomorrow in the campaign's time zone)`,
      date,
    );
  }
}

/** The sizes a report holds to: dossiers, machines, note and key, each refused on its own. */
function sizeRefusals(report: CheckedReport, at: string): PlanningInputError[] {
  const refused: PlanningInputError[] = [];
  if (report.dossiers > MAX_DOSSIERS_PER_REPORT) {
    refused.push(
      refusal(
        `${at}.dossiers`,
        'range',
        `at most ${MAX_DOSSIERS_PER_REPORT.toLocaleString('en')} dossiers in one report`,
        report.dossiers,
      ),
    );
  }
  // As many as an area may be given in a plan: one report of 20,000,000 machines set a district's
  // observed pace at 0.00003 dossiers a machine-day, and every replan at that pace.
  if (report.machinesWorking != null && report.machinesWorking > MAX_MACHINES_PER_AREA) {
    refused.push(
      refusal(
        `${at}.machinesWorking`,
        'range',
        `at most ${MAX_MACHINES_PER_AREA.toLocaleString('en')} machines, as many as an area may be given`,
        report.machinesWorking,
      ),
    );
  }
  if (report.note != null && report.note.length > MAX_NOTE_LENGTH) {
    refused.push(
      refusal(
        `${at}.note`,
        'range',
        `at most ${MAX_NOTE_LENGTH} characters`,
        `${report.note.length} characters`,
      ),
    );
  }
  const key = report.idempotencyKey;
  if (key != null && !(key.length >= 1 && key.length <= MAX_KEY_LENGTH)) {
    refused.push(
      refusal(`${at}.idempotencyKey`, 'format', `null or a key of 1 to ${MAX_KEY_LENGTH} characters`, key),
    );
  }
  return refused;
}

/** The area and team a report names: known, in service, the area within the team's home area. */
function referenceRefusals(report: CheckedReport, at: string, context: ReportContext): Problem[] {
  const refused: Problem[] = [];
  const areaPath = context.areaPaths.get(report.areaCode);
  if (areaPath === undefined) refused.push(new NotFoundError('area', report.areaCode, `${at}.areaCode`));
  if (!report.teamCode) return refused;
  const home = context.teamHomes.get(report.teamCode);
  if (!home) {
    refused.push(refusal(`${at}.teamCode`, 'unknown-reference', 'the code of a known team', report.teamCode));
    return refused;
  }
  // A retired team is planned no more and records nothing more, whoever sends it (its reporters' tokens too).
  if (home.retired) {
    refused.push(
      refusal(
        `${at}.teamCode`,
        'conflict',
        `a team in service (team ${report.teamCode} is retired and records no more reports)`,
        report.teamCode,
      ),
    );
  }
  if (areaPath !== undefined && !isInSubtree(areaPath, home.homePath)) {
    refused.push(
      refusal(
        `${at}.areaCode`,
        'conflict',
        `an area within team ${report.teamCode}'s home area ${home.homeAreaCode}`,
        report.areaCode,
      ),
    );
  }
  return refused;
}

/**
 * "A team's report gives at most the machines the team works with" (`Team.machines`, as it is at
 * recording). More is a team that borrowed machines, or a typing error: a warning, not a refusal.
 * Only recording judges it: plan vs actual reads stored reports against no team's machines, which
 * change with time. A team its sender may not see (based above the sender's area: a province's
 * team in a district planner's tally) is not judged: the warning would quote its machines, and,
 * worded without them, still tell whether it has fewer than typed (resending corrections would
 * tell how many), while the sender could not look the team up to judge the warning.
 */
function findingsOfTeamMachines(
  reports: readonly CheckedReport[],
  context: ReportContext,
  sender: Principal,
): IndexedFinding[] {
  return findingsOfMachinesWorking(reports, (machines, report) => {
    const team = report.teamCode ? context.teamHomes.get(report.teamCode) : undefined;
    if (team === undefined || machines <= team.machines || !withinScope(sender, team.homePath)) return null;
    return {
      severity: 'unlikely',
      code: 'machines-above-team',
      reason: `${machines} machines working, more than the ${team.machines} team ${report.teamCode} works with: machines borrowed, or a typing error?`,
    };
  });
}

/**
 * One batch names each report once: by its idempotency key and by its date, area and team. Two
 * entries for one report would make the batch's outcome depend on their order.
 */
function checkDistinct(reports: readonly CheckedReport[], attempt: (check: () => void) => void): void {
  const byKey = new Map<string, number>();
  const byDay = new Map<string, number>();
  reports.forEach((report, index) => {
    const at = `reports[${index}]`;
    const key = report.idempotencyKey;
    if (key != null) {
      const earlier = byKey.get(key);
      if (earlier === undefined) byKey.set(key, index);
      else {
        attempt(() => {
          throw new DuplicateEntryError({
            path: `${at}.idempotencyKey`,
            expected: `a key not already used by reports[${earlier}] of this batch`,
            received: key,
            firstIndex: earlier,
          });
        });
      }
    }
    const day = JSON.stringify([report.date, report.areaCode, report.teamCode ?? '']);
    const earlier = byDay.get(day);
    if (earlier === undefined) byDay.set(day, index);
    else {
      attempt(() => {
        throw new DuplicateEntryError({
          path: at,
          expected: `one report per date, area and team in a batch (reports[${earlier}] has the same)`,
          received: `${report.date}, area ${report.areaCode}${report.teamCode ? `, team ${report.teamCode}` : ''}`,
          firstIndex: earlier,
        });
      });
    }
  });
}

/**
 * The library's findings about the batch's figures, every malformed one put into `problems`: the
 * library names them all, and what the batch's other figures show, each malformed one read as not
 * given.
 */
function reviewFigures(reports: readonly CheckedReport[], problems: Problem[]): readonly ReportFinding[] {
  try {
    return reviewActualReports(reports);
  } catch (error) {
    if (!(error instanceof MalformedReportsError)) throw error;
    problems.push(...error.problems);
    return error.findings;
  }
}

/** The report a problem names (`reports[3].date` is 3), or -1 for the batch as a whole. */
function reportIndexOf(problem: Problem): number {
  const match = /^reports\[(\d+)\]/.exec(problem.path);
  return match ? Number(match[1]) : -1;
}

export type CheckReportsOptions = {
  /** Largest batch (default {@link MAX_REPORTS_PER_BATCH}; a spreadsheet import takes its row limit). */
  maxReports?: number;
  /**
   * When given, every refusal is collected here (an unknown area as one more `PlanningInputError`),
   * for a spreadsheet to name each by its cell; by default the batch is refused by throwing them.
   */
  refusals?: PlanningInputError[];
  /** The time the latest date a report may carry is reckoned from. Default: now. */
  now?: DateTime;
};

/**
 * Refuses the batch naming every problem of every report, in report order: the one problem
 * alone, as its check found it (`PlanningInputError`, `NotFoundError` of an unknown area), or
 * several in one `InputErrors` ({@link throwInputErrors}); or collects them into `options.refusals`.
 * Returns the warnings about the unlikely reports, judged against what `sender` may see, a day of
 * team reports with those already stored for it (`context.storedTeamDays`).
 */
export function checkReports(
  reports: readonly CheckedReport[],
  context: ReportContext,
  sender: Principal,
  options: CheckReportsOptions = {},
): IndexedFinding[] {
  const maxReports = options.maxReports ?? MAX_REPORTS_PER_BATCH;
  if (reports.length > maxReports) {
    refuse('reports', 'range', `at most ${maxReports} reports per batch`, `${reports.length} reports`);
  }
  const now = options.now ?? DateTime.now();
  const problems: Problem[] = [];
  const attempt = (check: () => void): void => {
    try {
      check();
    } catch (error) {
      if (error instanceof PlanningInputError || error instanceof NotFoundError) problems.push(error);
      else throw error;
    }
  };
  // The figures, by the library's rules: every malformed one named (hours open 25 and a downtime
  // of 2,000 minutes in one report are two), the impossible ones of the others refused: why in
  // `expected` (the library's sentence, whole: "600 minutes of downtime cannot fit in 4 hours open
  // …"), the figure refused as `received`.
  for (const finding of reviewFigures(reports, problems)) {
    if (finding.severity !== 'impossible') continue;
    problems.push(
      refusal(
        finding.path,
        'conflict',
        `figures that can be true together: ${finding.reason}`,
        reports[finding.index]?.[finding.field],
      ),
    );
  }
  // A file's 100,000 reports name a few thousand areas under a few campaigns: each area's latest
  // date looked up once, each set of time zones worked out once.
  const latestByZones = new Map<string, string>();
  const latestDates = new Map<string, string>();
  const latestOf = (areaCode: string): string => {
    let latest = latestDates.get(areaCode);
    if (latest === undefined) {
      latest = latestDate(context, areaCode, now, latestByZones);
      latestDates.set(areaCode, latest);
    }
    return latest;
  };
  reports.forEach((report, index) => {
    const at = `reports[${index}]`;
    problems.push(...sizeRefusals(report, at), ...referenceRefusals(report, at, context));
    attempt(() =>
      checkReportDate(report.date, report.areaCode, context, `${at}.date`, now, latestOf(report.areaCode)),
    );
  });
  checkDistinct(reports, attempt);
  if (problems.length > 0) {
    // A stable sort: each report's problems stay in the order of the checks.
    problems.sort((a, b) => reportIndexOf(a) - reportIndexOf(b));
    if (options.refusals) {
      options.refusals.push(...problems.map(asInputError));
      return [];
    }
    throwInputErrors(problems);
  }
  // A day of team reports is judged with those already stored for it.
  const reviewed = reviewReports(reports, (areaCode) => context.campaignsOf(areaCode), {
    stored: context.storedTeamDays,
  });
  return [...reviewed, ...findingsOfTeamMachines(reports, context, sender)].sort((a, b) => a.index - b.index);
}
