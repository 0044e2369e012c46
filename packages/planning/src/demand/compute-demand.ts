import type { AreaNode, AreaTree } from './area-tree.ts';

/** Demand figures of one area: leaves from their inputs, parents the exact sums of their children. */
export type AreaDemand = {
  population: number;
  eligible: number;
  alreadyServed: number;
  /** `round(eligible × turnout) − alreadyServed`, never negative. */
  demand: number;
};

/** Which defaults the demand stage had to fall back on, for the plan's assumptions. */
export type DemandDefaultsUsed = {
  leavesWithoutEligibleShare: number;
  leavesWithoutTurnout: number;
  leavesWithoutPopulation: number;
  parentsWhosePopulationDiffers: { code: string; given: number; sumOfChildren: number }[];
};

/** Options of {@link computeDemand}. */
export type ComputeDemandOptions = {
  /** Share of the population eligible where no area up the tree gives one. Default 1. */
  defaultEligibleShare?: number;
  /** Turnout where no area up the tree gives one. Default 1. */
  defaultTurnout?: number;
};

/**
 * Demand per area. Only leaves carry demand: `eligible` (or `population × eligibleShare`,
 * rounded to whole people) × `turnout`, rounded, less `alreadyServed`, never negative.
 * `eligibleShare` and `turnout` given on a parent hold for its descendants unless they give
 * their own. Every parent's figures are the sums of its children's, so they roll up exactly.
 *
 * @example
 * const tree = buildAreaTree([
 *   { code: 'P', name: 'Province', eligibleShare: 0.75 },
 *   { code: 'a', name: 'A', parentCode: 'P', population: 1000, turnout: 0.9 },
 *   { code: 'b', name: 'B', parentCode: 'P', population: 400, alreadyServed: 100 },
 * ]);
 * computeDemand(tree).demand.map((d) => d.demand) // => [875, 675, 200]
 */
export function computeDemand(
  tree: AreaTree,
  options: ComputeDemandOptions = {},
): { demand: AreaDemand[]; defaultsUsed: DemandDefaultsUsed } {
  const defaultEligibleShare = options.defaultEligibleShare ?? 1;
  const defaultTurnout = options.defaultTurnout ?? 1;
  const { nodes, order } = tree;
  const share = new Array<number | undefined>(nodes.length);
  const turnout = new Array<number | undefined>(nodes.length);
  const demand: AreaDemand[] = nodes.map(() => ({ population: 0, eligible: 0, alreadyServed: 0, demand: 0 }));
  const defaultsUsed: DemandDefaultsUsed = {
    leavesWithoutEligibleShare: 0,
    leavesWithoutTurnout: 0,
    leavesWithoutPopulation: 0,
    parentsWhosePopulationDiffers: [],
  };

  for (const index of order) {
    const node = nodes[index] as AreaNode;
    share[index] = node.eligibleShare ?? (node.parent >= 0 ? share[node.parent] : undefined);
    turnout[index] = node.turnout ?? (node.parent >= 0 ? turnout[node.parent] : undefined);
    if (node.children.length > 0) continue;
    const row = demand[index] as AreaDemand;
    const leafShare = share[index];
    const leafTurnout = turnout[index];
    if (node.eligible === undefined && leafShare === undefined && node.population !== undefined) {
      defaultsUsed.leavesWithoutEligibleShare++;
    }
    if (leafTurnout === undefined) defaultsUsed.leavesWithoutTurnout++;
    if (node.population === undefined && node.eligible === undefined) defaultsUsed.leavesWithoutPopulation++;
    row.population = node.population ?? 0;
    row.eligible = node.eligible ?? Math.round(row.population * (leafShare ?? defaultEligibleShare));
    row.alreadyServed = node.alreadyServed ?? 0;
    row.demand = Math.max(0, Math.round(row.eligible * (leafTurnout ?? defaultTurnout)) - row.alreadyServed);
  }

  for (let k = order.length - 1; k >= 0; k--) {
    const index = order[k] as number;
    const node = nodes[index] as AreaNode;
    if (node.children.length === 0) continue;
    const row = demand[index] as AreaDemand;
    for (const child of node.children) {
      const from = demand[child] as AreaDemand;
      row.population += from.population;
      row.eligible += from.eligible;
      row.alreadyServed += from.alreadyServed;
      row.demand += from.demand;
    }
    if (node.population !== undefined && node.population !== row.population) {
      defaultsUsed.parentsWhosePopulationDiffers.push({
        code: node.code,
        given: node.population,
        sumOfChildren: row.population,
      });
    }
  }
  return { demand, defaultsUsed };
}
