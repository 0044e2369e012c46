import type { AreaNode } from '../../demand/area-tree.ts';
import { DEFAULT_HORIZON_DAYS } from '../../time/_internal/horizon.ts';
import { listOpenDays, type OpenDay } from '../../time/open-days.ts';
import { allocateByAdams } from './allocate-by-adams.ts';
import { type PreparedCampaign, RELATIVE_EPSILON } from './prepare-campaign.ts';

const NONE = -1;

/** How given machines serve the tree: which pool serves each area, and when each pool finishes. */
export type PoolPlan = {
  /** Node index of the pool serving each node, or -1. */
  poolOf: Int32Array;
  /** Demand under each node that its own pool serves. */
  demandInPool: Float64Array;
  /** The same as dossiers at the campaign's service (`PreparedCampaign.workload`): what the machines' hours go on. */
  workloadInPool: Float64Array;
  /** Open days each pool needs (by pool node index); 0 with nothing to do; Infinity when never. */
  poolDays: Map<number, number>;
  /** Whole machines of a pool stationed in each node; null where a node shares its parent's. */
  share: (number | null)[];
  /** Open days from the start, long enough for every pool that finishes within the horizon. */
  days: OpenDay[];
  /** Cumulative open hours at the end of each of `days`. */
  cumulativeHours: Float64Array;
};

function firstDayReaching(cumulativeHours: Float64Array, neededHours: number): number {
  const target = neededHours * (1 - RELATIVE_EPSILON);
  let lo = 0;
  let hi = cumulativeHours.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulativeHours[mid] as number) >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo < cumulativeHours.length ? lo + 1 : Number.POSITIVE_INFINITY;
}

export function planPools(prep: PreparedCampaign, machines: Map<number, number>): PoolPlan {
  const { tree, demand, capacity, workload } = prep;
  const n = tree.nodes.length;
  const poolOf = new Int32Array(n).fill(NONE);
  for (const index of tree.order) {
    const node = tree.nodes[index] as AreaNode;
    poolOf[index] = machines.has(index) ? index : node.parent >= 0 ? (poolOf[node.parent] as number) : NONE;
  }
  const demandInPool = new Float64Array(n);
  const workloadInPool = prep.overrides ? new Float64Array(n) : demandInPool;
  for (let k = tree.order.length - 1; k >= 0; k--) {
    const index = tree.order[k] as number;
    const node = tree.nodes[index] as AreaNode;
    if (node.children.length === 0) {
      demandInPool[index] = demand[index]?.demand ?? 0;
      workloadInPool[index] = workload[index] as number;
      continue;
    }
    let sum = 0;
    let work = 0;
    for (const child of node.children) {
      if (poolOf[child] !== poolOf[index]) continue;
      sum += demandInPool[child] as number;
      work += workloadInPool[child] as number;
    }
    demandInPool[index] = sum;
    workloadInPool[index] = work;
  }

  // Hours each pool needs, then enough open days to place the longest within the horizon.
  const neededHours = new Map<number, number>();
  let longest = 0;
  for (const [pool, count] of machines) {
    const poolWork = workloadInPool[pool] as number;
    const hours =
      poolWork === 0
        ? 0
        : count === 0
          ? Number.POSITIVE_INFINITY
          : poolWork / (count * capacity.dossiersPerMachineHour);
    neededHours.set(pool, hours);
    if (Number.isFinite(hours)) longest = Math.max(longest, hours);
  }
  let days = prep.period;
  if (longest > prep.periodHours && prep.window.nominalHours > 0) {
    // A clock change can shorten a day by an hour; ask for enough days to cover that.
    const shortestDay = Math.max(prep.window.nominalHours - 1, prep.window.nominalHours / 2);
    const atLeast = Math.min(
      DEFAULT_HORIZON_DAYS,
      prep.period.length + Math.ceil((longest - prep.periodHours) / shortestDay) + 1,
    );
    days = listOpenDays(prep.calendar, prep.window, { atLeast });
  }
  const cumulativeHours = new Float64Array(days.length);
  let running = 0;
  days.forEach((day, i) => {
    running += day.hours;
    cumulativeHours[i] = running;
  });
  const poolDays = new Map<number, number>();
  for (const [pool, hours] of neededHours) {
    poolDays.set(
      pool,
      hours === 0 ? 0 : Number.isFinite(hours) ? firstDayReaching(cumulativeHours, hours) : hours,
    );
  }

  const share: (number | null)[] = new Array(n).fill(null);
  for (const index of tree.order) {
    const node = tree.nodes[index] as AreaNode;
    const given = machines.get(index);
    if (given !== undefined) share[index] = given;
    const own = share[index];
    if (own === null || own === undefined || node.children.length === 0) continue;
    const inPool = node.children.filter((child) => !machines.has(child));
    // Machines go where the hours of work are: a slower area needs more for the same demand.
    const split = allocateByAdams(
      own,
      inPool.map((child) => workloadInPool[child] as number),
    );
    if (split === null) continue;
    inPool.forEach((child, i) => {
      share[child] = split[i] as number;
    });
  }
  return { poolOf, demandInPool, workloadInPool, poolDays, share, days, cumulativeHours };
}
