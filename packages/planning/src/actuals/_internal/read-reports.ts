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

/**
 * Reports as checked, one entry per report in parallel arrays (hundreds of thousands of them
 * are read for a national replan), grouped by date in input order.
 */
export type ReadReports = {
  /** The distinct dates, ascending. */
  dates: string[];
  /** Report indices of each date, in input order: those of `dates[d]` are `byDay[dayStart[d]]` up to `byDay[dayStart[d + 1]]`. */
  byDay: Int32Array;
  dayStart: Int32Array;
  /** Index in `dates` of each report's date. */
  day: Int32Array;
  /** Node index of each report's area. */
  area: Int32Array;
  /** 1 for an area's own total, 0 for a team's report. */
  areaWide: Uint8Array;
  dossiers: Float64Array;
  /** NaN when the report does not say. */
  machines: Float64Array;
};

/** Checks the reports against the tree; each is refused with the path of its field. */
export function readReports(value: unknown, byCode: ReadonlyMap<string, number>): ReadReports {
  const list = requireArray(value, 'reports');
  const count = list.length;
  const area = new Int32Array(count);
  const areaWide = new Uint8Array(count);
  const dossiers = new Float64Array(count);
  const machines = new Float64Array(count);
  const dayOf = new Int32Array(count);
  // Reports share few dates: each distinct date is checked (with luxon) once.
  const dateIndex = new Map<string, number>();
  for (let index = 0; index < count; index++) {
    const at = `reports[${index}]`;
    const report = requireRecord(list[index], at);
    const areaCode = requireString(report.areaCode, `${at}.areaCode`);
    const node = byCode.get(areaCode);
    if (node === undefined) {
      throw new PlanningInputError({
        path: `${at}.areaCode`,
        code: 'unknown-reference',
        expected: 'the code of an area in the plan',
        received: areaCode,
      });
    }
    const date = requireString(report.date, `${at}.date`);
    let day = dateIndex.get(date);
    if (day === undefined) {
      requireIsoDate(date, `${at}.date`, 'UTC');
      day = dateIndex.size;
      dateIndex.set(date, day);
    }
    area[index] = node;
    dayOf[index] = day;
    areaWide[index] = optionalString(report.teamCode, `${at}.teamCode`) === undefined ? 1 : 0;
    dossiers[index] = requireNumber(report.dossiers, `${at}.dossiers`, { min: 0, integer: true });
    machines[index] =
      optionalNumber(report.machinesWorking, `${at}.machinesWorking`, { min: 0, integer: true }) ??
      Number.NaN;
  }
  // Dates ascending, then the reports of each date in input order (a counting sort).
  const dates = [...dateIndex.keys()].sort();
  const rank = new Int32Array(dates.length);
  dates.forEach((date, d) => {
    rank[dateIndex.get(date) as number] = d;
  });
  const dayStart = new Int32Array(dates.length + 1);
  for (let index = 0; index < count; index++) {
    const d = rank[dayOf[index] as number] as number;
    dayStart[d + 1] = (dayStart[d + 1] as number) + 1;
  }
  for (let d = 0; d < dates.length; d++)
    dayStart[d + 1] = (dayStart[d + 1] as number) + (dayStart[d] as number);
  const next = dayStart.slice(0, dates.length);
  const byDay = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    const d = rank[dayOf[index] as number] as number;
    dayOf[index] = d;
    byDay[next[d] as number] = index;
    next[d] = (next[d] as number) + 1;
  }
  return { dates, byDay, dayStart, day: dayOf, area, areaWide, dossiers, machines };
}

/**
 * Each area's own figure on one day: its own total when it gave one (the first, if several),
 * else the sum of its teams'. Reused from day to day; `areas` lists those that reported.
 */
export type DayFigures = {
  /** 0: nothing of its own; 1: teams' reports; 2: its own total. */
  kind: Uint8Array;
  dossiers: Float64Array;
  /** NaN when a report counted does not say. */
  machines: Float64Array;
  /** Machines working given by the reports counted (those that give none add nothing). */
  machinesGiven: Float64Array;
  /** The area's team reports of the day added up, counted or set aside by its own total: dossiers. */
  teamDossiers: Float64Array;
  /** How many team reports the area has that day, counted or set aside. */
  teamReports: Int32Array;
  /** The areas with a figure of their own that day, each once. */
  areas: number[];
};

export function createDayFigures(nodes: number): DayFigures {
  return {
    kind: new Uint8Array(nodes),
    dossiers: new Float64Array(nodes),
    machines: new Float64Array(nodes),
    machinesGiven: new Float64Array(nodes),
    teamDossiers: new Float64Array(nodes),
    teamReports: new Int32Array(nodes),
    areas: [],
  };
}

/** Fills `into` with the figures of `reports.dates[day]`, keeping the reports `keep` accepts. */
export function figuresOfDay(
  reports: ReadReports,
  day: number,
  keep: (report: number) => boolean,
  into: DayFigures,
): void {
  const { kind, dossiers, machines, machinesGiven, teamDossiers, teamReports, areas } = into;
  for (const at of areas) kind[at] = 0;
  areas.length = 0;
  for (let k = reports.dayStart[day] as number; k < (reports.dayStart[day + 1] as number); k++) {
    const index = reports.byDay[k] as number;
    if (!keep(index)) continue;
    const at = reports.area[index] as number;
    const was = kind[at] as number;
    const reportDossiers = reports.dossiers[index] as number;
    const reportMachines = reports.machines[index] as number;
    const given = Number.isNaN(reportMachines) ? 0 : reportMachines;
    if (was === 0) {
      areas.push(at);
      teamDossiers[at] = 0;
      teamReports[at] = 0;
    }
    if (reports.areaWide[index] === 1) {
      if (was === 2) continue;
      kind[at] = 2;
      dossiers[at] = reportDossiers;
      machines[at] = reportMachines;
      machinesGiven[at] = given;
      continue;
    }
    // A team's report counts toward the area's figure unless its own total wins; either way it is
    // added up, for the warning of a total below them.
    teamDossiers[at] = (teamDossiers[at] as number) + reportDossiers;
    teamReports[at] = (teamReports[at] as number) + 1;
    if (was === 2) continue;
    kind[at] = 1;
    dossiers[at] = (was === 0 ? 0 : (dossiers[at] as number)) + reportDossiers;
    machines[at] = (was === 0 ? 0 : (machines[at] as number)) + reportMachines;
    machinesGiven[at] = (was === 0 ? 0 : (machinesGiven[at] as number)) + given;
  }
}
