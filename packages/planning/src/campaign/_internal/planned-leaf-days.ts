import { leavesUnder } from '../../demand/_internal/leaves-under.ts';
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
  /** Whole dossiers all the leaves have done by the end of `days[day]`. */
  totalOf: (day: number) => number;
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
  /** A pool's whole dossiers done by the end of open day `day`, by the position of a leaf among its leaves. */
  poolDay: (pool: number, day: number) => Int32Array;
  /** The position of each leaf (by node index) among its pool's leaves. */
  position: Int32Array;
} | null;

/** The `k`-th smallest of `values` (from 0), which it reorders (Hoare's selection). */
function kthSmallest(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1] as number;
    let i = low;
    let j = high;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const swapped = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swapped;
        i++;
        j--;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else break;
  }
  return values[k] as number;
}

/**
 * Adds one dossier to each of the `left` leaves of largest `remainder`, the earlier leaf first
 * among equals. Those are the leaves above the `left`-th largest remainder, then the earliest of
 * those at it: sorting the leaves by remainder, a pool's every day, was most of a province's
 * comparison with actuals.
 */
function giveLeftOver(whole: Int32Array, remainder: Float64Array, left: number): void {
  const count = whole.length;
  if (left >= count) {
    for (let i = 0; i < count; i++) whole[i] = (whole[i] as number) + 1;
    return;
  }
  const threshold = kthSmallest(new Float64Array(remainder), count - left);
  let atThreshold = left;
  for (let i = 0; i < count; i++) if ((remainder[i] as number) > threshold) atThreshold--;
  for (let i = 0; i < count; i++) {
    const share = remainder[i] as number;
    if (share > threshold || (share === threshold && atThreshold-- > 0)) whole[i] = (whole[i] as number) + 1;
  }
}

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
  const demandsOfPool = new Map<number, Float64Array>();
  for (const [pool, members] of leavesOfPool) {
    members.forEach((member, i) => {
      position[member.index] = i;
    });
    demandsOfPool.set(pool, Float64Array.from(members, demandOf));
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
    const demands = demandsOfPool.get(pool) ?? new Float64Array(0);
    const whole = new Int32Array(demands.length);
    const remainder = new Float64Array(demands.length);
    let left = done;
    for (let i = 0; i < demands.length; i++) {
      const exact = poolDemand === 0 ? 0 : (done * (demands[i] as number)) / poolDemand;
      const floor = Math.floor(exact + RELATIVE_EPSILON);
      whole[i] = floor;
      remainder[i] = exact - floor;
      left -= floor;
    }
    if (left > 0) giveLeftOver(whole, remainder, left);
    perDay[day] = whole;
    return whole;
  };
  return {
    pools,
    cumulativeOf: (node, day) => {
      const pool = pools.poolOf[node.index] as number;
      return pool < 0 ? 0 : (sharesOf(pool, day)[position[node.index] as number] as number);
    },
    poolDay: sharesOf,
    position,
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
  const leaves = leavesUnder(prep.tree, area);
  const demandOf = (node: AreaNode) => prep.demand[node.index]?.demand ?? 0;
  if (shares === null) {
    const days = prep.period;
    const total = days.length;
    const cumulativeOf = (node: AreaNode, day: number) => Math.floor((demandOf(node) * (day + 1)) / total);
    return {
      days,
      leaves,
      cumulativeOf,
      totalOf: (day) => leaves.reduce((sum, leaf) => sum + cumulativeOf(leaf, day), 0),
    };
  }
  const { pools, position } = shares;
  let last = prep.period.length;
  // The leaves' positions among their pool's, by pool: a day's total reads each pool's shares once.
  const positionsByPool = new Map<number, number[]>();
  for (const leaf of leaves) {
    const pool = pools.poolOf[leaf.index] as number;
    const needed = pool >= 0 && demandOf(leaf) > 0 ? (pools.poolDays.get(pool) ?? 0) : 0;
    if (Number.isFinite(needed)) last = Math.max(last, needed);
    if (pool < 0) continue;
    const positions = positionsByPool.get(pool);
    if (positions) positions.push(position[leaf.index] as number);
    else positionsByPool.set(pool, [position[leaf.index] as number]);
  }
  const totalOf = (day: number) => {
    let total = 0;
    for (const [pool, positions] of positionsByPool) {
      const whole = shares.poolDay(pool, day);
      for (const at of positions) total += whole[at] as number;
    }
    return total;
  };
  return { days: pools.days.slice(0, last), leaves, cumulativeOf: shares.cumulativeOf, totalOf };
}
