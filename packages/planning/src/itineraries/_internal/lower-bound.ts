import { type TravelTable, travelHours } from './travel.ts';

/** Hours of the shortest chain of drives from point 0 (home) to every point (Dijkstra on the dense table). */
export function shortestFromHome(table: TravelTable): Float64Array {
  const n = table.size;
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const done = new Uint8Array(n);
  dist[0] = 0;
  for (let round = 0; round < n; round++) {
    let u = -1;
    for (let v = 0; v < n; v++) if (!done[v] && (u < 0 || (dist[v] ?? 0) < (dist[u] ?? 0))) u = v;
    if (u < 0) break;
    done[u] = 1;
    const du = dist[u] ?? 0;
    for (let v = 0; v < n; v++) {
      const via = du + travelHours(table, u, v);
      if (!done[v] && via < (dist[v] ?? 0)) dist[v] = via;
    }
  }
  return dist;
}

export type LowerBoundParts = {
  hours: number;
  workHours: number;
  setupHours: number;
  leastTravelHours: number;
  /** Which argument set the bound. */
  limitedBy: 'team-hours' | 'farthest-commune';
};

/**
 * No plan ends before all the work, one set-up per stop and the cheapest drive into each stop
 * (every stop is entered at least once, from home or from another stop) are shared among the
 * teams; nor before the slowest stop can be reached and worked by all teams at once. Work is in
 * hours of the slowest team and `paces` are each team's work per hour over the slowest team's
 * (the least is 1): by time T the teams do Σ pace × (T − their set-ups and drives) of work, and
 * set-ups and drives cost the least work when the slowest team makes them, so
 * T ≥ (work + set-ups + drives) ÷ Σ pace. Identical teams have pace 1 and share them evenly.
 * Stops are table points 1..n; `workHours[i]` and `earliestHour[i]` belong to point i + 1. When
 * teams' crews work different days, `hourHolding` gives the first hour by which the teams, each
 * on its own days, have worked that many hours × pace together.
 */
export function lowerBoundHours(
  table: TravelTable,
  workHours: readonly number[],
  earliestHour: readonly number[],
  paces: readonly number[],
  setupHours: number,
  hourHolding: (teamHours: number) => number = (teamHours) =>
    teamHours / paces.reduce((total, pace) => total + pace, 0),
): LowerBoundParts {
  const teams = paces.reduce((total, pace) => total + pace, 0);
  const n = workHours.length;
  let work = 0;
  let setup = 0;
  let travel = 0;
  let single = 0;
  const reach = shortestFromHome(table);
  for (let i = 0; i < n; i++) {
    const w = workHours[i] ?? 0;
    if (w <= 0) continue;
    work += w;
    setup += setupHours;
    let cheapest = travelHours(table, 0, i + 1);
    for (let j = 0; j < n; j++) {
      if (j !== i && (workHours[j] ?? 0) > 0) cheapest = Math.min(cheapest, travelHours(table, j + 1, i + 1));
    }
    travel += cheapest;
    const start = Math.max(reach[i + 1] ?? 0, earliestHour[i] ?? 0) + setupHours;
    single = Math.max(single, start + w / teams);
  }
  const shared = hourHolding(work + setup + travel);
  return {
    hours: Math.max(shared, single),
    workHours: work,
    setupHours: setup,
    leastTravelHours: travel,
    limitedBy: single > shared ? 'farthest-commune' : 'team-hours',
  };
}
