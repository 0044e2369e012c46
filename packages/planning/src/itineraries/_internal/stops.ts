import { priorityClasses } from './priority-classes.ts';
import type { MobileProblem } from './read-input.ts';
import type { Stop } from './schedule.ts';
import { hourOfDate, type Timeline } from './timeline.ts';
import { type TravelTable, travelHours } from './travel.ts';

/** The places a team must go: communes not left to a fixed site or to a neighbour's visit. */
export type Stops = {
  /** The stop of each commune that has its own, by commune index. */
  stopOf: Map<number, number>;
  /** The commune index of each stop. */
  communes: number[];
  /** Dossiers of each stop: its commune's and its guests'. */
  demand: number[];
  /** Each stop's work (in hours of the slowest team), earliest start and priority class. */
  stops: Stop[];
  /** Drive times between home (point 0) and the stops (point s + 1). */
  table: TravelTable;
};

export function planStops(
  problem: MobileProblem,
  servedByFixed: ReadonlyMap<number, string>,
  hostOf: ReadonlyMap<number, number>,
  timeline: Timeline,
  remoteness: Float64Array,
): Stops {
  const stopOf = new Map<number, number>();
  const communes: number[] = [];
  const demand: number[] = [];
  for (const c of problem.communes) {
    if (servedByFixed.has(c.index) || hostOf.has(c.index)) continue;
    stopOf.set(c.index, communes.length);
    communes.push(c.index);
    demand.push(c.demand);
  }
  for (const [guest, host] of hostOf) {
    const stop = stopOf.get(host);
    if (stop !== undefined) demand[stop] = (demand[stop] ?? 0) + (problem.communes[guest]?.demand ?? 0);
  }
  const phases = priorityClasses(problem, communes, remoteness);
  const stops: Stop[] = communes.map((communeIndex, s) => {
    const earliest = problem.communes[communeIndex]?.earliestDate;
    return {
      workHours: (demand[s] ?? 0) / problem.slowestTeamDossiersPerHour,
      earliestHour: earliest === undefined ? 0 : hourOfDate(timeline, earliest),
      phase: phases[s] ?? 1,
    };
  });
  return { stopOf, communes, demand, stops, table: subTable(problem.travel.table, communes) };
}

function subTable(table: TravelTable, communeIndexes: readonly number[]): TravelTable {
  const points = [0, ...communeIndexes.map((i) => i + 1)];
  const size = points.length;
  const hours = new Float64Array(size * size);
  for (let a = 0; a < size; a++) {
    for (let b = 0; b < size; b++) hours[a * size + b] = travelHours(table, points[a] ?? 0, points[b] ?? 0);
  }
  return { size, hours, symmetric: table.symmetric };
}
