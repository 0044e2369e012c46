import { DateTime } from 'luxon';
import {
  optionalNumber,
  optionalString,
  requireArray,
  requireIsoDate,
  requireNumber,
  requireRecord,
  requireString,
} from '../_internal/validate.ts';
import { plannedDailySeriesOf } from '../campaign/_internal/daily-series.ts';
import { planPreparedCampaign } from '../campaign/_internal/plan-prepared-campaign.ts';
import { prepareCampaign, requireAreaIndex } from '../campaign/_internal/prepare-campaign.ts';
import type { AreaPlan, CampaignInput } from '../campaign/types.ts';
import { isInSubtree } from '../demand/_internal/subtree.ts';
import type { AreaNode, AreaTree } from '../demand/area-tree.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { DEFAULT_HORIZON_DAYS } from '../time/_internal/horizon.ts';
import { listOpenDays, resolveCalendar } from '../time/open-days.ts';

/** Longest span compared in one call: ten years of days, the horizon of the open-day walk. */
const MAX_COMPARED_DAYS = DEFAULT_HORIZON_DAYS;

/** What the field reported for one day: for an area as a whole, or for one team in it. */
export type ActualDayReport = {
  /** ISO date in the campaign's time zone. */
  date: string;
  areaCode: string;
  /** The team that reported; absent or null for the area's own total. */
  teamCode?: string | null;
  dossiers: number;
  machinesWorking?: number | null;
};

export type CompareWithActualsOptions = {
  /** First day shown. Default: the campaign start. */
  from?: string;
  /** Last day shown. Default: the last planned or reported day. */
  to?: string;
};

export type ComparedDay = {
  date: string;
  planned: number;
  cumulativePlanned: number;
  /** Null when nobody in the area reported that day. */
  actual: number | null;
  /** Everything reported from the campaign start (or `from`, if earlier) up to this day. */
  cumulativeActual: number;
  variance: number | null;
  cumulativeVariance: number;
  machinesWorking: number | null;
  dossiersPerMachineDay: number | null;
};

export type CompletionForecast = {
  /** Dossiers still to take after the last reported day. */
  remaining: number;
  /** The open day the last dossier is expected at the mean observed daily rate. */
  expected: string | null;
  /** At the best observed day's rate. */
  earliest: string | null;
  /** At the worst observed day's rate. */
  latest: string | null;
  meanDailyRate: number;
  minDailyRate: number;
  maxDailyRate: number;
  basedOnDays: number;
};

export type PlanComparison = {
  areaCode: string;
  from: string;
  to: string;
  demand: number;
  plannedCompletionDate: string | null;
  days: ComparedDay[];
  totalPlanned: number;
  totalActual: number;
  /** Dossiers per machine-day over the days that reported machines working; null without such days. */
  observedDossiersPerMachineDay: number | null;
  observedMachineDays: number;
  /** Null until at least one day with dossiers was reported. */
  forecast: CompletionForecast | null;
};

type Rolled = { dossiers: number; machines: number | null; reported: boolean };

/** A report as checked; `area` is the node index of its area in the prepared tree. */
type Report = { date: string; area: number; teamKey: string; dossiers: number; machines: number | null };

/** A day's reports by the node index of their area. */
type DayReports = Map<number, Report[]>;

function readReports(value: unknown, byCode: ReadonlyMap<string, number>): Report[] {
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

/**
 * An area's figure for a day: its own area-wide report when there is one (the most aggregated
 * report wins, so a province total is not added to its districts'), else its teams' reports
 * plus its children's figures.
 */
function rollUp(tree: AreaTree, area: number, reports: DayReports): Rolled {
  const own = reports.get(area) ?? [];
  const areaWide = own.find((report) => report.teamKey === '');
  if (areaWide) return { dossiers: areaWide.dossiers, machines: areaWide.machines, reported: true };
  let dossiers = 0;
  let machines: number | null = 0;
  let reported = false;
  const add = (part: Rolled) => {
    if (!part.reported) return;
    reported = true;
    dossiers += part.dossiers;
    machines = machines === null || part.machines === null ? null : machines + part.machines;
  };
  for (const report of own) add({ dossiers: report.dossiers, machines: report.machines, reported: true });
  for (const child of (tree.nodes[area] as AreaNode).children) add(rollUp(tree, child, reports));
  return { dossiers, machines: reported ? machines : null, reported };
}

const isoOf = (day: DateTime): string => day.toISODate() as string;

/**
 * An area's plan day by day next to what the field reported: variance, throughput per
 * machine-day where reports say how many machines worked, and when the rest will be done at the
 * mean, best and worst observed daily rates (counting only open days). Reports below the area
 * roll up the tree; where an area reports its own total for a day, that total wins over its
 * children's (a province figure is not added to its districts').
 *
 * @example
 * const input = {
 *   areas: [{ code: 'x', name: 'X', eligible: 1000 }],
 *   calendar: { start: '2021-03-19', deadline: '2021-03-28' },
 *   hours: { open: '07:30', close: '22:00' },
 *   service: { minutesPerDossier: 3.48 },
 * };
 * compareWithActuals(input, 'x', [{ date: '2021-03-19', areaCode: 'x', dossiers: 50 }]).forecast?.expected
 * // => '2021-04-07'
 */
export function compareWithActuals(
  input: CampaignInput,
  areaCode: string,
  reports: readonly ActualDayReport[],
  options: CompareWithActualsOptions = {},
): PlanComparison {
  // One preparation serves both the plan and its daily series.
  const prep = prepareCampaign(input);
  const area = requireAreaIndex(prep, areaCode);
  const code = (prep.tree.nodes[area] as AreaNode).code;
  const plan = planPreparedCampaign(prep);
  const row = plan.areas.find((candidate) => candidate.code === code) as AreaPlan;
  const series = plannedDailySeriesOf(prep, area);
  const read = readReports(reports, prep.tree.byCode).filter((report) =>
    isInSubtree(prep.tree, report.area, area),
  );

  const opts = requireRecord(options, 'options');
  const start = requireIsoDate(input.calendar.start, 'calendar.start', 'UTC');
  const fromArg = opts.from === undefined ? null : requireIsoDate(opts.from, 'from', 'UTC');
  const toArg = opts.to === undefined ? null : requireIsoDate(opts.to, 'to', 'UTC');
  if (fromArg && toArg && toArg < fromArg) {
    throw new PlanningInputError({
      path: 'to',
      code: 'range',
      expected: `a date on or after from (${isoOf(fromArg)})`,
      received: opts.to,
    });
  }
  const from = fromArg ?? start;
  const first = DateTime.min(from, start);
  const firstDate = isoOf(first);
  const toDate = toArg ? isoOf(toArg) : null;
  const byDate = new Map<string, DayReports>();
  for (const report of read) {
    if (report.date < firstDate || (toDate !== null && report.date > toDate)) continue;
    let day = byDate.get(report.date);
    if (day === undefined) {
      day = new Map();
      byDate.set(report.date, day);
    }
    const list = day.get(report.area);
    if (list) list.push(report);
    else day.set(report.area, [report]);
  }
  const reportedDates = [...byDate.keys()].sort();
  const lastReported = reportedDates.at(-1);
  const planned = new Map(series.map((day) => [day.date, day]));
  const defaultTo = [series.at(-1)?.date, lastReported, isoOf(start)]
    .filter((d): d is string => d !== undefined)
    .sort()
    .at(-1) as string;
  const to = toArg ?? requireIsoDate(defaultTo, 'to', 'UTC');
  const span = Math.round(to.diff(first, 'days').days) + 1;
  if (span > MAX_COMPARED_DAYS) {
    throw new PlanningInputError({
      path: 'to',
      code: 'range',
      expected: `a date at most ${MAX_COMPARED_DAYS} days after the start of the campaign or from`,
      received: isoOf(to),
    });
  }

  const days: ComparedDay[] = [];
  const rates: number[] = [];
  let cumulativePlanned = 0;
  let cumulativeActual = 0;
  let totalPlanned = 0;
  let totalActual = 0;
  let machineDays = 0;
  let dossiersOnMachineDays = 0;
  for (let day = first; day <= to; day = day.plus({ days: 1 })) {
    const date = isoOf(day);
    const plannedDay = planned.get(date);
    if (plannedDay) cumulativePlanned = plannedDay.cumulativePlanned;
    const dayReports = byDate.get(date);
    const rolled = dayReports ? rollUp(prep.tree, area, dayReports) : null;
    const actual = rolled?.reported ? rolled.dossiers : null;
    cumulativeActual += actual ?? 0;
    if (day < from) continue;
    const plannedCount = plannedDay?.planned ?? 0;
    totalPlanned += plannedCount;
    if (actual !== null) {
      totalActual += actual;
      if (actual > 0) rates.push(actual);
    }
    const machines = rolled?.reported ? rolled.machines : null;
    if (actual !== null && machines !== null && machines > 0) {
      machineDays += machines;
      dossiersOnMachineDays += actual;
    }
    days.push({
      date,
      planned: plannedCount,
      cumulativePlanned,
      actual,
      cumulativeActual,
      variance: actual === null ? null : actual - plannedCount,
      cumulativeVariance: cumulativeActual - cumulativePlanned,
      machinesWorking: machines,
      dossiersPerMachineDay: actual !== null && machines !== null && machines > 0 ? actual / machines : null,
    });
  }

  let forecast: CompletionForecast | null = null;
  if (rates.length > 0 && lastReported !== undefined) {
    const doneSoFar = days.at(-1)?.cumulativeActual ?? 0;
    const remaining = Math.max(0, row.demand - doneSoFar);
    const mean = rates.reduce((sum, rate) => sum + rate, 0) / rates.length;
    const min = Math.min(...rates);
    const max = Math.max(...rates);
    const nextDay = isoOf(requireIsoDate(lastReported, 'reports', 'UTC').plus({ days: 1 }));
    const openDaysNeeded = (rate: number) => Math.ceil(remaining / rate);
    // One walk of the open days after the last report serves all three rates: the slowest
    // rate within reach needs the most.
    const longest = Math.max(
      0,
      ...[min, mean, max].map(openDaysNeeded).filter((n) => n <= MAX_COMPARED_DAYS),
    );
    const openDaysAfter =
      remaining === 0 || longest === 0
        ? []
        : listOpenDays(
            resolveCalendar({ ...input.calendar, start: nextDay, deadline: nextDay }),
            prep.window,
            {
              atLeast: longest,
            },
          );
    const finishAt = (rate: number): string | null => {
      if (remaining === 0) return lastReported;
      const needed = openDaysNeeded(rate);
      if (needed > MAX_COMPARED_DAYS) return null;
      return openDaysAfter[needed - 1]?.date ?? null;
    };
    forecast = {
      remaining,
      expected: finishAt(mean),
      earliest: finishAt(max),
      latest: finishAt(min),
      meanDailyRate: mean,
      minDailyRate: min,
      maxDailyRate: max,
      basedOnDays: rates.length,
    };
  }

  return {
    areaCode: code,
    from: isoOf(from),
    to: isoOf(to),
    demand: row.demand,
    plannedCompletionDate: row.completionDate ?? plan.completionDate,
    days,
    totalPlanned,
    totalActual,
    observedDossiersPerMachineDay: machineDays > 0 ? dossiersOnMachineDays / machineDays : null,
    observedMachineDays: machineDays,
    forecast,
  };
}
