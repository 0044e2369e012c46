import type { PlannedLeafDays } from '../../campaign/_internal/planned-leaf-days.ts';
import type { PreparedCampaign } from '../../campaign/_internal/prepare-campaign.ts';
import type { AreaNode } from '../../demand/area-tree.ts';
import type { DayFigures } from './read-reports.ts';
import { type DayRollUp, subtreeOrder } from './roll-up.ts';

/** What the plan had for the leaves covered by a partial day's reports. */
export function plannedOfCovered(
  prep: PreparedCampaign,
  area: number,
  day: DayFigures,
  roll: DayRollUp,
  leafDays: PlannedLeafDays,
  dayIndex: number,
): number {
  const plannedOfLeaf = (leaf: AreaNode) =>
    leafDays.cumulativeOf(leaf, dayIndex) - (dayIndex > 0 ? leafDays.cumulativeOf(leaf, dayIndex - 1) : 0);
  let total = 0;
  const stack = [area];
  while (stack.length > 0) {
    const index = stack.pop() as number;
    const node = prep.tree.nodes[index] as AreaNode;
    if (day.kind[index] !== 0) {
      for (const leaf of subtreeOrder(prep.tree, index)) {
        const at = prep.tree.nodes[leaf] as AreaNode;
        if (at.children.length === 0) total += plannedOfLeaf(at);
      }
    } else if (roll.reported[index] === 1) {
      stack.push(...node.children);
    }
  }
  return total;
}
