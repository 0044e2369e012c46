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
import { PlanningInputError } from '../../errors/planning-input-error.ts';
import { MINUTES_PER_DAY } from '../../time/_internal/minutes-per-day.ts';
import type { ReviewActualReportsOptions } from '../types.ts';

/** Reading the reports `reviewActualReports` judges: every malformed figure named, none stopping the others. */

const COUNT: NumberRule = { min: 0, integer: true };
const HOURS_OPEN: NumberRule = { min: 0, max: 24 };

/**
 * "Downtime is at most a whole day of each machine working": `1440 × machinesWorking`
 * machine-minutes, the minutes of several machines being added up; 1440 when the report gives no
 * machines, or 0 (a day of the one that stood still). `machines` is null when the report's are
 * malformed: no bound to read the downtime against (the machines are the figure to mend), so only
 * its kind is checked. A refusal with machines names the bound with them.
 */
function readDowntimeMinutes(
  value: unknown,
  path: string,
  machines: number | undefined | null,
): number | undefined {
  if (machines === null) return optionalNumber(value, path, { min: 0, integer: true });
  if (!machines) return optionalNumber(value, path, { min: 0, max: MINUTES_PER_DAY, integer: true });
  try {
    return optionalNumber(value, path, { min: 0, max: MINUTES_PER_DAY * machines, integer: true });
  } catch (error) {
    if (!(error instanceof PlanningInputError)) throw error;
    const counted = `${MINUTES_PER_DAY} minutes a day × ${machines} machine${machines === 1 ? '' : 's'} working`;
    throw new PlanningInputError({
      path,
      code: error.code,
      expected: `${error.expected} (${counted})`,
      received: value,
    });
  }
}

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
  // Null when given and malformed: the downtime has no bound to be read against.
  let machines: number | undefined | null;
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
    machines = null;
  }
  try {
    hours = optionalNumber(report.hoursOpen ?? undefined, `${at}.hoursOpen`, HOURS_OPEN);
  } catch (error) {
    setAside(error, problems);
  }
  try {
    downtimeMinutes = readDowntimeMinutes(
      report.downtimeMinutes ?? undefined,
      `${at}.downtimeMinutes`,
      machines,
    );
  } catch (error) {
    setAside(error, problems);
  }
  return dossiers === undefined
    ? null
    : { date, areaCode, teamCode, dossiers, machines: machines ?? undefined, hours, downtimeMinutes };
}
