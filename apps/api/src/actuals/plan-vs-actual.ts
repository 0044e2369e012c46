// Plan against what the field reported, day by day, with a forecast of the completion date.
// The plan and the open-day calendar come from @muster/planning; this module only rolls the
// reports up the area tree and compares.
import { nthOpenDate, PlanningInputError, planCampaign, plannedDailySeries } from '@muster/planning';
import { DateTime } from 'luxon';
import { withArgumentPath } from '../errors.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { loadScenarioPlanInput } from '../planning/scenario-input.ts';

/** Longest span answered in one call: ten years of days. */
export const MAX_DAYS = 3660;

export type PlanVsActualDay = {
  date: string;
  planned: number;
  cumulativePlanned: number;
  /** Null when nobody in the area reported that day. */
  actual: number | null;
  /** Everything reported from the scenario's start up to this day. */
  cumulativeActual: number;
  variance: number | null;
  cumulativeVariance: number;
  machinesWorking: number | null;
  dossiersPerMachineDay: number | null;
};

export type Forecast = {
  /** Dossiers still to take after the last reported day. */
  remaining: number;
  /** The day the last dossier is expected at the mean observed daily rate. */
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

export type PlanVsActual = {
  scenarioId: string;
  areaCode: string;
  from: string;
  to: string;
  demand: number;
  plannedCompletionDate: string | null;
  days: PlanVsActualDay[];
  totalPlanned: number;
  totalActual: number;
  /** Dossiers per machine-day over the days that reported machines working; null without such days. */
  observedDossiersPerMachineDay: number | null;
  observedMachineDays: number;
  /** Null until at least one day with dossiers was reported. */
  forecast: Forecast | null;
};

type DayReport = { areaCode: string; teamKey: string; dossiers: number; machinesWorking: number | null };

type Rolled = { dossiers: number; machines: number | null; reported: boolean };

function isoDate(value: string | null | undefined, path: string): DateTime | null {
  if (value == null) return null;
  const day = DateTime.fromFormat(value, 'yyyy-MM-dd', { zone: 'utc' });
  if (!day.isValid) {
    throw new PlanningInputError({
      path,
      code: 'format',
      expected: 'an ISO date yyyy-MM-dd',
      received: value,
    });
  }
  return day;
}

/**
 * An area's figure for a day: its own area-wide report when there is one (the most aggregated
 * report wins, so a province total is not added to its districts'), else its teams' reports
 * plus its children's figures.
 */
function rollUp(code: string, children: Map<string, string[]>, reports: DayReport[]): Rolled {
  const own = reports.filter((report) => report.areaCode === code);
  const areaWide = own.find((report) => report.teamKey === '');
  if (areaWide) return { dossiers: areaWide.dossiers, machines: areaWide.machinesWorking, reported: true };
  let dossiers = 0;
  let machines: number | null = 0;
  let reported = false;
  const parts: Rolled[] = own.map((report) => ({
    dossiers: report.dossiers,
    machines: report.machinesWorking,
    reported: true,
  }));
  for (const child of children.get(code) ?? []) parts.push(rollUp(child, children, reports));
  for (const part of parts) {
    if (!part.reported) continue;
    reported = true;
    dossiers += part.dossiers;
    machines = machines === null || part.machines === null ? null : machines + part.machines;
  }
  return { dossiers, machines: reported ? machines : null, reported };
}

export async function planVsActual(
  prisma: PrismaClient,
  args: { scenarioId: string; areaCode: string; from?: string | null; to?: string | null },
): Promise<PlanVsActual> {
  const fromArg = isoDate(args.from, 'from');
  const toArg = isoDate(args.to, 'to');
  if (fromArg && toArg && toArg < fromArg) {
    throw new PlanningInputError({
      path: 'to',
      code: 'range',
      expected: `a date on or after from (${args.from})`,
      received: args.to,
    });
  }
  const { scenario, area, input } = await loadScenarioPlanInput(prisma, args.scenarioId, args.areaCode);
  const plan = withArgumentPath('scenario', () => planCampaign(input));
  const series = withArgumentPath('scenario', () => plannedDailySeries(input, area.code));
  const row = plan.areas.find((candidate) => candidate.code === area.code);
  const demand = row?.demand ?? 0;

  const subtree = input.areas;
  const children = new Map<string, string[]>();
  for (const node of subtree) {
    if (node.parentCode === undefined) continue;
    const list = children.get(node.parentCode) ?? [];
    list.push(node.code);
    children.set(node.parentCode, list);
  }
  const inSubtree = new Set<string>();
  const stack = [area.code];
  while (stack.length > 0) {
    const code = stack.pop() as string;
    inSubtree.add(code);
    stack.push(...(children.get(code) ?? []));
  }

  const start = DateTime.fromISO(scenario.start, { zone: 'utc' });
  const reports = await prisma.actualReport.findMany({
    where: {
      areaCode: { in: [...inSubtree] },
      date: {
        gte: args.from != null && args.from < scenario.start ? args.from : scenario.start,
        ...(toArg ? { lte: args.to as string } : {}),
      },
    },
    select: { date: true, areaCode: true, teamKey: true, dossiers: true, machinesWorking: true },
    orderBy: { date: 'asc' },
  });
  const byDate = new Map<string, DayReport[]>();
  for (const report of reports) {
    const list = byDate.get(report.date) ?? [];
    list.push(report);
    byDate.set(report.date, list);
  }
  const planned = new Map(series.map((day) => [day.date, day]));
  const lastPlanned = series.at(-1)?.date;
  const lastReported = reports.at(-1)?.date;
  const from = fromArg ?? start;
  const defaultTo = [lastPlanned, lastReported, scenario.start]
    .filter((d): d is string => d !== undefined)
    .sort()
    .at(-1);
  const to = toArg ?? DateTime.fromISO(defaultTo as string, { zone: 'utc' });
  const span = Math.round(to.diff(DateTime.min(from, start), 'days').days) + 1;
  if (span > MAX_DAYS) {
    throw new PlanningInputError({
      path: 'to',
      code: 'range',
      expected: `a date at most ${MAX_DAYS} days after the start of the scenario or from`,
      received: to.toISODate(),
    });
  }

  const days: PlanVsActualDay[] = [];
  const rates: number[] = [];
  let cumulativePlanned = 0;
  let cumulativeActual = 0;
  let totalPlanned = 0;
  let totalActual = 0;
  let machineDays = 0;
  let dossiersOnMachineDays = 0;
  for (let day = DateTime.min(from, start); day <= to; day = day.plus({ days: 1 })) {
    const date = day.toISODate() as string;
    const plannedDay = planned.get(date);
    if (plannedDay) cumulativePlanned = plannedDay.cumulativePlanned;
    const dayReports = byDate.get(date);
    const rolled = dayReports ? rollUp(area.code, children, dayReports) : null;
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

  let forecast: Forecast | null = null;
  if (rates.length > 0 && lastReported) {
    const reportedUpTo = reports.filter((report) => report.date <= (to.toISODate() as string));
    const doneSoFar = days.at(-1)?.cumulativeActual ?? 0;
    const lastDay = reportedUpTo.at(-1)?.date ?? lastReported;
    const remaining = Math.max(0, demand - doneSoFar);
    const mean = rates.reduce((sum, rate) => sum + rate, 0) / rates.length;
    const min = Math.min(...rates);
    const max = Math.max(...rates);
    const nextDay = DateTime.fromISO(lastDay, { zone: 'utc' }).plus({ days: 1 }).toISODate() as string;
    const finishAt = (rate: number): string | null => {
      if (remaining === 0) return lastDay;
      const needed = Math.ceil(remaining / rate);
      if (needed > MAX_DAYS) return null;
      return nthOpenDate(
        { calendar: { ...input.calendar, start: nextDay, deadline: nextDay }, hours: input.hours },
        needed,
      );
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
    scenarioId: scenario.id,
    areaCode: area.code,
    from: from.toISODate() as string,
    to: to.toISODate() as string,
    demand,
    plannedCompletionDate: row?.completionDate ?? plan.completionDate,
    days,
    totalPlanned,
    totalActual,
    observedDossiersPerMachineDay: machineDays > 0 ? dossiersOnMachineDays / machineDays : null,
    observedMachineDays: machineDays,
    forecast,
  };
}
