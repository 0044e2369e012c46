import { requireString } from '../_internal/validate.ts';
import type { AreaNode } from '../demand/area-tree.ts';
import { isInSubtree } from '../demand/area-tree.ts';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { planPools } from './_internal/pools.ts';
import { prepareCampaign, RELATIVE_EPSILON } from './_internal/prepare-campaign.ts';
import type { CampaignInput } from './types.ts';

/** One open day of an area's plan: dossiers planned that day and up to it. */
export type PlannedDay = { date: string; planned: number; cumulativePlanned: number };

/**
 * The plan of one area day by day, in whole dossiers that sum exactly to its demand (and a
 * parent's days are the sums of its leaves'). Without machines the demand is spread evenly over
 * the open days to the deadline; with machines each pool does what its machines can each day
 * (past the deadline when late), shared over its areas in proportion to their demand.
 *
 * @example
 * plannedDailySeries({
 *   areas: [{ code: 'x', name: 'X', eligible: 10 }],
 *   calendar: { start: '2021-03-19', deadline: '2021-03-21' },
 *   hours: { open: '07:30', close: '22:00' },
 *   service: { minutesPerDossier: 3.48 },
 * }, 'x').map((d) => d.planned)
 * // => [3, 3, 4]
 */
export function plannedDailySeries(input: CampaignInput, areaCode: string): PlannedDay[] {
  const prep = prepareCampaign(input);
  const code = requireString(areaCode, 'areaCode');
  const area = prep.tree.byCode.get(code);
  if (area === undefined) {
    throw new PlanningInputError({
      path: 'areaCode',
      code: 'unknown-reference',
      expected: 'the code of an area in the plan',
      received: code,
    });
  }
  const leaves = prep.tree.nodes.filter(
    (node) => node.children.length === 0 && isInSubtree(prep.tree, node.index, area),
  );
  const demandOf = (node: AreaNode) => prep.demand[node.index]?.demand ?? 0;

  let days = prep.period;
  let cumulativeOf: (node: AreaNode, day: number) => number;
  if (!prep.machines) {
    const total = days.length;
    cumulativeOf = (node, day) => Math.floor((demandOf(node) * (day + 1)) / total);
  } else {
    const pools = planPools(prep, prep.machines);
    const perHour = prep.capacity.dossiersPerMachineHour;
    let last = days.length;
    for (const leaf of leaves) {
      const pool = pools.poolOf[leaf.index] as number;
      const needed = pool >= 0 && demandOf(leaf) > 0 ? (pools.poolDays.get(pool) ?? 0) : 0;
      if (Number.isFinite(needed)) last = Math.max(last, needed);
    }
    days = pools.days.slice(0, last);
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
    const shareCache = new Map<string, number>();
    const shareOf = (pool: number, day: number, leaf: AreaNode): number => {
      const key = `${pool}:${day}`;
      if (!shareCache.has(`${key}:done`)) {
        const poolDemand = pools.demandInPool[pool] as number;
        const machines = prep.machines?.get(pool) ?? 0;
        const done =
          poolDemand === 0
            ? 0
            : Math.min(
                poolDemand,
                Math.floor(machines * perHour * (pools.cumulativeHours[day] ?? 0) + RELATIVE_EPSILON),
              );
        const members = leavesOfPool.get(pool) ?? [];
        const exact = members.map((m) => (poolDemand === 0 ? 0 : (done * demandOf(m)) / poolDemand));
        const whole = exact.map((x) => Math.floor(x + RELATIVE_EPSILON));
        let left = done - whole.reduce((a, b) => a + b, 0);
        const byRemainder = exact
          .map((_, i) => i)
          .sort((a, b) => {
            const ra = (exact[a] as number) - (whole[a] as number);
            const rb = (exact[b] as number) - (whole[b] as number);
            return rb - ra || a - b;
          });
        for (const i of byRemainder) {
          if (left <= 0) break;
          whole[i] = (whole[i] as number) + 1;
          left--;
        }
        members.forEach((m, i) => {
          shareCache.set(`${key}:${m.index}`, whole[i] as number);
        });
        shareCache.set(`${key}:done`, done);
      }
      return shareCache.get(`${key}:${leaf.index}`) ?? 0;
    };
    cumulativeOf = (node, day) => {
      const pool = pools.poolOf[node.index] as number;
      return pool < 0 ? 0 : shareOf(pool, day, node);
    };
  }
  const series: PlannedDay[] = [];
  let previous = 0;
  days.forEach((day, k) => {
    let cumulative = 0;
    for (const leaf of leaves) cumulative += cumulativeOf(leaf, k);
    series.push({ date: day.date, planned: cumulative - previous, cumulativePlanned: cumulative });
    previous = cumulative;
  });
  return series;
}
