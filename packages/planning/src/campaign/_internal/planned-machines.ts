import type { AreaPlan } from '../types.ts';

/**
 * "The machines a plan puts in an area are those stationed there, else those of the pool above
 * that serves it; without machines given, those the area needs." `above`: the parent's, null at a
 * root. Null where no machine serves the area.
 */
export function plannedMachinesOfRow(
  row: AreaPlan,
  machinesGiven: boolean,
  above: number | null,
): number | null {
  if (!machinesGiven) return row.machinesNeeded;
  return row.machines ?? (row.servedBy !== null ? above : null);
}
