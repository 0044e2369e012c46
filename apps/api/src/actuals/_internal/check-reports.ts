// Every check of a batch before anything is written: the planning library reviews the figures
// (malformed ones throw, impossible ones are refused here, unlikely ones and dates outside every
// campaign come back as warnings, by the review plan vs actual makes too: review-reports.ts);
// the service adds what only it knows: the dates a report may carry, the areas and teams that
// exist, a team's home area and whether it is retired, the size of counts, notes and keys, and one
// report per batch entry; and it warns of more machines working than the reporting team has.
import { PlanningInputError, type ReportFinding, reviewActualReports } from '@muster/planning';
import { DateTime } from 'luxon';
import { isInSubtree } from '../../auth/access.ts';
import { DuplicateEntryError, NotFoundError } from '../../errors.ts';
import { MAX_MACHINES_PER_AREA } from '../../planning/campaign-bounds.ts';
import { DEFAULT_CAMPAIGN_TIME_ZONE, type ReportContext } from './report-context.ts';
import { type IndexedFinding, reviewReports } from './review-reports.ts';

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

function refuse(path: string, code: PlanningInputError['code'], expected: string, received: unknown): never {
  throw new PlanningInputError({ path, code, expected, received });
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

function checkSizes(report: CheckedReport, at: string): void {
  if (report.dossiers > MAX_DOSSIERS_PER_REPORT) {
    refuse(
      `${at}.dossiers`,
      'range',
      `at most ${MAX_DOSSIERS_PER_REPORT.toLocaleString('en')} dossiers in one report`,
      report.dossiers,
    );
  }
  // As many as an area may be given in a plan: one report of 20,000,000 machines set a district's
  // observed pace at 0.00003 dossiers a machine-day, and every replan at that pace.
  if (report.machinesWorking != null && report.machinesWorking > MAX_MACHINES_PER_AREA) {
    refuse(
      `${at}.machinesWorking`,
      'range',
      `at most ${MAX_MACHINES_PER_AREA.toLocaleString('en')} machines, as many as an area may be given`,
      report.machinesWorking,
    );
  }
  if (report.note != null && report.note.length > MAX_NOTE_LENGTH) {
    refuse(
      `${at}.note`,
      'range',
      `at most ${MAX_NOTE_LENGTH} characters`,
      `${report.note.length} characters`,
    );
  }
  const key = report.idempotencyKey;
  if (key != null && !(key.length >= 1 && key.length <= MAX_KEY_LENGTH)) {
    refuse(`${at}.idempotencyKey`, 'format', `null or a key of 1 to ${MAX_KEY_LENGTH} characters`, key);
  }
}

function checkReferences(report: CheckedReport, at: string, context: ReportContext): void {
  const areaPath = context.areaPaths.get(report.areaCode);
  if (areaPath === undefined) throw new NotFoundError('area', report.areaCode, `${at}.areaCode`);
  if (report.teamCode) {
    const home = context.teamHomes.get(report.teamCode);
    if (!home) refuse(`${at}.teamCode`, 'unknown-reference', 'the code of a known team', report.teamCode);
    // A retired team is planned no more and records nothing more, whoever sends it (its reporters' tokens too).
    if (home.retired) {
      refuse(
        `${at}.teamCode`,
        'conflict',
        `a team in service (team ${report.teamCode} is retired and records no more reports)`,
        report.teamCode,
      );
    }
    if (!isInSubtree(areaPath, home.homePath)) {
      refuse(
        `${at}.areaCode`,
        'conflict',
        `an area within team ${report.teamCode}'s home area ${home.homeAreaCode}`,
        report.areaCode,
      );
    }
  }
}

/**
 * "A team's report gives at most the machines the team works with" (`Team.machines`, as it is at
 * recording). More is a team that borrowed machines, or a typing error: a warning, not a refusal.
 * Only recording judges it: plan vs actual reads stored reports against no team's machines, which
 * change with time.
 */
function findingsOfTeamMachines(reports: readonly CheckedReport[], context: ReportContext): IndexedFinding[] {
  return reports.flatMap((report, index) => {
    const machines = report.machinesWorking;
    const team = report.teamCode ? context.teamHomes.get(report.teamCode) : undefined;
    if (machines == null || team === undefined || machines <= team.machines) return [];
    const path = `reports[${index}].machinesWorking`;
    return [
      {
        index,
        path,
        severity: 'unlikely' as const,
        code: 'machines-above-team' as const,
        message: `${path}: ${machines} machines working, more than the ${team.machines} team ${report.teamCode} works with: machines borrowed, or a typing error?`,
      },
    ];
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

export type CheckReportsOptions = {
  /** Largest batch (default {@link MAX_REPORTS_PER_BATCH}; a spreadsheet import takes its row limit). */
  maxReports?: number;
  /**
   * When given, every refusal is collected here and the checks go on (a spreadsheet names all its
   * bad rows at once); by default the batch is refused at its first.
   */
  refusals?: PlanningInputError[];
};

/**
 * Refuses the batch at its first bad report (or collects every refusal into
 * `options.refusals`); returns the warnings about the unlikely ones.
 */
export function checkReports(
  reports: readonly CheckedReport[],
  context: ReportContext,
  now: DateTime = DateTime.now(),
  options: CheckReportsOptions = {},
): IndexedFinding[] {
  const maxReports = options.maxReports ?? MAX_REPORTS_PER_BATCH;
  if (reports.length > maxReports) {
    refuse('reports', 'range', `at most ${maxReports} reports per batch`, `${reports.length} reports`);
  }
  const collected = options.refusals;
  const attempt = (check: () => void): void => {
    try {
      check();
    } catch (error) {
      if (!collected) throw error;
      if (error instanceof PlanningInputError) collected.push(error);
      // A file names its rows: an unknown area is one more bad cell there, not the file's answer.
      else if (error instanceof NotFoundError) {
        collected.push(
          new PlanningInputError({
            path: error.path,
            code: 'unknown-reference',
            expected: `the code of a known ${error.resource}`,
            received: error.key,
          }),
        );
      } else throw error;
    }
  };
  // The figures, by the library's rules: malformed ones throw, naming the report. A file names
  // every malformed row (hours open 25, a downtime of 2,000 minutes), each report read alone once
  // the whole batch is seen to hold one; its other checks wait for those to be mended.
  let findings: ReportFinding[];
  try {
    findings = reviewActualReports(reports);
  } catch (error) {
    if (!collected || !(error instanceof PlanningInputError)) throw error;
    reports.forEach((report, index) => {
      try {
        reviewActualReports([report]);
      } catch (one) {
        if (!(one instanceof PlanningInputError)) throw one;
        collected.push(
          new PlanningInputError({
            path: one.path.replace(/^reports\[0\]/, `reports[${index}]`),
            code: one.code,
            expected: one.expected,
            received: one.receivedValue,
          }),
        );
      }
    });
    // A rule of the whole batch that no report breaks alone: refused as the batch.
    if (collected.length === 0) collected.push(error);
    return [];
  }
  const impossible = findings.filter((finding) => finding.severity === 'impossible');
  for (const finding of collected ? impossible : impossible.slice(0, 1)) {
    attempt(() =>
      refuse(
        finding.path,
        'conflict',
        'figures that can be true together',
        finding.message.replace(/^\S+: /, ''),
      ),
    );
  }
  const warnings = [
    ...reviewReports(reports, (areaCode) => context.campaignsOf(areaCode)),
    ...findingsOfTeamMachines(reports, context),
  ].sort((a, b) => a.index - b.index);
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
    attempt(() => {
      checkSizes(report, at);
      checkReferences(report, at, context);
      checkReportDate(report.date, report.areaCode, context, `${at}.date`, now, latestOf(report.areaCode));
    });
  });
  checkDistinct(reports, attempt);
  return warnings;
}
