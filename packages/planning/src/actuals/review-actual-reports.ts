import { requireArray } from '../_internal/validate.ts';
import { MalformedReportsError } from '../errors/malformed-reports-error.ts';
import type { PlanningInputError } from '../errors/planning-input-error.ts';
import {
  type ReadOptions,
  type ReadReport,
  readOptions,
  readReport,
  setAside,
} from './_internal/read-reviewed-reports.ts';
import { aboveTwentyFourHours, dossiersIn24Hours } from './_internal/twenty-four-hours.ts';

/** A report as the field sends it, with the figures that describe its day. */
export type ReviewedReport = {
  /** ISO date. */
  date: string;
  areaCode: string;
  teamCode?: string | null;
  dossiers: number;
  machinesWorking?: number | null;
  /** Hours the site was open that day, 0 to 24. */
  hoursOpen?: number | null;
  /** Minutes machines stood still that day, 0 to 1440. */
  downtimeMinutes?: number | null;
};

/**
 * Something a report's figures cannot or are unlikely to be: `impossible` (dossiers taken with no
 * machine working or with the site closed all day), `unlikely` (more dossiers per machine-day than
 * the service time allows in 24 hours: `above-service-capacity` for one report,
 * `day-above-planned-machines` for the teams' reports of one area and day that give no machines,
 * added up against the machines planned there).
 */
export type ReportFinding = {
  /** The report and figure, e.g. `reports[3].dossiers`. */
  path: string;
  severity: 'impossible' | 'unlikely';
  code:
    | 'dossiers-without-machines'
    | 'dossiers-while-closed'
    | 'above-service-capacity'
    | 'day-above-planned-machines';
  message: string;
};

export type ReviewActualReportsOptions = {
  /**
   * Minutes a machine takes per dossier at best (the fastest service of the campaigns the reports
   * belong to). Without it, no report is judged unlikely.
   */
  minutesPerDossier?: number;
  /**
   * Machines the plan puts in each area, by area code (`plannedMachinesByArea`): a report that
   * gives no machines working is judged against its area's, as `compareWithActuals` judges a day.
   * Without it (or for an area it leaves out or gives none), such a report is not judged unlikely.
   * Every count is checked, those of areas no report names too.
   */
  plannedMachines?: Readonly<Record<string, number | null>>;
};

/** The teams' reports of one area and day, as plan vs actual adds them up for the area's figure. */
type TeamDay = {
  areaCode: string;
  date: string;
  reports: number;
  dossiers: number;
  /** Whether one of them gives machines working, or the area gave a total of its own (which wins). */
  judgedAlone: boolean;
  /** The last of them in the list: the one the finding names. */
  last: number;
};

/** A finding about the figure at `path`, its message naming it first. */
function finding(
  path: string,
  severity: ReportFinding['severity'],
  code: ReportFinding['code'],
  says: string,
): ReportFinding {
  return { path, severity, code, message: `${path}: ${says}` };
}

/**
 * What one report's figures say alone: impossible (dossiers with no machine working, or in no
 * hour open), or "a report's dossiers are no more than its machines do in 24 hours" broken, its
 * machines those it reports or, when it reports none, those planned in its area.
 */
function judgeReport(report: ReadReport, at: string, options: ReadOptions): ReportFinding | null {
  const { dossiers, machines, hours } = report;
  if (dossiers > 0 && machines === 0) {
    return finding(
      `${at}.machinesWorking`,
      'impossible',
      'dossiers-without-machines',
      `${dossiers} dossiers cannot be taken with 0 machines working`,
    );
  }
  if (dossiers > 0 && hours === 0) {
    return finding(
      `${at}.hoursOpen`,
      'impossible',
      'dossiers-while-closed',
      `${dossiers} dossiers cannot be taken in 0 hours open`,
    );
  }
  const minutes = options.minutesPerDossier;
  if (minutes === undefined || dossiers === 0) return null;
  // A report that says no machines is judged by those its area is planned to have.
  const judged =
    machines ?? (report.areaCode === undefined ? undefined : options.plannedMachines.get(report.areaCode));
  if (judged === undefined || judged === 0 || !aboveTwentyFourHours(dossiers, judged, minutes)) return null;
  const on =
    machines === undefined
      ? `the ${judged} machine${judged === 1 ? '' : 's'} planned there (none reported)`
      : `${judged} machine${judged === 1 ? '' : 's'}`;
  return finding(
    `${at}.dossiers`,
    'unlikely',
    'above-service-capacity',
    `${dossiers} dossiers on ${on} is ${Math.round(dossiers / judged)} a machine-day, above the ${Math.floor(dossiersIn24Hours(1, minutes))} that ${minutes} minutes a dossier allow in 24 hours`,
  );
}

/**
 * "The teams' reports of one area and day, none giving machines working, add up to no more than the
 * machines planned in the area do in 24 hours." Each is judged alone against those machines too, so
 * only a day of several is judged here; a day with the area's own total is judged by that total.
 */
function teamDayAbovePlanned(
  day: TeamDay,
  planned: number | undefined,
  minutesPerDossier: number,
): ReportFinding | null {
  if (day.judgedAlone || day.reports < 2 || planned === undefined || planned === 0) return null;
  if (!aboveTwentyFourHours(day.dossiers, planned, minutesPerDossier)) return null;
  const maximum = Math.floor(dossiersIn24Hours(planned, minutesPerDossier));
  const machines = `${planned === 1 ? 'machine' : `${planned} machines`}`;
  return finding(
    `reports[${day.last}].dossiers`,
    'unlikely',
    'day-above-planned-machines',
    `the ${day.reports} reports of area ${day.areaCode} on ${day.date}, none giving machines working, add up to ${day.dossiers} dossiers, above the ${maximum} that the ${machines} planned there do${planned === 1 ? 'es' : ''} in 24 hours at ${minutesPerDossier} minutes a dossier`,
  );
}

/** Adds a report to the teams' reports of its area and day (a report without either is in none). */
function addToTeamDay(teamDays: Map<string, TeamDay>, report: ReadReport, index: number): void {
  const { date, areaCode } = report;
  if (date === undefined || areaCode === undefined) return;
  const key = `${date} ${areaCode}`;
  let teamDay = teamDays.get(key);
  if (teamDay === undefined) {
    teamDay = { areaCode, date, reports: 0, dossiers: 0, judgedAlone: false, last: index };
    teamDays.set(key, teamDay);
  }
  if (report.teamCode === undefined || report.machines !== undefined) teamDay.judgedAlone = true;
  else {
    teamDay.reports++;
    teamDay.dossiers += report.dossiers;
    teamDay.last = index;
  }
}

/**
 * Checks every figure of a batch of field reports and says which reports are impossible or
 * unlikely: unlikely when a report's dossiers are more than its machines can do in 24 hours at
 * `minutesPerDossier`, its machines being those it reports or, when it reports none, those planned
 * in its area (`plannedMachines`); and unlikely when the teams' reports of one area and day, none
 * giving machines, add up to more than those planned there do in 24 hours (the finding names the
 * last of them).
 *
 * The options are read first: a malformed one throws `PlanningInputError` naming it. Malformed
 * figures of the reports throw {@link MalformedReportsError}, a `PlanningInputError` naming the
 * first, after every report is read: its `problems` name every one of the batch (in report order,
 * each report's in the order of its fields), its `findings` are what the other figures show.
 *
 * @example
 * reviewActualReports([{ date: '2021-03-20', areaCode: '665', dossiers: 500, machinesWorking: 1 }], { minutesPerDossier: 3.5 })
 * // => [{ path: 'reports[0].dossiers', severity: 'unlikely', code: 'above-service-capacity',
 * //       message: 'reports[0].dossiers: 500 dossiers on 1 machine is 500 a machine-day, above the 411 that 3.5 minutes a dossier allow in 24 hours' }]
 */
export function reviewActualReports(
  reports: readonly ReviewedReport[],
  options: ReviewActualReportsOptions = {},
): ReportFinding[] {
  const against = readOptions(options);
  const problems: PlanningInputError[] = [];
  const findings: { index: number; finding: ReportFinding }[] = [];
  const teamDays = new Map<string, TeamDay>();
  const checkedDates = new Set<string>();
  let list: unknown[] = [];
  try {
    list = requireArray(reports, 'reports');
  } catch (error) {
    setAside(error, problems);
  }
  list.forEach((item, index) => {
    const at = `reports[${index}]`;
    const report = readReport(item, at, checkedDates, problems);
    if (report === null) return;
    addToTeamDay(teamDays, report, index);
    const judged = judgeReport(report, at, against);
    if (judged) findings.push({ index, finding: judged });
  });
  const minutes = against.minutesPerDossier;
  if (minutes !== undefined) {
    for (const teamDay of teamDays.values()) {
      const judged = teamDayAbovePlanned(teamDay, against.plannedMachines.get(teamDay.areaCode), minutes);
      if (judged) findings.push({ index: teamDay.last, finding: judged });
    }
  }
  // In list order: a day's finding names its last report.
  const inOrder = findings.sort((a, b) => a.index - b.index).map(({ finding }) => finding);
  const [first, ...others] = problems;
  if (first !== undefined) throw new MalformedReportsError([first, ...others], inOrder);
  return inOrder;
}
