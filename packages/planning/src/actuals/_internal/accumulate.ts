import type { AreaTree } from '../../demand/area-tree.ts';
import { attributeDay, createAttribution, spreadPending } from './attribute-served.ts';
import { createPaceTally, type PaceBasis, type PaceTally, tallyPaceDay } from './observed-pace.ts';
import { createDayFigures, type DayFigures, figuresOfDay, type ReadReports } from './read-reports.ts';
import { createRollUp, type DayRollUp, rollUpDay } from './roll-up.ts';

/** Everything reported up to a day, per node index of the whole tree. */
export type AccumulatedActuals = {
  /**
   * The observed pace added up over the days: `reportedBefore`, Σ of the area's daily figures (its
   * own total winning over its children's); `machineDays`, machines working summed over the days
   * with more than none (those reported, or for a figure that gives none, those the plan stations in
   * its area; none on a day whose figure, or one below it, is more than its machines do in 24
   * hours, nor those of a figure demand-bound, see `demandBound`); `dossiers` done on them; and
   * `days` with such machines.
   */
  pace: PaceTally;
  /** Whole dossiers attributed to each leaf (see `attributeDay`); parents hold the sums of their leaves. */
  served: Float64Array;
  daysReported: Int32Array;
  completeDays: Int32Array;
  partialDays: Int32Array;
  /** Leaves covered by reports on the last open day. */
  coveredOnLastDay: Int32Array;
};

/**
 * Rolls up every day's reports from `firstDate` to `lastDate` over the whole tree and adds them up per area: reported, served
 * on the leaves, the machine-days behind an observed pace, and how fully each area reported on
 * open days. `visit` sees each day rolled up, for warnings.
 */
export function accumulateActuals(
  tree: AreaTree,
  reports: ReadReports,
  firstDate: string,
  lastDate: string,
  leaves: Int32Array,
  demandOf: (index: number) => number,
  openDates: ReadonlySet<string>,
  lastOpenDay: string | null,
  visit: (date: string, day: DayFigures, roll: DayRollUp) => void,
  /** Machines the plan stations in each node, its demand and planned pace: what the pace counts ({@link rollUpDay}). */
  basis: PaceBasis,
): AccumulatedActuals {
  const n = tree.nodes.length;
  const pace = createPaceTally(basis, n);
  const totals: AccumulatedActuals = {
    pace,
    served: new Float64Array(n),
    daysReported: new Int32Array(n),
    completeDays: new Int32Array(n),
    partialDays: new Int32Array(n),
    coveredOnLastDay: new Int32Array(n),
  };
  const roll = createRollUp(n);
  const attribution = createAttribution(n);
  const day = createDayFigures(n);
  const all = () => true;
  reports.dates.forEach((date, d) => {
    if (date < firstDate || date > lastDate) return;
    figuresOfDay(reports, d, all, day);
    rollUpDay(tree, tree.order, day, leaves, roll, pace);
    tallyPaceDay(tree.order, roll, pace, true);
    attributeDay(tree, roll, demandOf, attribution);
    const open = openDates.has(date);
    const last = date === lastOpenDay;
    for (let index = 0; index < n; index++) {
      if (roll.reported[index] === 0) continue;
      if (open) {
        totals.daysReported[index] = (totals.daysReported[index] as number) + 1;
        if ((roll.covered[index] as number) >= (leaves[index] as number))
          totals.completeDays[index] = (totals.completeDays[index] as number) + 1;
        else totals.partialDays[index] = (totals.partialDays[index] as number) + 1;
      }
      if (last) totals.coveredOnLastDay[index] = roll.covered[index] as number;
    }
    visit(date, day, roll);
  });
  spreadPending(tree, demandOf, attribution);
  // Parents hold the sums of their leaves.
  const served = attribution.served;
  for (let k = tree.order.length - 1; k >= 0; k--) {
    const index = tree.order[k] as number;
    const parent = tree.nodes[index]?.parent ?? -1;
    if (parent >= 0) served[parent] = (served[parent] as number) + (served[index] as number);
  }
  totals.served = served;
  return totals;
}
