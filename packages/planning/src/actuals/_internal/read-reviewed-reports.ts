import { setAside } from '../../_internal/problems.ts';
import {
  type NumberRule,
  optionalNumber,
  optionalString,
  requireIsoDate,
  requireNumber,
  requireRecord,
  requireString,
} from '../../_internal/validate.ts';
import type { PlanningInputError } from '../../errors/planning-input-error.ts';
import { MINUTES_PER_DAY } from '../../time/_internal/minutes-per-day.ts';
import type { ReviewActualReportsOptions } from '../types.ts';

/** Reading the reports `reviewActualReports` judges: every malformed figure named, none stopping the others. */

const COUNT: NumberRule = { min: 0, integer: true };
const HOURS_OPEN: NumberRule = { min: 0, max: 24 };
const DOWNTIME_MINUTES: NumberRule = { min: 0, max: MINUTES_PER_DAY, integer: true };

/** A report's figures as read: a malformed one is not given. */
export type ReadReport = {
  date: string | undefined;
  areaCode: string | undefined;
  teamCode: string | undefined;
  dossiers: number;
  machines: number | undefined;
  hours: number | undefined;
  downtimeMinutes: number | undefined;
};

/** The options read, before any report: a malformed one is refused alone. */
export type ReadOptions = {
  minutesPerDossier: number | undefined;
  /** Machines planned in each area that gives some. */
  plannedMachines: ReadonlyMap<string, number>;
};

/**
 * The options, read before any report: a malformed one throws `PlanningInputError` alone, one
 * problem, and no report is read. Every planned count is checked, those of areas no report names too.
 */
export function readOptions(options: ReviewActualReportsOptions): ReadOptions {
  const minutesPerDossier =
    options.minutesPerDossier === undefined
      ? undefined
      : requireNumber(options.minutesPerDossier, 'options.minutesPerDossier', { min: 0, minExclusive: true });
  const plannedMachines = new Map<string, number>();
  if (options.plannedMachines !== undefined) {
    const given = requireRecord(options.plannedMachines, 'options.plannedMachines');
    for (const [areaCode, machines] of Object.entries(given)) {
      const count = optionalNumber(machines ?? undefined, `options.plannedMachines.${areaCode}`, COUNT);
      if (count !== undefined) plannedMachines.set(areaCode, count);
    }
  }
  return { minutesPerDossier, plannedMachines };
}

/**
 * The figures of the report at `at`, each malformed one put into `problems` (in the order of the
 * fields) and read as not given; null when it is no report or its dossiers are malformed, as
 * nothing is judged without them. `checkedDates`: the dates already found valid (reports share
 * few dates, and luxon reads each once).
 */
export function readReport(
  item: unknown,
  at: string,
  checkedDates: Set<string>,
  problems: PlanningInputError[],
): ReadReport | null {
  let report: Record<string, unknown>;
  try {
    report = requireRecord(item, at);
  } catch (error) {
    setAside(error, problems);
    return null;
  }
  // One try a figure around a plain call, no closure a figure: a file's 100,000 reports are read
  // as fast as when the first malformed figure stopped the batch.
  let date: string | undefined;
  let areaCode: string | undefined;
  let teamCode: string | undefined;
  let dossiers: number | undefined;
  let machines: number | undefined;
  let hours: number | undefined;
  let downtimeMinutes: number | undefined;
  try {
    date = requireString(report.date, `${at}.date`);
    if (!checkedDates.has(date)) {
      requireIsoDate(date, `${at}.date`, 'UTC');
      checkedDates.add(date);
    }
  } catch (error) {
    // A string, perhaps, but no date.
    date = setAside(error, problems);
  }
  try {
    areaCode = requireString(report.areaCode, `${at}.areaCode`);
  } catch (error) {
    setAside(error, problems);
  }
  try {
    teamCode = optionalString(report.teamCode ?? undefined, `${at}.teamCode`);
  } catch (error) {
    setAside(error, problems);
  }
  try {
    dossiers = requireNumber(report.dossiers, `${at}.dossiers`, COUNT);
  } catch (error) {
    setAside(error, problems);
  }
  try {
    machines = optionalNumber(report.machinesWorking ?? undefined, `${at}.machinesWorking`, COUNT);
  } catch (error) {
    setAside(error, problems);
  }
  try {
    hours = optionalNumber(report.hoursOpen ?? undefined, `${at}.hoursOpen`, HOURS_OPEN);
  } catch (error) {
    setAside(error, problems);
  }
  try {
    downtimeMinutes = optionalNumber(
      report.downtimeMinutes ?? undefined,
      `${at}.downtimeMinutes`,
      DOWNTIME_MINUTES,
    );
  } catch (error) {
    setAside(error, problems);
  }
  return dossiers === undefined
    ? null
    : { date, areaCode, teamCode, dossiers, machines, hours, downtimeMinutes };
}
