import { planPreparedCampaign } from '../campaign/_internal/plan-prepared-campaign.ts';
import { prepareCampaign } from '../campaign/_internal/prepare-campaign.ts';
import type { Assumption, CampaignInput, CampaignPlan } from '../campaign/types.ts';
import type { AreaNode } from '../demand/area-tree.ts';
import { listOpenDays, resolveCalendar } from '../time/open-days.ts';
import { accumulateActuals } from './_internal/accumulate.ts';
import { dayWarnings, paceWarnings } from './_internal/day-warnings.ts';
import { paceBasisByNode } from './_internal/observed-pace.ts';
import { givenServices, pacedServices } from './_internal/paces.ts';
import { rowsByNode } from './_internal/plan-rows.ts';
import { readReports } from './_internal/read-reports.ts';
import { nextOpenDay, remainingInput } from './_internal/remaining-input.ts';
import { readReplanOptions, replanAssumptions } from './_internal/replan-options.ts';
import { replannedAreas } from './_internal/replanned-areas.ts';
import { leafCounts, subtreeMarks } from './_internal/roll-up.ts';
import { scopeOf } from './_internal/scope.ts';
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
  /** k of the blend's weight n ÷ (n + k), n the days with machines (reported, else planned). Default 7. */
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
  /**
   * Days above a machine's 24 hours, paces off the plan's, partial days, areas' own totals below
   * their teams' reports, more machines reported than planned.
   */
  warnings: ActualsWarning[];
  /** The rules and figures the replan rests on. */
  assumptions: Assumption[];
};

/**
 * The campaign replanned from what the field reported up to `asOf`: what is left per area, the
 * pace each area is replanned at, the remaining plan, warnings, and what must change to make the
 * deadline.
 *
 * - **Served.** Reports from the campaign's start to `asOf` roll up the tree as in
 *   `compareWithActuals` (an area's own total wins over its children's); those dated before the
 *   start (a mistyped year, or days a saved replan's `alreadyServed` already holds) count nowhere,
 *   as there. Each leaf's `alreadyServed` is raised by what was reported
 *   for it; what an area reported beyond its children (a province total, a team at a district)
 *   goes to the children that did not report that day in proportion to their demand (to all of
 *   them when every one did), and down to the leaves the same way, so the leaves add up exactly to
 *   what the roots reported. A total below its children's sum wins: their figures shrink to it.
 * - **Pace.** An area's observed pace is its dossiers over its machine-days: the machines working
 *   its reports give or, where a report gives none, those the plan stations in its area (as the
 *   day's 24-hour check reads it; a day above what they do in 24 hours, reported or planned, counts
 *   in no pace, as they cannot have done it), so that the pace seen in reports without machines is the daily
 *   rate `compareWithActuals` forecasts with, per planned machine. A demand-bound figure counts in
 *   no pace either, its area's or any above it: its area had less work left at the start of the day
 *   (its demand less what it reported before) than its machines do at the planned pace, and its
 *   dossiers fell short of that pace too, so its machines waited for people (a finished district's
 *   last days) and would read as slow machines, asking for machines the late areas do not need (a
 *   day at the planned pace counts, where more people came than the plan's demand). `planned` keeps the plan's
 *   service; `observed` replans each area at its observed pace (an area whose machines are a pool
 *   of its own, serving no other area, with no total reported above it and no demand-bound day, then finishes when the
 *   forecast's mean rate does, as of its last day reported; in a pool shared with other areas the
 *   date is the pool's, whose machines do what all its areas have left, each at its own pace, and
 *   the area's share of totals above it counts as served, so the two may differ); `blended` at
 *   `w × observed + (1 − w) × planned` with `w = n ÷ (n + k)`, n the days with machines and k
 *   `credibilityDays` (7: after a week of such days the two weigh the same). A pace becomes a service override for the area (the nearest up the tree wins),
 *   its service time over the plan's open hours per day.
 * - **Calendar.** The remaining campaign starts on the first open day after `asOf`; machines,
 *   hours and deadline stay as given.
 * - **What must change**, when the area asked about is late: machines (moved from pools ahead,
 *   then added, with the areas below the late pools that still have work: where they go), hours
 *   per day, pace, or the deadline's slip — each exact (one unit less misses) and checked by
 *   planning with it.
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
 * // => 'To finish the campaign by 2021-04-10: +1 machine in X, or open 3 h 35 min longer (08:00–21:35), or reach 109 dossiers per machine-day (now 80), or finish 3 days late (2021-04-13).'
 */
export function replanFromActuals(
  input: CampaignInput,
  reports: readonly ActualDayReport[],
  options: ReplanOptions,
): Replan {
  const prep = prepareCampaign(input);
  const opts = readReplanOptions(options, prep);
  const { tree } = prep;
  const plan = planPreparedCampaign(prep);
  const rows = rowsByNode(prep, plan);
  const leaves = leafCounts(tree);
  const focus = opts.area === null ? tree.roots : [opts.area];
  const inFocus = subtreeMarks(tree, focus);
  const openSoFar = listOpenDays(resolveCalendar({ ...input.calendar, deadline: opts.asOf }), prep.window);
  const openDates = new Set(openSoFar.map((day) => day.date));

  const days = dayWarnings(prep, rows, leaves, focus, inFocus, openDates);
  const paceBasis = paceBasisByNode(prep, rows);
  const actuals = accumulateActuals(
    tree,
    readReports(reports, tree.byCode),
    prep.calendar.start.toISODate() as string,
    opts.asOf,
    leaves,
    (index) => prep.demand[index]?.demand ?? 0,
    openDates,
    openSoFar.at(-1)?.date ?? null,
    days.visit,
    paceBasis,
  );
  const hoursPerMachineDay = plan.capacity.hoursPerDay;
  const paced = pacedServices(input, prep, rows, actuals, opts, hoursPerMachineDay);

  const start = nextOpenDay(input, prep, opts.asOf);
  const remaining = remainingInput(input, prep, actuals, start, paced.services);
  const remainingPrep = prepareCampaign(remaining);
  const remainingPlan = planPreparedCampaign(remainingPrep);
  const remainingRows = rowsByNode(remainingPrep, remainingPlan);

  const area = opts.area === null ? null : (tree.nodes[opts.area] as AreaNode);
  const change = whatMustChange(
    {
      input: remaining,
      prep: remainingPrep,
      plan: remainingPlan,
      rows: remainingRows,
      scope: scopeOf(remaining, remainingPrep, remainingRows, opts.area),
      services: givenServices(remaining, remainingPrep),
      hoursPerMachineDay,
      modelledMinutesPerDossier: paceBasis.meanMinutesPerDossier,
    },
    area === null ? 'the campaign' : `${area.name} (${area.code})`,
  );
  return {
    asOf: opts.asOf,
    pace: opts.pace,
    areaCode: area?.code ?? null,
    input: remaining,
    plan: remainingPlan,
    areas: replannedAreas(prep, focus, rows, remainingRows, actuals, paced.weights, leaves, openSoFar),
    whatMustChange: change,
    warnings: [
      ...paceWarnings(prep, rows, actuals, focus, opts.paceWarningShare),
      ...days.ofDays,
      ...days.partial,
    ],
    assumptions: replanAssumptions(opts, hoursPerMachineDay, start),
  };
}
