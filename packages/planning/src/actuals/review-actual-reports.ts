import {
  optionalNumber,
  optionalString,
  requireArray,
  requireIsoDate,
  requireNumber,
  requireRecord,
  requireString,
} from '../_internal/validate.ts';

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
   */
  plannedMachines?: Readonly<Record<string, number | null>>;
};

const MINUTES_PER_DAY = 1440;

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
  if (day.dossiers / planned <= MINUTES_PER_DAY / minutesPerDossier) return null;
  const at = `reports[${day.last}].dossiers`;
  const maximum = Math.floor((planned * MINUTES_PER_DAY) / minutesPerDossier);
  const machines = `${planned === 1 ? 'machine' : `${planned} machines`}`;
  return {
    path: at,
    severity: 'unlikely',
    code: 'day-above-planned-machines',
    message: `${at}: the ${day.reports} reports of area ${day.areaCode} on ${day.date}, none giving machines working, add up to ${day.dossiers} dossiers, above the ${maximum} that the ${machines} planned there do${planned === 1 ? 'es' : ''} in 24 hours at ${minutesPerDossier} minutes a dossier`,
  };
}

/**
 * Checks every figure of a batch of field reports (a malformed one throws `PlanningInputError`
 * naming it) and says which reports are impossible or unlikely: unlikely when a report's dossiers
 * are more than its machines can do in 24 hours at `minutesPerDossier`, its machines being those
 * it reports or, when it reports none, those planned in its area (`plannedMachines`); and unlikely
 * when the teams' reports of one area and day, none giving machines, add up to more than those
 * planned there do in 24 hours (the finding names the last of them).
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
  const minutes =
    options.minutesPerDossier === undefined
      ? undefined
      : requireNumber(options.minutesPerDossier, 'options.minutesPerDossier', { min: 0, minExclusive: true });
  const planned =
    options.plannedMachines === undefined
      ? undefined
      : requireRecord(options.plannedMachines, 'options.plannedMachines');
  const plannedIn = (areaCode: string): number | undefined =>
    planned !== undefined && Object.hasOwn(planned, areaCode)
      ? optionalNumber(planned[areaCode] ?? undefined, `options.plannedMachines.${areaCode}`, {
          min: 0,
          integer: true,
        })
      : undefined;
  const findings: { index: number; finding: ReportFinding }[] = [];
  const teamDays = new Map<string, TeamDay>();
  // Reports share few dates: each distinct date is checked (with luxon) once.
  const checkedDates = new Set<string>();
  requireArray(reports, 'reports').forEach((item, index) => {
    const at = `reports[${index}]`;
    const report = requireRecord(item, at);
    const date = requireString(report.date, `${at}.date`);
    if (!checkedDates.has(date)) {
      requireIsoDate(date, `${at}.date`, 'UTC');
      checkedDates.add(date);
    }
    const areaCode = requireString(report.areaCode, `${at}.areaCode`);
    const teamCode = optionalString(report.teamCode ?? undefined, `${at}.teamCode`);
    const dossiers = requireNumber(report.dossiers, `${at}.dossiers`, { min: 0, integer: true });
    const machines = optionalNumber(report.machinesWorking ?? undefined, `${at}.machinesWorking`, {
      min: 0,
      integer: true,
    });
    const hours = optionalNumber(report.hoursOpen ?? undefined, `${at}.hoursOpen`, { min: 0, max: 24 });
    optionalNumber(report.downtimeMinutes ?? undefined, `${at}.downtimeMinutes`, {
      min: 0,
      max: MINUTES_PER_DAY,
      integer: true,
    });
    const key = `${date} ${areaCode}`;
    let teamDay = teamDays.get(key);
    if (teamDay === undefined) {
      teamDay = { areaCode, date, reports: 0, dossiers: 0, judgedAlone: false, last: index };
      teamDays.set(key, teamDay);
    }
    if (teamCode === undefined || machines !== undefined) teamDay.judgedAlone = true;
    else {
      teamDay.reports++;
      teamDay.dossiers += dossiers;
      teamDay.last = index;
    }
    if (dossiers > 0 && machines === 0) {
      findings.push({
        index,
        finding: {
          path: `${at}.machinesWorking`,
          severity: 'impossible',
          code: 'dossiers-without-machines',
          message: `${at}.machinesWorking: ${dossiers} dossiers cannot be taken with 0 machines working`,
        },
      });
    } else if (dossiers > 0 && hours === 0) {
      findings.push({
        index,
        finding: {
          path: `${at}.hoursOpen`,
          severity: 'impossible',
          code: 'dossiers-while-closed',
          message: `${at}.hoursOpen: ${dossiers} dossiers cannot be taken in 0 hours open`,
        },
      });
    } else if (minutes !== undefined && dossiers > 0) {
      // A report that says no machines is judged by those its area is planned to have.
      const judged = machines ?? plannedIn(areaCode);
      if (judged !== undefined && judged > 0 && dossiers / judged > MINUTES_PER_DAY / minutes) {
        const on =
          machines === undefined
            ? `the ${judged} machine${judged === 1 ? '' : 's'} planned there (none reported)`
            : `${judged} machine${judged === 1 ? '' : 's'}`;
        findings.push({
          index,
          finding: {
            path: `${at}.dossiers`,
            severity: 'unlikely',
            code: 'above-service-capacity',
            message: `${at}.dossiers: ${dossiers} dossiers on ${on} is ${Math.round(dossiers / judged)} a machine-day, above the ${Math.floor(MINUTES_PER_DAY / minutes)} that ${minutes} minutes a dossier allow in 24 hours`,
          },
        });
      }
    }
  });
  if (minutes !== undefined) {
    for (const teamDay of teamDays.values()) {
      const finding = teamDayAbovePlanned(teamDay, plannedIn(teamDay.areaCode), minutes);
      if (finding) findings.push({ index: teamDay.last, finding });
    }
  }
  // In list order: a day's finding names its last report.
  return findings.sort((a, b) => a.index - b.index).map(({ finding }) => finding);
}
