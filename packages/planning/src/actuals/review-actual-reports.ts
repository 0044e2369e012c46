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
 * the service time allows in 24 hours).
 */
export type ReportFinding = {
  /** The report and figure, e.g. `reports[3].dossiers`. */
  path: string;
  severity: 'impossible' | 'unlikely';
  code: 'dossiers-without-machines' | 'dossiers-while-closed' | 'above-service-capacity';
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

/**
 * Checks every figure of a batch of field reports (a malformed one throws `PlanningInputError`
 * naming it) and says which reports are impossible or unlikely: unlikely when a report's dossiers
 * are more than its machines can do in 24 hours at `minutesPerDossier`, its machines being those
 * it reports or, when it reports none, those planned in its area (`plannedMachines`).
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
  const findings: ReportFinding[] = [];
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
    optionalString(report.teamCode ?? undefined, `${at}.teamCode`);
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
    if (dossiers > 0 && machines === 0) {
      findings.push({
        path: `${at}.machinesWorking`,
        severity: 'impossible',
        code: 'dossiers-without-machines',
        message: `${at}.machinesWorking: ${dossiers} dossiers cannot be taken with 0 machines working`,
      });
    } else if (dossiers > 0 && hours === 0) {
      findings.push({
        path: `${at}.hoursOpen`,
        severity: 'impossible',
        code: 'dossiers-while-closed',
        message: `${at}.hoursOpen: ${dossiers} dossiers cannot be taken in 0 hours open`,
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
          path: `${at}.dossiers`,
          severity: 'unlikely',
          code: 'above-service-capacity',
          message: `${at}.dossiers: ${dossiers} dossiers on ${on} is ${Math.round(dossiers / judged)} a machine-day, above the ${Math.floor(MINUTES_PER_DAY / minutes)} that ${minutes} minutes a dossier allow in 24 hours`,
        });
      }
    }
  });
  return findings;
}
