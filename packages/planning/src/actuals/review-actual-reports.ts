import { setAside } from '../_internal/problems.ts';
import { requireArray } from '../_internal/validate.ts';
import { MalformedReportsError } from '../errors/malformed-reports-error.ts';
import type { PlanningInputError } from '../errors/planning-input-error.ts';
import {
  type ReadOptions,
  type ReadReport,
  readOptions,
  readReport,
} from './_internal/read-reviewed-reports.ts';
import { aboveTwentyFourHours, dossiersIn24Hours } from './_internal/twenty-four-hours.ts';
import type { ReportFinding, ReviewActualReportsOptions, ReviewedReport } from './types.ts';

/** The reports of one area and day, as plan vs actual adds them up for the area's figure. */
type TeamDay = {
  areaCode: string;
  date: string;
  /** The teams' reports that give no machines working, and their dossiers. */
  reports: number;
  dossiers: number;
  /** Whether one of them gives machines working, or the area gave a total of its own (which wins). */
  judgedAlone: boolean;
  /** The last team report without machines in the list: the one `day-above-planned-machines` names. */
  last: number;
  /** The area's own total (the first, if several): the day's figure, its teams' set aside. */
  total: number | undefined;
  /** Every team report of the day, machines given or not, and their dossiers. */
  teamReports: number;
  teamDossiers: number;
  /** The last of the day's reports in the list, total or team: the one `total-below-team-reports` names. */
  lastOfDay: number;
};

/**
 * A finding about `field` of the report at `index`: its place and field carried apart for callers
 * that name the report otherwise, and its message naming it first (`reports[3].dossiers: …`).
 */
function finding(
  index: number,
  field: ReportFinding['field'],
  severity: ReportFinding['severity'],
  code: ReportFinding['code'],
  reason: string,
): ReportFinding {
  const path = `reports[${index}].${field}`;
  return { path, index, field, severity, code, reason, message: `${path}: ${reason}` };
}

/**
 * What one report's figures say alone: impossible (dossiers with no machine working, or in no
 * hour open), or "a report's dossiers are no more than its machines do in 24 hours" broken, its
 * machines those it reports or, when it reports none, those planned in its area.
 */
function judgeReport(report: ReadReport, index: number, options: ReadOptions): ReportFinding | null {
  const { dossiers, machines, hours } = report;
  if (dossiers > 0 && machines === 0) {
    return finding(
      index,
      'machinesWorking',
      'impossible',
      'dossiers-without-machines',
      `${dossiers} dossiers cannot be taken with 0 machines working`,
    );
  }
  if (dossiers > 0 && hours === 0) {
    return finding(
      index,
      'hoursOpen',
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
    index,
    'dossiers',
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
    day.last,
    'dossiers',
    'unlikely',
    'day-above-planned-machines',
    `the ${day.reports} reports of area ${day.areaCode} on ${day.date}, none giving machines working, add up to ${day.dossiers} dossiers, above the ${maximum} that the ${machines} planned there do${planned === 1 ? 'es' : ''} in 24 hours at ${minutesPerDossier} minutes a dossier`,
  );
}

/** Minutes as a message writes them: to the hundredth at most. */
const minutesText = (minutes: number) => String(Math.round(minutes * 100) / 100);

/**
 * "Machines stand still only while the site is open." Downtime above the minutes open of the
 * machines working (`hoursOpen × 60 × machinesWorking`, or above 0 when open 0 hours) cannot be,
 * whether it counts the site's minutes or each machine's: impossible. Above `hoursOpen × 60` alone,
 * with several machines or none given, it can be only as several machines' minutes added up:
 * unlikely.
 */
function downtimeAboveOpen(report: ReadReport, index: number): ReportFinding | null {
  const { downtimeMinutes, hours, machines } = report;
  if (downtimeMinutes === undefined || hours === undefined) return null;
  // Rounded to the millionth: 7.3 hours are 438 minutes, not 437.99999999999994.
  const openMinutes = Math.round(hours * 60 * 1e6) / 1e6;
  if (downtimeMinutes <= openMinutes) return null;
  const open = `${hours} hour${hours === 1 ? '' : 's'} open (${minutesText(openMinutes)} minutes)`;
  if (hours === 0 || machines === 1) {
    return finding(
      index,
      'downtimeMinutes',
      'impossible',
      'downtime-above-hours-open',
      `${downtimeMinutes} minutes of downtime cannot fit in ${open}${machines === 1 ? ' on 1 machine' : ''}`,
    );
  }
  if (machines !== undefined && machines > 1) {
    const machineMinutes = Math.round(openMinutes * machines * 1e6) / 1e6;
    if (downtimeMinutes > machineMinutes) {
      return finding(
        index,
        'downtimeMinutes',
        'impossible',
        'downtime-above-hours-open',
        `${downtimeMinutes} minutes of downtime cannot fit in ${open} on ${machines} machines, even counting each machine's minutes (${machines} × ${minutesText(openMinutes)} = ${minutesText(machineMinutes)} machine-minutes)`,
      );
    }
    return finding(
      index,
      'downtimeMinutes',
      'unlikely',
      'downtime-above-hours-open',
      `${downtimeMinutes} minutes of downtime are more than the ${open}: only as the minutes of the ${machines} machines added up (${minutesText(machineMinutes)} at most)`,
    );
  }
  return finding(
    index,
    'downtimeMinutes',
    'unlikely',
    'downtime-above-hours-open',
    `${downtimeMinutes} minutes of downtime are more than the ${open}: only as the minutes of several machines added up`,
  );
}

/**
 * "An area's own total for a day is at least what its teams reported there that day." The total
 * wins (it is the area's figure for the day, in plan vs actual and the replan), so a total below
 * its teams' reports sets aside dossiers they say they took. Named on the last of the day's reports.
 */
function totalBelowTeams(day: TeamDay): ReportFinding | null {
  const { total, teamReports, teamDossiers } = day;
  if (total === undefined || teamReports === 0 || total >= teamDossiers) return null;
  const teams =
    teamReports === 1
      ? `its team's report of ${teamDossiers} dossiers set aside`
      : `its ${teamReports} team reports, ${teamDossiers} dossiers together, set aside`;
  return finding(
    day.lastOfDay,
    'dossiers',
    'unlikely',
    'total-below-team-reports',
    `area ${day.areaCode}'s own total on ${day.date}, ${total} dossiers, is counted and ${teams} (an area's own total wins over its teams' reports): check the total and the teams' figures`,
  );
}

/** Adds a report to the reports of its area and day (a report without either is in none). */
function addToTeamDay(teamDays: Map<string, TeamDay>, report: ReadReport, index: number): void {
  const { date, areaCode } = report;
  if (date === undefined || areaCode === undefined) return;
  const key = `${date} ${areaCode}`;
  let teamDay = teamDays.get(key);
  if (teamDay === undefined) {
    teamDay = {
      areaCode,
      date,
      reports: 0,
      dossiers: 0,
      judgedAlone: false,
      last: index,
      total: undefined,
      teamReports: 0,
      teamDossiers: 0,
      lastOfDay: index,
    };
    teamDays.set(key, teamDay);
  }
  teamDay.lastOfDay = index;
  if (report.teamCode === undefined) teamDay.total ??= report.dossiers;
  else {
    teamDay.teamReports++;
    teamDay.teamDossiers += report.dossiers;
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
 * in its area (`plannedMachines`); unlikely when the teams' reports of one area and day, none
 * giving machines, add up to more than those planned there do in 24 hours (the finding names the
 * last of them); unlikely when an area's own total for a day is below its teams' reports of that
 * day, which it sets aside (named on the last of the day's reports, total or team); and a downtime
 * above the minutes open (`hoursOpen × 60`): impossible above those of the machines working even
 * counted per machine (`× machinesWorking`; with 1 machine, or open 0 hours, any more), else
 * unlikely.
 *
 * The options are read first: a malformed one throws `PlanningInputError` naming it. Malformed
 * figures of the reports (a downtime above a whole day of each machine working, `1440 ×
 * machinesWorking` minutes, 1440 without machines, is one) throw {@link MalformedReportsError}, a
 * `PlanningInputError` naming the first, after every report is read: its `problems` name every one of the batch (in report order,
 * each report's in the order of its fields), its `findings` are what the other figures show.
 *
 * @example
 * reviewActualReports([{ date: '2021-03-20', areaCode: '665', dossiers: 500, machinesWorking: 1 }], { minutesPerDossier: 3.5 })
 * // => [{ path: 'reports[0].dossiers', index: 0, field: 'dossiers', severity: 'unlikely', code: 'above-service-capacity',
 * //       reason: '500 dossiers on 1 machine is 500 a machine-day, above the 411 that 3.5 minutes a dossier allow in 24 hours',
 * //       message: 'reports[0].dossiers: 500 dossiers on 1 machine is 500 a machine-day, above the 411 that 3.5 minutes a dossier allow in 24 hours' }]
 */
export function reviewActualReports(
  reports: readonly ReviewedReport[],
  options: ReviewActualReportsOptions = {},
): ReportFinding[] {
  const against = readOptions(options);
  const problems: PlanningInputError[] = [];
  const findings: ReportFinding[] = [];
  const teamDays = new Map<string, TeamDay>();
  const checkedDates = new Set<string>();
  let list: unknown[] = [];
  try {
    list = requireArray(reports, 'reports');
  } catch (error) {
    setAside(error, problems);
  }
  list.forEach((item, index) => {
    const report = readReport(item, `reports[${index}]`, checkedDates, problems);
    if (report === null) return;
    addToTeamDay(teamDays, report, index);
    const judged = judgeReport(report, index, against);
    if (judged) findings.push(judged);
    const downtime = downtimeAboveOpen(report, index);
    if (downtime) findings.push(downtime);
  });
  const minutes = against.minutesPerDossier;
  for (const teamDay of teamDays.values()) {
    const below = totalBelowTeams(teamDay);
    if (below) findings.push(below);
    if (minutes === undefined) continue;
    const judged = teamDayAbovePlanned(teamDay, against.plannedMachines.get(teamDay.areaCode), minutes);
    if (judged) findings.push(judged);
  }
  // In list order: a day's finding names its last report.
  const inOrder = findings.sort((a, b) => a.index - b.index);
  const [first, ...others] = problems;
  if (first !== undefined) throw new MalformedReportsError([first, ...others], inOrder);
  return inOrder;
}
