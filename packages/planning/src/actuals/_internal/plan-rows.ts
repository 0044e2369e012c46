import { plannedMachinesOfRow } from '../../campaign/_internal/planned-machines.ts';
import type { PreparedCampaign } from '../../campaign/_internal/prepare-campaign.ts';
import type { AreaPlan, CampaignPlan } from '../../campaign/types.ts';
import type { AreaNode } from '../../demand/area-tree.ts';

/** Defaults of the actuals stage, filled in here for every reader. */
export const ACTUALS_DEFAULTS = {
  /** An observed pace further than 20 % from the plan's is flagged. */
  paceWarningShare: 0.2,
  /**
   * k of the blended pace's weight n ÷ (n + k), n the days with machines (reported, else planned): after a week
   * of such days the observed pace counts as much as the planned.
   */
  credibilityDays: 7,
} as const;

/** The plan's row of each node index (`plan.areas` lists the nodes in tree order). */
export function rowsByNode(prep: PreparedCampaign, plan: CampaignPlan): AreaPlan[] {
  const rows = new Array<AreaPlan>(prep.tree.nodes.length);
  prep.tree.order.forEach((index, k) => {
    rows[index] = plan.areas[k] as AreaPlan;
  });
  return rows;
}

/** Machines the plan puts in each node (`plannedMachinesOfRow`); null where none serve it. */
export function plannedMachinesByNode(prep: PreparedCampaign, rows: readonly AreaPlan[]): (number | null)[] {
  const machines = new Array<number | null>(prep.tree.nodes.length).fill(null);
  for (const index of prep.tree.order) {
    const parent = (prep.tree.nodes[index] as AreaNode).parent;
    const above = parent >= 0 ? (machines[parent] ?? null) : null;
    machines[index] = plannedMachinesOfRow(rows[index] as AreaPlan, prep.machines !== null, above);
  }
  return machines;
}

/**
 * The nodes whose machines reported are judged against those the plan stations there
 * (`machinesAbovePlanned`), of `nodes` (the areas asked about and those below them): each area
 * asked about that the plan stations machines in (given there, or its share of a pool above), and
 * below them the areas given machines of their own (a pool's). An area sharing its parent's
 * machines is judged with them. None in a plan sized without machines.
 */
export function machinesJudgedIn(
  prep: PreparedCampaign,
  rows: readonly AreaPlan[],
  asked: readonly number[],
  nodes: readonly number[],
): number[] {
  if (prep.machines === null) return [];
  return nodes.filter((index) => {
    const row = rows[index] as AreaPlan;
    return row.machines !== null && (asked.includes(index) || row.servedBy === row.code);
  });
}
