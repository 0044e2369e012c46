import { requireIsoDate, requireNumber, requireRecord, requireString } from '../_internal/validate.ts';
import { planPreparedCampaign } from '../campaign/_internal/plan-prepared-campaign.ts';
import { capacityOf, prepareCampaign, requireAreaIndex } from '../campaign/_internal/prepare-campaign.ts';
import type { AreaPlan, Assumption, CampaignInput, CampaignPlan } from '../campaign/types.ts';
import type { ServiceInput } from '../capacity/machine-capacity.ts';
import type { AreaInput, AreaNode } from '../demand/area-tree.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { listOpenDays, resolveCalendar } from '../time/open-days.ts';
import { type AccumulatedActuals, accumulateActuals } from './_internal/accumulate.ts';
import {
  givenServices,
  observedWeight,
  overridesAtPace,
  SLOWEST_PACE_DOSSIERS_PER_MACHINE_DAY,
  serviceAtPace,
} from './_internal/paces.ts';
import { ACTUALS_DEFAULTS, plannedMachinesByNode, rowsByNode } from './_internal/plan-rows.ts';
import { readReports } from './_internal/read-reports.ts';
import { leafCounts, subtreeOrder } from './_internal/roll-up.ts';
import { scopeOf } from './_internal/scope.ts';
import { dayAboveMaximum, paceDiffers, partialDay } from './_internal/warnings.ts';
import { whatMustChange } from './_internal/what-must-change.ts';
import type { ActualDayReport, ActualsWarning, ReplannedArea, ReplanPace, WhatMustChange } from './types.ts';

/** Options of {@link replanFromActuals}; defaults are filled in `readOptions`. */
export type ReplanOptions = {
  /** The last day whose reports count (ISO date); later ones are ignored. */
  asOf: string;
  /** Default `'blended'`. */
  pace?: ReplanPace;
  /** The area asked about: its rows, warnings and what must change. Default: the whole input. */
  areaCode?: string;
  /** k of the blend's weight n ÷ (n + k), n the days with machines reported. Default 7. */
  credibilityDays?: number;
  /** An observed pace further than this share from the plan's is flagged. Default 0.2. */
  paceWarningShare?: number;
};

/** The remaining campaign after the reports up to `asOf`, planned, and what it asks of the planner. */
export type Replan = {
  asOf: string;
  pace: ReplanPace;
  /** The area asked about; null for the whole input. */
  areaCode: string | null;
  /** The remaining campaign: `input` with the calendar from the open day after `asOf`, the leaves' served raised, the paces as overrides. */
  input: CampaignInput;
  /** `planCampaign(input)`. */
  plan: CampaignPlan;
  /** The area asked about and every area below it (all areas for the whole input), parents first. */
  areas: ReplannedArea[];
  /** Null when the areas asked about finish by the deadline, or when no machines are given. */
  whatMustChange: WhatMustChange | null;
  /** Days above a machine's 24 hours, paces off the plan's, partial days. */
  warnings: ActualsWarning[];
  /** The rules and figures the replan rests on. */
  assumptions: Assumption[];
};

const PACES: readonly ReplanPace[] = ['planned', 'observed', 'blended'];

type ReadOptions = {
  asOf: string;
  pace: ReplanPace;
  area: number | null;
  credibilityDays: number;
  paceWarningShare: number;
  given: { pace: boolean; credibilityDays: boolean; paceWarningShare: boolean };
};

function readOptions(options: unknown, prep: ReturnType<typeof prepareCampaign>): ReadOptions {
  const opts = requireRecord(options, 'options');
  if (opts.asOf === undefined) {
    throw new PlanningInputError({
      path: 'options.asOf',
      code: 'required',
      expected: 'the last day whose reports count, an ISO date such as "2021-03-20"',
      received: undefined,
    });
  }
  const asOf = requireIsoDate(opts.asOf, 'options.asOf', prep.calendar.timeZone).toISODate() as string;
  const pace = opts.pace === undefined ? 'blended' : requireString(opts.pace, 'options.pace');
  if (!PACES.includes(pace as ReplanPace)) {
    throw new PlanningInputError({
      path: 'options.pace',
      code: 'format',
      expected: `one of ${PACES.join(', ')}`,
      received: pace,
    });
  }
  return {
    asOf,
    pace: pace as ReplanPace,
    area: opts.areaCode === undefined ? null : requireAreaIndex(prep, opts.areaCode, 'options.areaCode'),
    credibilityDays:
      opts.credibilityDays === undefined
        ? ACTUALS_DEFAULTS.credibilityDays
        : requireNumber(opts.credibilityDays, 'options.credibilityDays', { min: 0, minExclusive: true }),
    paceWarningShare:
      opts.paceWarningShare === undefined
        ? ACTUALS_DEFAULTS.paceWarningShare
        : requireNumber(opts.paceWarningShare, 'options.paceWarningShare', { min: 0 }),
    given: {
      pace: opts.pace !== undefined,
      credibilityDays: opts.credibilityDays !== undefined,
      paceWarningShare: opts.paceWarningShare !== undefined,
    },
  };
}

/** The first open day after `asOf` (or the start, when later); the day after when none is left. */
function nextOpenDay(input: CampaignInput, prep: ReturnType<typeof prepareCampaign>, asOf: string): string {
  const dayAfter = requireIsoDate(asOf, 'options.asOf', prep.calendar.timeZone).plus({ days: 1 });
  const from = dayAfter > prep.calendar.start ? (dayAfter.toISODate() as string) : input.calendar.start;
  const open = listOpenDays(
    resolveCalendar({ ...input.calendar, start: from, deadline: from }),
    prep.window,
    {
      atLeast: 1,
    },
  );
  return open[0]?.date ?? from;
}

function assumptionsOf(options: ReadOptions, hoursPerMachineDay: number, start: string): Assumption[] {
  const list: Assumption[] = [
    {
      key: 'asOf',
      value: options.asOf,
      source: 'given',
      note: `reports dated up to this day count (earlier than the start too); the remaining campaign starts on ${start}, the first open day after it`,
    },
    {
      key: 'pace',
      value: options.pace,
      source: options.given.pace ? 'given' : 'default',
      note: 'planned: the plan’s service; observed: dossiers per machine-day reported; blended: weighted n ÷ (n + k) towards the observed',
    },
    {
      key: 'served',
      value: 'leaves',
      source: 'default',
      note: "each leaf's already served is raised by its reports; what an area reported beyond its children's reports is spread over its children that did not report that day (all of them when every one did) in proportion to their demand, and down to the leaves the same way",
    },
    {
      key: 'hoursPerMachineDay',
      value: hoursPerMachineDay,
      source: 'derived',
      note: "the plan's open hours per open day: a pace in dossiers per machine-day is a service time over them",
    },
    {
      key: 'paceWarningShare',
      value: options.paceWarningShare,
      source: options.given.paceWarningShare ? 'given' : 'default',
      note: 'an observed pace further than this share from the planned one is flagged',
    },
    {
      key: 'dayMaximum',
      value: '24 h',
      source: 'default',
      note: "a day's figure is flagged above what its machines (reported, else planned) do in 24 hours at the mean minutes per dossier with hard cases and no breakdown",
    },
  ];
  if (options.pace === 'blended') {
    list.splice(2, 0, {
      key: 'credibilityDays',
      value: options.credibilityDays,
      source: options.given.credibilityDays ? 'given' : 'default',
      note: 'k of the weight n ÷ (n + k) of the observed pace, n the days with machines reported: after k such days it counts as much as the plan',
    });
  }
  return list;
}

/** The remaining campaign: the leaves' served raised, the calendar moved, the paces as overrides. */
function remainingInput(
  input: CampaignInput,
  prep: ReturnType<typeof prepareCampaign>,
  actuals: AccumulatedActuals,
  start: string,
  paced: ReadonlyMap<number, ServiceInput>,
): CampaignInput {
  const areas = input.areas.map((area, index): AreaInput => {
    const served = actuals.served[index] as number;
    if (served === 0 || (prep.tree.nodes[index] as AreaNode).children.length > 0) return area;
    return { ...area, alreadyServed: (area.alreadyServed ?? 0) + served };
  });
  const serviceOverrides = overridesAtPace(input, prep, paced);
  const { serviceOverrides: _given, ...rest } = input;
  return {
    ...rest,
    areas,
    calendar: { ...input.calendar, start },
    ...(serviceOverrides === undefined ? {} : { serviceOverrides }),
  };
}

/**
 * The campaign replanned from what the field reported up to `asOf`: what is left per area, the
 * pace each area is replanned at, the remaining plan, warnings, and what must change to make the
 * deadline.
 *
 * - **Served.** Reports up to `asOf` roll up the tree as in `compareWithActuals` (an area's own
 *   total wins over its children's). Each leaf's `alreadyServed` is raised by what was reported
 *   for it; what an area reported beyond its children (a province total, a team at a district)
 *   goes to the children that did not report that day in proportion to their demand (to all of
 *   them when every one did), and down to the leaves the same way, so the leaves add up exactly to
 *   what the roots reported. A total below its children's sum wins: their figures shrink to it.
 * - **Pace.** Where reports say how many machines worked, an area's observed pace is its dossiers
 *   over its machine-days. `planned` keeps the plan's service; `observed` replans each area at its
 *   observed pace; `blended` at `w × observed + (1 − w) × planned` with `w = n ÷ (n + k)`, n the
 *   days with machines reported and k `credibilityDays` (7: after a week of such days the two
 *   weigh the same). A pace becomes a service override for the area (the nearest up the tree wins),
 *   its service time over the plan's open hours per day.
 * - **Calendar.** The remaining campaign starts on the first open day after `asOf`; machines,
 *   hours and deadline stay as given.
 * - **What must change**, when the area asked about is late: machines (moved from pools ahead,
 *   then added), hours per day, pace, or the deadline's slip — each exact (one unit less misses)
 *   and checked by planning with it.
 *
 * @example
 * // 1,000 people, 100 dossiers a machine-day planned, 1 machine; it did 80 on each of 3 days.
 * const replan = replanFromActuals(
 *   {
 *     areas: [{ code: 'x', name: 'X', eligible: 1_000 }],
 *     calendar: { start: '2021-04-01', deadline: '2021-04-10' },
 *     hours: { open: '08:00', close: '18:00' },
 *     service: { minutesPerDossier: 6 },
 *     machines: [{ areaCode: 'x', machines: 1 }],
 *   },
 *   ['2021-04-01', '2021-04-02', '2021-04-03'].map((date) => ({ date, areaCode: 'x', dossiers: 80, machinesWorking: 1 })),
 *   { asOf: '2021-04-03', pace: 'observed' },
 * );
 * replan.whatMustChange?.sentence
 * // => 'To finish the campaign by 2021-04-10: +1 machine in X, or open 9 h 26 min longer (08:00–03:26), or reach 109 dossiers per machine-day (now 80), or finish 3 days late (2021-04-13).'
 */
export function replanFromActuals(
  input: CampaignInput,
  reports: readonly ActualDayReport[],
  options: ReplanOptions,
): Replan {
  const prep = prepareCampaign(input);
  const opts = readOptions(options, prep);
  const { tree } = prep;
  const plan = planPreparedCampaign(prep);
  const rows = rowsByNode(prep, plan);
  const leaves = leafCounts(tree);
  const demandOf = (index: number) => prep.demand[index]?.demand ?? 0;
  const openSoFar = listOpenDays(resolveCalendar({ ...input.calendar, deadline: opts.asOf }), prep.window);
  const lastOpenDay = openSoFar.at(-1)?.date ?? null;
  const focus = opts.area === null ? tree.roots : [opts.area];
  const inFocus = new Uint8Array(tree.nodes.length);
  for (const area of focus) for (const index of subtreeOrder(tree, area)) inFocus[index] = 1;
  const plannedMachines = plannedMachinesByNode(prep, rows);

  const warnings: ActualsWarning[] = [];
  const partialWarnings: ActualsWarning[] = [];
  const openDates = new Set(openSoFar.map((day) => day.date));
  const actuals = accumulateActuals(
    tree,
    readReports(reports, tree.byCode),
    opts.asOf,
    leaves,
    demandOf,
    openDates,
    lastOpenDay,
    (date, day, roll) => {
      for (const at of day.areas) {
        if (inFocus[at] === 0) continue;
        const machines = day.machines[at] as number;
        const warning = dayAboveMaximum(
          tree.nodes[at] as AreaNode,
          date,
          { dossiers: day.dossiers[at] as number, machines: Number.isNaN(machines) ? null : machines },
          plannedMachines[at] ?? null,
          capacityOf(prep, at).meanMinutesPerDossier,
        );
        if (warning) warnings.push(warning);
      }
      if (!openDates.has(date)) return;
      for (const area of focus) {
        const node = tree.nodes[area] as AreaNode;
        if (roll.reported[area] === 0) continue;
        const missing = node.children
          .filter((c) => roll.reported[c] === 0)
          .map((c) => tree.nodes[c] as AreaNode);
        const warning = partialDay(node, date, roll.covered[area] as number, leaves[area] as number, missing);
        if (warning) partialWarnings.push(warning);
      }
    },
  );

  const hoursPerMachineDay = plan.capacity.hoursPerDay;
  const services = givenServices(input, prep);
  const weights = new Float64Array(tree.nodes.length);
  const paced = new Map<number, ServiceInput>();
  const observedOf = (index: number) =>
    (actuals.machineDays[index] as number) > 0
      ? (actuals.dossiersOnMachineDays[index] as number) / (actuals.machineDays[index] as number)
      : null;
  for (const index of tree.order) {
    const observed = observedOf(index);
    const weight = observedWeight(opts.pace, actuals.observedDays[index] as number, opts.credibilityDays);
    weights[index] = weight;
    if (observed === null || weight === 0 || hoursPerMachineDay === 0) continue;
    const planned = (rows[index] as AreaPlan).dailyCapacityPerMachine;
    const pace = Math.max(SLOWEST_PACE_DOSSIERS_PER_MACHINE_DAY, weight * observed + (1 - weight) * planned);
    paced.set(
      index,
      serviceAtPace(
        services.get(prep.serviceOf[index] as number) ?? input.service,
        capacityOf(prep, index),
        pace,
        hoursPerMachineDay,
      ),
    );
  }

  const start = nextOpenDay(input, prep, opts.asOf);
  const remaining = remainingInput(input, prep, actuals, start, paced);
  const remainingPrep = prepareCampaign(remaining);
  const remainingPlan = planPreparedCampaign(remainingPrep);
  const remainingRows = rowsByNode(remainingPrep, remainingPlan);

  const areas: ReplannedArea[] = [];
  for (const area of focus) {
    for (const index of subtreeOrder(tree, area)) {
      const row = rows[index] as AreaPlan;
      const reportedDays = actuals.daysReported[index] as number;
      const leafCount = leaves[index] as number;
      areas.push({
        areaCode: row.code,
        name: row.name,
        parentCode: row.parentCode,
        demandDossiers: row.demand,
        reportedDossiers: actuals.reported[index] as number,
        servedDossiers: actuals.served[index] as number,
        remainingDossiers: (remainingRows[index] as AreaPlan).demand,
        observedDossiersPerMachineDay: observedOf(index),
        observedMachineDays: actuals.machineDays[index] as number,
        observedDays: actuals.observedDays[index] as number,
        plannedDossiersPerMachineDay: row.dailyCapacityPerMachine,
        observedPaceWeight: weights[index] as number,
        paceDossiersPerMachineDay: (remainingRows[index] as AreaPlan).dailyCapacityPerMachine,
        reporting: {
          openDaysSoFar: openSoFar.length,
          daysReported: reportedDays,
          completeDays: actuals.completeDays[index] as number,
          partialDays: actuals.partialDays[index] as number,
          shareOfDaysReported: openSoFar.length > 0 ? reportedDays / openSoFar.length : null,
          lastOpenDay,
          leaves: leafCount,
          leavesReportedOnLastDay: actuals.coveredOnLastDay[index] as number,
          shareOfLeavesReportedOnLastDay: (actuals.coveredOnLastDay[index] as number) / leafCount,
        },
      });
    }
  }

  // Paces off the plan's, for the areas asked about and the areas right below them.
  const paceWarnings: ActualsWarning[] = [];
  for (const area of focus) {
    for (const index of [area, ...(tree.nodes[area] as AreaNode).children]) {
      const observed = observedOf(index);
      if (observed === null) continue;
      const warning = paceDiffers(
        tree.nodes[index] as AreaNode,
        observed,
        (rows[index] as AreaPlan).dailyCapacityPerMachine,
        actuals.observedDays[index] as number,
        opts.paceWarningShare,
      );
      if (warning) paceWarnings.push(warning);
    }
  }

  const scope = scopeOf(remaining, remainingPrep, remainingRows, opts.area);
  const label =
    opts.area === null
      ? 'the campaign'
      : `${(tree.nodes[opts.area] as AreaNode).name} (${(tree.nodes[opts.area] as AreaNode).code})`;
  return {
    asOf: opts.asOf,
    pace: opts.pace,
    areaCode: opts.area === null ? null : (tree.nodes[opts.area] as AreaNode).code,
    input: remaining,
    plan: remainingPlan,
    areas,
    whatMustChange: whatMustChange(
      {
        input: remaining,
        prep: remainingPrep,
        plan: remainingPlan,
        rows: remainingRows,
        scope,
        services: givenServices(remaining, remainingPrep),
        hoursPerMachineDay,
      },
      label,
    ),
    warnings: [...paceWarnings, ...warnings, ...partialWarnings],
    assumptions: assumptionsOf(opts, hoursPerMachineDay, start),
  };
}
