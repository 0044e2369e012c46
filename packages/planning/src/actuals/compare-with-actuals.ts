import { DateTime } from 'luxon';
import { requireIsoDate, requireNumber, requireRecord } from '../_internal/validate.ts';
import { plannedDailySeriesOf } from '../campaign/_internal/daily-series.ts';
import { planPreparedCampaign } from '../campaign/_internal/plan-prepared-campaign.ts';
import { type PlannedLeafDays, plannedLeafDays } from '../campaign/_internal/planned-leaf-days.ts';
import { capacityOf, prepareCampaign, requireAreaIndex } from '../campaign/_internal/prepare-campaign.ts';
import type { AreaPlan, CampaignInput } from '../campaign/types.ts';
import type { AreaNode } from '../demand/area-tree.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { DEFAULT_HORIZON_DAYS } from '../time/_internal/horizon.ts';
import { forecastFrom } from './_internal/forecast.ts';
import { ACTUALS_DEFAULTS, plannedMachinesByNode, rowsByNode } from './_internal/plan-rows.ts';
import { plannedOfCovered } from './_internal/planned-of-covered.ts';
import { createDayFigures, figuresOfDay, readReports } from './_internal/read-reports.ts';
import { createRollUp, leafCounts, rollUpDay, subtreeOrder } from './_internal/roll-up.ts';
import { dayAboveMaximum, paceDiffers, partialDay } from './_internal/warnings.ts';
import type { ActualDayReport, ActualsWarning, CompletionForecast, DayReporting } from './types.ts';

/** Longest span compared in one call: ten years of days, the horizon of the open-day walk. */
const MAX_COMPARED_DAYS = DEFAULT_HORIZON_DAYS;

export type CompareWithActualsOptions = {
  /** First day shown. Default: the campaign start. */
  from?: string;
  /** Last day shown. Default: the last planned or reported day. */
  to?: string;
  /** Pace warning beyond this share of the planned dossiers per machine-day. Default 0.2. */
  paceWarningShare?: number;
};

export type ComparedDay = {
  date: string;
  planned: number;
  cumulativePlanned: number;
  /** Null when nobody in the area reported that day; on a partial day, what the areas that reported did. */
  actual: number | null;
  /** Everything reported from the campaign start (or `from`, if earlier) up to this day. */
  cumulativeActual: number;
  /** Whether the day's reports cover the whole area, part of it, or none of it. */
  reporting: DayReporting;
  /** Leaves covered by the day's reports (of `PlanComparison.leaves`). */
  reportedLeaves: number;
  /** The plan of the part that reported: `planned` on a complete day, null on a day without reports. */
  plannedOfReported: number | null;
  /** `actual − plannedOfReported`: on a partial day only the areas that reported are compared. */
  variance: number | null;
  /** `cumulativeActual − cumulativePlanned`: what is recorded against the plan, unreported days counting nothing yet. */
  cumulativeVariance: number;
  machinesWorking: number | null;
  dossiersPerMachineDay: number | null;
};

export type PlanComparison = {
  areaCode: string;
  from: string;
  to: string;
  demand: number;
  /** Leaves (communes) under the area. */
  leaves: number;
  plannedCompletionDate: string | null;
  days: ComparedDay[];
  totalPlanned: number;
  totalActual: number;
  /** Dossiers per machine-day over the days that reported machines working; null without such days. */
  observedDossiersPerMachineDay: number | null;
  observedMachineDays: number;
  /** Dossiers one machine does on an average open day in the plan, at the area's service. */
  plannedDossiersPerMachineDay: number;
  /** Null until at least one complete day with dossiers was reported. */
  forecast: CompletionForecast | null;
  /** Figures above a day's maximum in the area or below it, a pace off the plan's, partial days. */
  warnings: ActualsWarning[];
};

const isoOf = (day: DateTime): string => day.toISODate() as string;

/**
 * An area's plan day by day next to what the field reported: variance, throughput per
 * machine-day where reports say how many machines worked, warnings, and when the rest will be
 * done at the mean, best and worst observed daily rates (counting only open days). Reports below
 * the area roll up the tree; where an area reports its own total for a day, that total wins over
 * its children's (a province figure is not added to its districts'). A day when only some areas
 * below reported is `partial`: its variance compares what they did with their part of the plan,
 * and the forecast leaves it out, so a missing report is never read as zero.
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
  const node = prep.tree.nodes[area] as AreaNode;
  const plan = planPreparedCampaign(prep);
  const rows = rowsByNode(prep, plan);
  const row = rows[area] as AreaPlan;
  const series = plannedDailySeriesOf(prep, area);
  const order = subtreeOrder(prep.tree, area);
  const inArea = new Uint8Array(prep.tree.nodes.length);
  for (const index of order) inArea[index] = 1;
  const read = readReports(reports, prep.tree.byCode);

  const opts = requireRecord(options, 'options');
  const marginShare =
    opts.paceWarningShare === undefined
      ? ACTUALS_DEFAULTS.paceWarningShare
      : requireNumber(opts.paceWarningShare, 'paceWarningShare', { min: 0 });
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
  const fromDate = isoOf(from);
  const toDate = toArg ? isoOf(toArg) : null;
  const keep = (report: number) => {
    const date = read.dates[read.day[report] as number] as string;
    return (
      inArea[read.area[report] as number] === 1 && date >= firstDate && (toDate === null || date <= toDate)
    );
  };
  // The dates with a report kept, by their index among the reports' dates.
  const reportedDays = new Map<string, number>();
  read.dates.forEach((date, d) => {
    for (let k = read.dayStart[d] as number; k < (read.dayStart[d + 1] as number); k++) {
      if (keep(read.byDay[k] as number)) {
        reportedDays.set(date, d);
        return;
      }
    }
  });
  const lastReported = [...reportedDays.keys()].at(-1);
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

  const leaves = leafCounts(prep.tree);
  const roll = createRollUp(prep.tree.nodes.length);
  const figures = createDayFigures(prep.tree.nodes.length);
  const plannedMachines = plannedMachinesByNode(prep, rows);
  // Planned days per leaf are needed only for partial days.
  let leafDays: PlannedLeafDays | null = null;
  let leafDayIndex: Map<string, number> | null = null;
  const warnings: ActualsWarning[] = [];
  const partialWarnings: ActualsWarning[] = [];
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
    const dayIndex = reportedDays.get(date);
    if (dayIndex !== undefined) {
      figuresOfDay(read, dayIndex, keep, figures);
      rollUpDay(prep.tree, order, figures, leaves, roll);
    }
    const reported = dayIndex !== undefined && roll.reported[area] === 1;
    const actual = reported ? (roll.dossiers[area] as number) : null;
    cumulativeActual += actual ?? 0;
    if (day < from) continue;
    const plannedCount = plannedDay?.planned ?? 0;
    totalPlanned += plannedCount;
    const reportedLeaves = reported ? (roll.covered[area] as number) : 0;
    const reporting: DayReporting = !reported
      ? 'none'
      : reportedLeaves >= (leaves[area] as number)
        ? 'complete'
        : 'partial';
    let plannedOfReported: number | null = null;
    if (reporting === 'complete') plannedOfReported = plannedCount;
    if (reporting === 'partial') {
      leafDays ??= plannedLeafDays(prep, area);
      leafDayIndex ??= new Map(leafDays.days.map((open, k) => [open.date, k]));
      const k = leafDayIndex.get(date);
      plannedOfReported = k === undefined ? 0 : plannedOfCovered(prep, area, figures, roll, leafDays, k);
      const missing = node.children
        .filter((child) => roll.reported[child] === 0)
        .map((child) => prep.tree.nodes[child] as AreaNode);
      const warning = partialDay(node, date, reportedLeaves, leaves[area] as number, missing);
      if (warning) partialWarnings.push(warning);
    }
    if (actual !== null) {
      totalActual += actual;
      if (actual > 0 && reporting === 'complete') rates.push(actual);
    }
    const machinesValue = reported ? (roll.machines[area] as number) : Number.NaN;
    const machines = Number.isNaN(machinesValue) ? null : machinesValue;
    if (actual !== null && machines !== null && machines > 0) {
      machineDays += machines;
      dossiersOnMachineDays += actual;
    }
    if (dayIndex !== undefined) {
      for (const at of figures.areas) {
        const working = figures.machines[at] as number;
        const warning = dayAboveMaximum(
          prep.tree.nodes[at] as AreaNode,
          date,
          { dossiers: figures.dossiers[at] as number, machines: Number.isNaN(working) ? null : working },
          plannedMachines[at] ?? null,
          capacityOf(prep, at).meanMinutesPerDossier,
        );
        if (warning) warnings.push(warning);
      }
    }
    days.push({
      date,
      planned: plannedCount,
      cumulativePlanned,
      actual,
      cumulativeActual,
      reporting,
      reportedLeaves,
      plannedOfReported,
      variance: actual === null || plannedOfReported === null ? null : actual - plannedOfReported,
      cumulativeVariance: cumulativeActual - cumulativePlanned,
      machinesWorking: machines,
      dossiersPerMachineDay: actual !== null && machines !== null && machines > 0 ? actual / machines : null,
    });
  }
  const observed = machineDays > 0 ? dossiersOnMachineDays / machineDays : null;
  const observedDays = days.filter((d) => d.dossiersPerMachineDay !== null).length;
  const pace =
    observed === null
      ? null
      : paceDiffers(node, observed, row.dailyCapacityPerMachine, observedDays, marginShare);
  if (pace) warnings.unshift(pace);
  warnings.push(...partialWarnings);

  let forecast: CompletionForecast | null = null;
  if (rates.length > 0 && lastReported !== undefined) {
    const remaining = Math.max(0, row.demand - (days.at(-1)?.cumulativeActual ?? 0));
    forecast = forecastFrom(input, prep, remaining, rates, lastReported);
  }

  return {
    areaCode: node.code,
    from: fromDate,
    to: isoOf(to),
    demand: row.demand,
    leaves: leaves[area] as number,
    plannedCompletionDate: row.completionDate ?? plan.completionDate,
    days,
    totalPlanned,
    totalActual,
    observedDossiersPerMachineDay: observed,
    observedMachineDays: machineDays,
    plannedDossiersPerMachineDay: row.dailyCapacityPerMachine,
    forecast,
    warnings,
  };
}
