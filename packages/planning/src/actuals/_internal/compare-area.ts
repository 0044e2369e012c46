import { DateTime } from 'luxon';
import { requireIsoDate, requireNumber, requireRecord } from '../../_internal/validate.ts';
import { plannedDailySeriesOf } from '../../campaign/_internal/daily-series.ts';
import { planPreparedCampaign } from '../../campaign/_internal/plan-prepared-campaign.ts';
import {
  createLeafShares,
  type LeafShares,
  type PlannedLeafDays,
  plannedLeafDays,
} from '../../campaign/_internal/planned-leaf-days.ts';
import { type PreparedCampaign, prepareCampaign } from '../../campaign/_internal/prepare-campaign.ts';
import type { AreaPlan, CampaignInput, CampaignPlan } from '../../campaign/types.ts';
import type { AreaNode } from '../../demand/area-tree.ts';
import { PlanningInputError } from '../../errors/planning-input-error.ts';
import { DEFAULT_HORIZON_DAYS } from '../../time/_internal/horizon.ts';
import { utcMidnight } from '../../time/_internal/utc-midnight.ts';
import { campaignLastDay, plannedEnd } from '../campaign-last-day.ts';
import type {
  ActualDayReport,
  ActualsWarning,
  ComparedDay,
  CompareWithActualsOptions,
  CompletionForecast,
  DayReporting,
  PlanComparison,
} from '../types.ts';
import { warningsOfDay } from './day-warnings.ts';
import { forecastFrom, type OpenDaysWalked } from './forecast.ts';
import {
  clearPaceTally,
  createPaceTally,
  type PaceBasis,
  type PaceTally,
  paceBasisByNode,
  tallyPaceDay,
} from './observed-pace.ts';
import { observedPace } from './paces.ts';
import { ACTUALS_DEFAULTS, machinesJudgedIn, plannedMachinesByNode, rowsByNode } from './plan-rows.ts';
import { plannedOfCovered } from './planned-of-covered.ts';
import {
  createDayFigures,
  type DayFigures,
  figuresOfDay,
  type ReadReports,
  readReports,
} from './read-reports.ts';
import { createRollUp, type DayRollUp, leafCounts, rollUpDay, subtreeOrder } from './roll-up.ts';
import { paceDiffers, partialDay } from './warnings.ts';

/** Longest span compared in one call: ten years of days, the horizon of the open-day walk. */
const MAX_COMPARED_DAYS = DEFAULT_HORIZON_DAYS;

const isoOf = (day: DateTime): string => day.toISODate() as string;

const DAY_MS = 86_400_000;

/** Days from the Unix epoch to an ISO date (`2021-03-20`), in UTC arithmetic. */
const dayNumberOf = (date: string): number =>
  utcMidnight(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))) / DAY_MS;

/**
 * At least `count` ISO dates from `first` (a UTC day) on, the longest list asked kept for the next
 * area. Calendar dates walk in UTC arithmetic: luxon's day arithmetic, once per area and day
 * compared, was a third of a province's comparison.
 */
function datesFrom(comparison: Comparison, count: number): readonly string[] {
  const { dates, first } = comparison;
  if (dates.length >= count) return dates;
  const start = utcMidnight(first.year, first.month, first.day);
  for (let k = dates.length; k < count; k++)
    dates.push(new Date(start + k * DAY_MS).toISOString().slice(0, 10));
  return dates;
}

/** What every area compared shares: the campaign prepared and planned once, the reports read once, the options. */
export type Comparison = {
  input: CampaignInput;
  prep: PreparedCampaign;
  plan: CampaignPlan;
  rows: AreaPlan[];
  read: ReadReports;
  leaves: Int32Array;
  plannedMachines: (number | null)[];
  /** The pools' days shared over their leaves, worked out once for every area compared. */
  shares: LeafShares;
  marginShare: number;
  start: DateTime;
  /** The first day of every area's days: the campaign's start, or `from` when earlier. */
  first: DateTime;
  /** The dates from `first` on, as long as the longest area's days so far ({@link datesFrom}). */
  dates: string[];
  /**
   * The campaign's last day, ISO date ({@link campaignLastDay}): its deadline, or the plan's
   * completion when the plan runs past it, carried on by the days reported late. Reports after it
   * count as served after the campaign only.
   */
  lastDay: string;
  fromArg: DateTime | null;
  toArg: DateTime | null;
  /**
   * 1 for each of the reports' dates (by index) in the campaign's days as counted, its start to its
   * last day or `to` when earlier: the dates a report counts on, the same for every area.
   */
  counted: Uint8Array;
  /** The forecasts' walks of open days, shared by the areas compared. */
  walked: OpenDaysWalked;
  /** The whole-tree arrays an area is rolled up in, made once for every area compared ({@link scratchFor}). */
  scratch: AreaScratch;
};

/**
 * Whole-tree arrays reused by each area compared in turn: made per area, they made comparing every
 * area of a tree quadratic in its nodes. Only the current area's nodes hold its values.
 */
type AreaScratch = {
  /** 1 for the nodes of the area compared. */
  inArea: Uint8Array;
  figures: DayFigures;
  roll: DayRollUp;
  /**
   * The observed pace tallied day by day; its `basis`, the machines the plan stations in each node,
   * its demand and planned pace, is what the pace counts ({@link rollUpDay}).
   */
  pace: PaceTally;
  /** The nodes marked in `inArea` and tallied in `pace`, those of the area last compared. */
  marked: readonly number[];
};

function createScratch(nodes: number, paceBasis: PaceBasis): AreaScratch {
  return {
    inArea: new Uint8Array(nodes),
    figures: createDayFigures(nodes),
    roll: createRollUp(nodes),
    pace: createPaceTally(paceBasis, nodes),
    marked: [],
  };
}

/**
 * The scratch arrays ready for the area whose nodes are `order`: the last area's marks and tally
 * cleared (even when its comparison threw), this one's nodes marked. `figures` and `roll` need no
 * clearing: each day's figures reset the last ones, and a roll-up writes every node of its order.
 */
function scratchFor(comparison: Comparison, order: readonly number[]): AreaScratch {
  const scratch = comparison.scratch;
  const { inArea } = scratch;
  for (const index of scratch.marked) inArea[index] = 0;
  clearPaceTally(scratch.pace, scratch.marked);
  for (const index of order) inArea[index] = 1;
  scratch.marked = order;
  return scratch;
}

/**
 * The campaign's last day ({@link campaignLastDay}), the days after its planned end rolled up over
 * the whole campaign (an area's own total winning over its children's) only when there are some.
 */
function lastDayOf(prep: PreparedCampaign, plan: CampaignPlan, read: ReadReports): string {
  const { start, deadline } = plan.period;
  const completion = plan.completionDate;
  const end = plannedEnd(deadline, completion);
  if ((read.dates.at(-1) ?? '') <= end) return end;
  const { tree } = prep;
  const leaves = leafCounts(tree);
  const orders = tree.roots.map((root) => subtreeOrder(tree, root));
  const figures = createDayFigures(tree.nodes.length);
  const roll = createRollUp(tree.nodes.length);
  // Days before the start count toward nothing: they are not rolled up.
  const first = read.dates.findIndex((date) => date >= start);
  const reported = read.dates.slice(first === -1 ? read.dates.length : first).map((date, k) => {
    figuresOfDay(read, first + k, () => true, figures);
    let dossiers = 0;
    tree.roots.forEach((root, r) => {
      rollUpDay(tree, orders[r] as number[], figures, leaves, roll);
      if (roll.reported[root] === 1) dossiers += roll.dossiers[root] as number;
    });
    return { date, dossiers };
  });
  return campaignLastDay(start, deadline, completion, reported, plan.totals.demand);
}

/** Prepares and plans `input` once, reads the reports and the options; `areas` are checked between. */
export function prepareComparison(
  input: CampaignInput,
  checkAreas: (prep: PreparedCampaign) => void,
  reports: readonly ActualDayReport[],
  options: CompareWithActualsOptions,
): Comparison {
  // One preparation serves the plan and every area's daily series.
  const prep = prepareCampaign(input);
  checkAreas(prep);
  const plan = planPreparedCampaign(prep);
  const rows = rowsByNode(prep, plan);
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
  const lastDay = lastDayOf(prep, plan, read);
  // A report counts in the days of its campaign only, its start to its last day (the deadline, the
  // plan's completion when later, carried on by the days reported late): one dated before belongs
  // to no day of it, one after is served after the campaign (or misdated) and is added up apart.
  const startDate = isoOf(start);
  const toDate = toArg ? isoOf(toArg) : null;
  const lastCounted = toDate !== null && toDate < lastDay ? toDate : lastDay;
  const counted = new Uint8Array(read.dates.length);
  read.dates.forEach((date, d) => {
    counted[d] = date >= startDate && date <= lastCounted ? 1 : 0;
  });
  return {
    input,
    prep,
    plan,
    rows,
    read,
    leaves: leafCounts(prep.tree),
    plannedMachines: plannedMachinesByNode(prep, rows),
    shares: createLeafShares(prep),
    marginShare,
    start,
    first: fromArg ? DateTime.min(fromArg, start) : start,
    dates: [],
    lastDay,
    fromArg,
    toArg,
    counted,
    walked: new Map(),
    scratch: createScratch(prep.tree.nodes.length, paceBasisByNode(prep, rows)),
  };
}

/** The plan of the area at node `area` next to its reports (see `compareWithActuals`). */
export function compareArea(comparison: Comparison, area: number): PlanComparison {
  const {
    input,
    prep,
    plan,
    rows,
    read,
    leaves,
    plannedMachines,
    shares,
    marginShare,
    start,
    first,
    lastDay,
    fromArg,
    toArg,
    counted,
    walked,
  } = comparison;
  const node = prep.tree.nodes[area] as AreaNode;
  const row = rows[area] as AreaPlan;
  const series = plannedDailySeriesOf(prep, area, shares);
  const order = subtreeOrder(prep.tree, area);
  const judgedMachines = machinesJudgedIn(prep, rows, [area], order);
  const { inArea, figures, roll, pace } = scratchFor(comparison, order);
  const fromDate = isoOf(fromArg ?? start);
  const toDate = toArg ? isoOf(toArg) : null;
  const keep = (report: number) =>
    inArea[read.area[report] as number] === 1 && counted[read.day[report] as number] === 1;
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
  const to =
    toDate ??
    ([series.at(-1)?.date, lastReported, isoOf(start)]
      .filter((d): d is string => d !== undefined)
      .sort()
      .at(-1) as string);
  const span = dayNumberOf(to) - dayNumberOf(isoOf(first)) + 1;
  if (span > MAX_COMPARED_DAYS) {
    throw new PlanningInputError({
      path: 'to',
      code: 'range',
      expected: `a date at most ${MAX_COMPARED_DAYS} days after the start of the campaign or from`,
      received: to,
    });
  }

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
  const dates = datesFrom(comparison, span);
  for (let k = 0; k < span; k++) {
    const date = dates[k] as string;
    const plannedDay = planned.get(date);
    if (plannedDay) cumulativePlanned = plannedDay.cumulativePlanned;
    const dayIndex = reportedDays.get(date);
    if (dayIndex !== undefined) {
      figuresOfDay(read, dayIndex, keep, figures);
      rollUpDay(prep.tree, order, figures, leaves, roll, pace);
      // The days before `from` count in what was served before a day, not in the pace.
      tallyPaceDay(order, roll, pace, date >= fromDate);
    }
    const reported = dayIndex !== undefined && roll.reported[area] === 1;
    const actual = reported ? (roll.dossiers[area] as number) : null;
    cumulativeActual += actual ?? 0;
    if (date < fromDate) continue;
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
      leafDays ??= plannedLeafDays(prep, area, shares);
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
    if (dayIndex !== undefined) {
      warnings.push(
        ...warningsOfDay(prep, rows, plannedMachines, judgedMachines, date, figures, roll, () => true),
      );
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
  // The pace counts a figure without machines on those the plan stations in its area, as the
  // forecast counts its dossiers: both then carry the same days forward.
  const observed = observedPace(pace, area);
  const paceWarning =
    observed === null
      ? null
      : paceDiffers(node, observed, row.dailyCapacityPerMachine, pace.days[area] as number, marginShare);
  if (paceWarning) warnings.unshift(paceWarning);
  warnings.push(...partialWarnings);

  const servedAfterCampaign = servedAfter(comparison, area, order, lastDay, toDate);

  let forecast: CompletionForecast | null = null;
  if (rates.length > 0 && lastReported !== undefined) {
    const remaining = Math.max(0, row.demand - (days.at(-1)?.cumulativeActual ?? 0));
    forecast = forecastFrom(input, prep, remaining, rates, lastReported, walked, shares?.pools.days);
  }

  return {
    areaCode: node.code,
    from: fromDate,
    to,
    demand: row.demand,
    leaves: leaves[area] as number,
    plannedCompletionDate: row.completionDate ?? plan.completionDate,
    days,
    totalPlanned,
    totalActual,
    observedDossiersPerMachineDay: observed,
    observedMachineDays: pace.machineDays[area] as number,
    plannedDossiersPerMachineDay: row.dailyCapacityPerMachine,
    forecast,
    servedAfterCampaign,
    campaignLastDay: lastDay,
    warnings,
  };
}

/**
 * Dossiers reported in the area after `lastDay` up to `toDate` (all of them without it), each day
 * rolled up as a compared day is: work after the campaign, apart from its days.
 */
function servedAfter(
  comparison: Comparison,
  area: number,
  order: readonly number[],
  lastDay: string,
  toDate: string | null,
): number {
  const { prep, read, leaves } = comparison;
  // The compared days are done with the scratch's day figures and roll-up.
  const { inArea, figures, roll } = comparison.scratch;
  const inAreaReport = (report: number) => inArea[read.area[report] as number] === 1;
  let served = 0;
  // The dates are ascending: the late ones are at the end.
  for (let d = read.dates.length - 1; d >= 0 && (read.dates[d] as string) > lastDay; d--) {
    if (toDate !== null && (read.dates[d] as string) > toDate) continue;
    figuresOfDay(read, d, inAreaReport, figures);
    if (figures.areas.length === 0) continue;
    rollUpDay(prep.tree, order, figures, leaves, roll);
    if (roll.reported[area] === 1) served += roll.dossiers[area] as number;
  }
  return served;
}
