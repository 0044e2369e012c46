import {
  optionalNumber,
  optionalString,
  requireArray,
  requireIsoDate,
  requireNumber,
  requireRecord,
  requireString,
} from '../../_internal/validate.ts';
import { PlanningInputError } from '../../errors/planning-input-error.ts';

/** A report as checked; `area` is the node index of its area in the prepared tree. */
export type Report = {
  date: string;
  area: number;
  teamKey: string;
  dossiers: number;
  machines: number | null;
};

/** One day's reports by the node index of their area. */
export type DayReports = Map<number, Report[]>;

/** Checks the reports against the tree; each is refused with the path of its field. */
export function readReports(value: unknown, byCode: ReadonlyMap<string, number>): Report[] {
  // Reports share few dates: each distinct date is checked (with luxon) once.
  const checkedDates = new Set<string>();
  return requireArray(value, 'reports').map((item, index) => {
    const at = `reports[${index}]`;
    const report = requireRecord(item, at);
    const areaCode = requireString(report.areaCode, `${at}.areaCode`);
    const area = byCode.get(areaCode);
    if (area === undefined) {
      throw new PlanningInputError({
        path: `${at}.areaCode`,
        code: 'unknown-reference',
        expected: 'the code of an area in the plan',
        received: areaCode,
      });
    }
    const date = requireString(report.date, `${at}.date`);
    if (!checkedDates.has(date)) {
      requireIsoDate(date, `${at}.date`, 'UTC');
      checkedDates.add(date);
    }
    return {
      date,
      area,
      teamKey: optionalString(report.teamCode, `${at}.teamCode`) ?? '',
      dossiers: requireNumber(report.dossiers, `${at}.dossiers`, { min: 0, integer: true }),
      machines:
        optionalNumber(report.machinesWorking, `${at}.machinesWorking`, { min: 0, integer: true }) ?? null,
    };
  });
}

/** The reports kept by `keep`, by date (ascending) and then by area. */
export function reportsByDate(
  reports: readonly Report[],
  keep: (report: Report) => boolean,
): Map<string, DayReports> {
  const byDate = new Map<string, DayReports>();
  for (const report of reports) {
    if (!keep(report)) continue;
    let day = byDate.get(report.date);
    if (day === undefined) {
      day = new Map();
      byDate.set(report.date, day);
    }
    const list = day.get(report.area);
    if (list) list.push(report);
    else day.set(report.area, [report]);
  }
  return new Map([...byDate].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * An area's own figure for a day: its area-wide report when there is one (the most aggregated
 * report wins), else the sum of its teams'. Machines are null unless every report counted says.
 */
export function ownFigure(reports: readonly Report[]): { dossiers: number; machines: number | null } {
  const areaWide = reports.find((report) => report.teamKey === '');
  if (areaWide) return { dossiers: areaWide.dossiers, machines: areaWide.machines };
  let dossiers = 0;
  let machines: number | null = 0;
  for (const report of reports) {
    dossiers += report.dossiers;
    machines = machines === null || report.machines === null ? null : machines + report.machines;
  }
  return { dossiers, machines };
}
