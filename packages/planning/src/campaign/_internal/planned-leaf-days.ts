import { isInSubtree } from '../../demand/_internal/subtree.ts';
import type { AreaNode } from '../../demand/area-tree.ts';
import type { OpenDay } from '../../time/open-days.ts';
import { planPools } from './pools.ts';
import { type PreparedCampaign, RELATIVE_EPSILON } from './prepare-campaign.ts';

/** The plan of each leaf under an area, as whole dossiers done by the end of each planned day. */
export type PlannedLeafDays = {
  /** Open days of the plan: to the deadline, or further until the area's last pool finishes. */
  days: OpenDay[];
  /** The leaves under the area (itself when it is one), in node order. */
  leaves: AreaNode[];
  /** Whole dossiers a leaf has done by the end of `days[day]`. */
  cumulativeOf: (leaf: AreaNode, day: number) => number;
};

/**
 * Each pool's whole dossiers done by the end of each planned day, shared over its leaves: they
 * depend on the pool and the day only, so one set serves every area of a campaign (worked out
 * lazily, a pool and day at a time). Null without machines.
 */
export type LeafShares = {
  pools: ReturnType<typeof planPools>;
  /** Whole dossiers a leaf has done by the end of open day `day` of the pools' calendar. */
  cumulativeOf: (leaf: AreaNode, day: number) => number;
} | null;

/** The shares of a prepared campaign's pools (see {@link LeafShares}). */
export function createLeafShares(prep: PreparedCampaign): LeafShares {
  if (!prep.machines) return null;
  const demandOf = (node: AreaNode) => prep.demand[node.index]?.demand ?? 0;
  const pools = planPools(prep, prep.machines);
  const perHour = prep.capacity.dossiersPerMachineHour;
  // Each pool's whole dossiers of a day are shared over all its leaves by largest remainder,
  // so the leaves' shares add up exactly to what the pool did (and parents to their leaves).
  const leavesOfPool = new Map<number, AreaNode[]>();
  for (const node of prep.tree.nodes) {
    const pool = pools.poolOf[node.index] as number;
    if (node.children.length === 0 && pool >= 0) {
      const members = leavesOfPool.get(pool);
      if (members) members.push(node);
      else leavesOfPool.set(pool, [node]);
    }
  }
  // Shares are computed once per pool and day, as whole numbers indexed by a leaf's position
  // among its pool's leaves.
  const position = new Int32Array(prep.tree.nodes.length).fill(-1);
  for (const members of leavesOfPool.values()) {
    members.forEach((member, i) => {
      position[member.index] = i;
    });
  }
  const sharesByPool = new Map<number, Int32Array[]>();
  const sharesOf = (pool: number, day: number): Int32Array => {
    let perDay = sharesByPool.get(pool);
    if (perDay === undefined) {
      perDay = [];
      sharesByPool.set(pool, perDay);
    }
    const cached = perDay[day];
    if (cached !== undefined) return cached;
    const poolDemand = pools.demandInPool[pool] as number;
    const poolWork = pools.workloadInPool[pool] as number;
    const machines = prep.machines?.get(pool) ?? 0;
    // Work done in dossiers at the campaign's service; where areas have their own, the pool has
    // done that share of its workload, and so of its demand.
    const work = machines * perHour * (pools.cumulativeHours[day] ?? 0);
    const done =
      poolDemand === 0
        ? 0
        : Math.min(
            poolDemand,
            Math.floor((poolWork === poolDemand ? work : (work * poolDemand) / poolWork) + RELATIVE_EPSILON),
          );
    const members = leavesOfPool.get(pool) ?? [];
    const whole = new Int32Array(members.length);
    const remainder = new Float64Array(members.length);
    let left = done;
    members.forEach((member, i) => {
      const exact = poolDemand === 0 ? 0 : (done * demandOf(member)) / poolDemand;
      const floor = Math.floor(exact + RELATIVE_EPSILON);
      whole[i] = floor;
      remainder[i] = exact - floor;
      left -= floor;
    });
    if (left > 0) {
      // Largest remainder first, earlier leaf first among equals.
      const order = Array.from({ length: members.length }, (_, i) => i).sort(
        (a, b) => (remainder[b] as number) - (remainder[a] as number) || a - b,
      );
      for (const i of order) {
        if (left <= 0) break;
        whole[i] = (whole[i] as number) + 1;
        left--;
      }
    }
    perDay[day] = whole;
    return whole;
  };
  return {
    pools,
    cumulativeOf: (node, day) => {
      const pool = pools.poolOf[node.index] as number;
      return pool < 0 ? 0 : (sharesOf(pool, day)[position[node.index] as number] as number);
    },
  };
}

/**
 * The planned days of every leaf under the node at index `area`. Without machines each leaf's
 * demand is spread evenly over the open days to the deadline; with machines each pool does what
 * its machines can each day (past the deadline when late), shared over its leaves in proportion
 * to their demand, so that the leaves of a pool finish together. `shares` may be given when
 * several areas of one campaign are planned day by day.
 */
export function plannedLeafDays(
  prep: PreparedCampaign,
  area: number,
  shares: LeafShares = createLeafShares(prep),
): PlannedLeafDays {
  const leaves = prep.tree.nodes.filter(
    (node) => node.children.length === 0 && isInSubtree(prep.tree, node.index, area),
  );
  const demandOf = (node: AreaNode) => prep.demand[node.index]?.demand ?? 0;
  if (shares === null) {
    const days = prep.period;
    const total = days.length;
    return { days, leaves, cumulativeOf: (node, day) => Math.floor((demandOf(node) * (day + 1)) / total) };
  }
  const { pools } = shares;
  let last = prep.period.length;
  for (const leaf of leaves) {
    const pool = pools.poolOf[leaf.index] as number;
    const needed = pool >= 0 && demandOf(leaf) > 0 ? (pools.poolDays.get(pool) ?? 0) : 0;
    if (Number.isFinite(needed)) last = Math.max(last, needed);
  }
  return { days: pools.days.slice(0, last), leaves, cumulativeOf: shares.cumulativeOf };
}
