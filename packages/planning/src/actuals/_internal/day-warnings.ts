import { capacityOf, type PreparedCampaign } from '../../campaign/_internal/prepare-campaign.ts';
import type { AreaPlan } from '../../campaign/types.ts';
import type { AreaNode } from '../../demand/area-tree.ts';
import type { ActualsWarning } from '../types.ts';
import type { AccumulatedActuals } from './accumulate.ts';
import { observedPace } from './paces.ts';
import { machinesJudgedIn, plannedMachinesByNode } from './plan-rows.ts';
import type { DayFigures } from './read-reports.ts';
import type { DayRollUp } from './roll-up.ts';
import {
  dayAboveMaximum,
  machinesAbovePlanned,
  paceDiffers,
  partialDay,
  totalBelowTeamReports,
} from './warnings.ts';

/**
 * The warnings of one reported day: the figures above their day's maximum and the areas' own
 * totals below their teams' reports, in the areas `judged` keeps, and more machines reported than
 * planned in `judgedMachines` (`machinesJudgedIn`).
 */
export function warningsOfDay(
  prep: PreparedCampaign,
  rows: readonly AreaPlan[],
  plannedMachines: readonly (number | null)[],
  judgedMachines: readonly number[],
  date: string,
  day: DayFigures,
  roll: DayRollUp,
  judged: (area: number) => boolean,
): ActualsWarning[] {
  const { tree } = prep;
  const warnings: ActualsWarning[] = [];
  for (const at of day.areas) {
    if (!judged(at)) continue;
    const node = tree.nodes[at] as AreaNode;
    const machines = day.machines[at] as number;
    const above = dayAboveMaximum(
      node,
      date,
      { dossiers: day.dossiers[at] as number, machines: Number.isNaN(machines) ? null : machines },
      plannedMachines[at] ?? null,
      capacityOf(prep, at).meanMinutesPerDossier,
    );
    if (above) warnings.push(above);
    const below =
      day.kind[at] === 2
        ? totalBelowTeamReports(
            node,
            date,
            day.dossiers[at] as number,
            day.teamDossiers[at] as number,
            day.teamReports[at] as number,
          )
        : null;
    if (below) warnings.push(below);
  }
  for (const at of judgedMachines) {
    if (roll.reported[at] !== 1) continue;
    const warning = machinesAbovePlanned(
      tree.nodes[at] as AreaNode,
      date,
      roll.machinesGiven[at] as number,
      (rows[at] as AreaPlan).machines as number,
    );
    if (warning) warnings.push(warning);
  }
  return warnings;
}

/**
 * Collects, day by day, the figures above a day's maximum in the areas asked about and below
 * them, their own totals below their teams' reports, more machines reported than planned (in the
 * areas asked about and the pools below them: `machinesJudgedIn`), and the partial days of the
 * areas asked about (open days only).
 */
export function dayWarnings(
  prep: PreparedCampaign,
  rows: readonly AreaPlan[],
  leaves: Int32Array,
  focus: readonly number[],
  inFocus: Uint8Array,
  openDates: ReadonlySet<string>,
): {
  visit: (date: string, day: DayFigures, roll: DayRollUp) => void;
  /** Days above their maximum, totals below their teams', machines above the plan's, by day. */
  ofDays: ActualsWarning[];
  partial: ActualsWarning[];
} {
  const { tree } = prep;
  const plannedMachines = plannedMachinesByNode(prep, rows);
  const judgedMachines = machinesJudgedIn(
    prep,
    rows,
    focus,
    tree.order.filter((index) => inFocus[index] === 1),
  );
  const ofDays: ActualsWarning[] = [];
  const partial: ActualsWarning[] = [];
  const visit = (date: string, day: DayFigures, roll: DayRollUp) => {
    const judged = (at: number) => inFocus[at] === 1;
    ofDays.push(...warningsOfDay(prep, rows, plannedMachines, judgedMachines, date, day, roll, judged));
    if (!openDates.has(date)) return;
    for (const area of focus) {
      if (roll.reported[area] === 0) continue;
      const node = tree.nodes[area] as AreaNode;
      const missing = node.children
        .filter((c) => roll.reported[c] === 0)
        .map((c) => tree.nodes[c] as AreaNode);
      const warning = partialDay(node, date, roll.covered[area] as number, leaves[area] as number, missing);
      if (warning) partial.push(warning);
    }
  };
  return { visit, ofDays, partial };
}

/** Paces off the plan's beyond the margin, for the areas asked about and the areas right below them. */
export function paceWarnings(
  prep: PreparedCampaign,
  rows: readonly AreaPlan[],
  actuals: AccumulatedActuals,
  focus: readonly number[],
  marginShare: number,
): ActualsWarning[] {
  const warnings: ActualsWarning[] = [];
  for (const area of focus) {
    for (const index of [area, ...(prep.tree.nodes[area] as AreaNode).children]) {
      const observed = observedPace(actuals.pace, index);
      if (observed === null) continue;
      const warning = paceDiffers(
        prep.tree.nodes[index] as AreaNode,
        observed,
        (rows[index] as AreaPlan).dailyCapacityPerMachine,
        actuals.pace.days[index] as number,
        marginShare,
      );
      if (warning) warnings.push(warning);
    }
  }
  return warnings;
}
