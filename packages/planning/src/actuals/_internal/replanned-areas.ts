import type { PreparedCampaign } from '../../campaign/_internal/prepare-campaign.ts';
import type { AreaPlan } from '../../campaign/types.ts';
import type { OpenDay } from '../../time/open-days.ts';
import type { ReplannedArea } from '../types.ts';
import type { AccumulatedActuals } from './accumulate.ts';
import { observedPace } from './paces.ts';
import { subtreeOrder } from './roll-up.ts';

/** The rows of a replan: the areas asked about and all below them, parents first. */
export function replannedAreas(
  prep: PreparedCampaign,
  focus: readonly number[],
  rows: readonly AreaPlan[],
  remainingRows: readonly AreaPlan[],
  actuals: AccumulatedActuals,
  weights: Float64Array,
  leaves: Int32Array,
  openSoFar: readonly OpenDay[],
): ReplannedArea[] {
  const lastOpenDay = openSoFar.at(-1)?.date ?? null;
  const areas: ReplannedArea[] = [];
  for (const area of focus) {
    for (const index of subtreeOrder(prep.tree, area)) {
      const row = rows[index] as AreaPlan;
      const remaining = remainingRows[index] as AreaPlan;
      const daysReported = actuals.daysReported[index] as number;
      const leafCount = leaves[index] as number;
      const coveredOnLastDay = actuals.coveredOnLastDay[index] as number;
      areas.push({
        areaCode: row.code,
        name: row.name,
        parentCode: row.parentCode,
        demandDossiers: row.demand,
        reportedDossiers: actuals.pace.reportedBefore[index] as number,
        servedDossiers: actuals.served[index] as number,
        remainingDossiers: remaining.demand,
        observedDossiersPerMachineDay: observedPace(actuals.pace, index),
        observedMachineDays: actuals.pace.machineDays[index] as number,
        observedDays: actuals.pace.days[index] as number,
        plannedDossiersPerMachineDay: row.dailyCapacityPerMachine,
        observedPaceWeight: weights[index] as number,
        paceDossiersPerMachineDay: remaining.dailyCapacityPerMachine,
        reporting: {
          openDaysSoFar: openSoFar.length,
          daysReported,
          completeDays: actuals.completeDays[index] as number,
          partialDays: actuals.partialDays[index] as number,
          shareOfDaysReported: openSoFar.length > 0 ? daysReported / openSoFar.length : null,
          lastOpenDay,
          leaves: leafCount,
          leavesReportedOnLastDay: coveredOnLastDay,
          shareOfLeavesReportedOnLastDay: coveredOnLastDay / leafCount,
        },
      });
    }
  }
  return areas;
}
