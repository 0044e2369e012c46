import { type TravelTable, travelHours } from './travel.ts';

/**
 * Open paths through `nodes` starting at `start` (table indices), short in total travel:
 * nearest neighbour from a few first stops, each polished by 2-opt (when travel is symmetric)
 * and by moving single stops (Or-opt), until no move gains. Returns the distinct paths found,
 * `start` excluded, so the caller can keep the one that splits best.
 */
export function shortOpenPaths(table: TravelTable, start: number, nodes: readonly number[]): number[][] {
  if (nodes.length <= 1) return [nodes.slice()];
  const firsts = firstStops(table, start, nodes);
  const paths: number[][] = [];
  const seen = new Set<string>();
  for (const first of firsts) {
    const path = improve(table, [start, ...nearestNeighbour(table, first, nodes)]).slice(1);
    const key = path.join(',');
    if (!seen.has(key)) {
      seen.add(key);
      paths.push(path);
    }
  }
  return paths;
}

/** Every stop on small instances (cheap, and it is where a poor first choice costs most); otherwise the nearest and the farthest. */
const TRY_EVERY_FIRST_STOP_UP_TO = 12;

/** On large paths the first stop matters little beside the local search, which is the costly part: one start only. */
const ONE_FIRST_STOP_FROM = 200;

function nearestTo(table: TravelTable, start: number, nodes: readonly number[]): number {
  let nearest = nodes[0] ?? 0;
  for (const node of nodes)
    if (travelHours(table, start, node) < travelHours(table, start, nearest)) nearest = node;
  return nearest;
}

function firstStops(table: TravelTable, start: number, nodes: readonly number[]): number[] {
  if (nodes.length <= TRY_EVERY_FIRST_STOP_UP_TO) return nodes.slice();
  if (nodes.length > ONE_FIRST_STOP_FROM) return [nearestTo(table, start, nodes)];
  let nearest = nodes[0] ?? 0;
  let farthest = nearest;
  for (const node of nodes) {
    const h = travelHours(table, start, node);
    if (h < travelHours(table, start, nearest)) nearest = node;
    if (h > travelHours(table, start, farthest)) farthest = node;
  }
  return nearest === farthest ? [nearest] : [nearest, farthest];
}

function nearestNeighbour(table: TravelTable, first: number, nodes: readonly number[]): number[] {
  const left = nodes.filter((n) => n !== first);
  const path = [first];
  let at = first;
  while (left.length > 0) {
    let best = 0;
    let bestHours = Number.POSITIVE_INFINITY;
    for (let i = 0; i < left.length; i++) {
      const h = travelHours(table, at, left[i] ?? 0);
      if (h < bestHours) {
        bestHours = h;
        best = i;
      }
    }
    at = left[best] ?? 0;
    path.push(at);
    left.splice(best, 1);
  }
  return path;
}

const GAIN_EPSILON = 1e-9;
/** Local search stops after this many sweeps even if moves still gain (each sweep is quadratic). */
const MAX_SWEEPS = 60;

/** Beyond this many stops, moves are only tried towards each stop's nearest neighbours. */
const FULL_NEIGHBOURHOOD_UP_TO = 60;
/** Nearest neighbours a move may join a stop to on large paths (the usual candidate-list size for 2-opt). */
export const CANDIDATES = 10;

/** For each node of the path (by table index), its `CANDIDATES` nearest other nodes of the path. */
function candidateLists(table: TravelTable, nodes: readonly number[]): Map<number, number[]> {
  const lists = new Map<number, number[]>();
  for (const a of nodes)
    lists.set(
      a,
      nearestOf(nodes, a, (b) => travelHours(table, a, b)),
    );
  return lists;
}

/**
 * The first CANDIDATES of `nodes` but `a` as sorting them by hours, then index, would list them,
 * kept by insertion in one pass (a sort of every node for each node was most of a 460-commune
 * plan's routing). Hours and index order the nodes totally, so the first ones are the same
 * whatever the method; a NaN hour breaks that order, and the nodes are sorted as they were.
 */
export function nearestOf(nodes: readonly number[], a: number, hoursTo: (b: number) => number): number[] {
  const closer = (x: number, y: number): number => hoursTo(x) - hoursTo(y) || x - y;
  const first: number[] = [];
  for (const b of nodes) {
    if (b === a) continue;
    if (Number.isNaN(hoursTo(b)))
      return nodes
        .filter((n) => n !== a)
        .sort(closer)
        .slice(0, CANDIDATES);
    if (first.length === CANDIDATES) {
      if (closer(b, first[CANDIDATES - 1] as number) >= 0) continue;
      first.pop();
    }
    let at = first.length;
    while (at > 0 && closer(b, first[at - 1] as number) < 0) at--;
    first.splice(at, 0, b);
  }
  return first;
}

/** `path[0]` is fixed (the start); the path is open at its end. */
function improve(table: TravelTable, path: number[]): number[] {
  const { hours, size } = table;
  // A sentinel end (-1) costs nothing to reach, which makes the path open.
  const p = [...path, -1];
  const d = (a: number, b: number): number => (a < 0 || b < 0 ? 0 : (hours[a * size + b] as number));
  const last = p.length - 1;
  const restricted = last - 1 > FULL_NEIGHBOURHOOD_UP_TO;
  const candidates = restricted ? candidateLists(table, path) : undefined;
  const position = new Map<number, number>();
  const locate = (): void => {
    position.clear();
    p.forEach((node, k) => {
      position.set(node, k);
    });
  };
  locate();
  const partners = (node: number): number[] => {
    if (candidates === undefined) {
      const all: number[] = [];
      for (let k = 0; k < last; k++) all.push(k);
      return all;
    }
    const out: number[] = [0];
    for (const c of candidates.get(node) ?? []) {
      const k = position.get(c);
      if (k !== undefined) out.push(k, k - 1);
    }
    return out;
  };
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let gained = false;
    if (table.symmetric) {
      for (let i = 1; i < last - 1; i++) {
        for (const k of partners(p[i - 1] as number)) {
          const j = k;
          if (j <= i || j >= last) continue;
          const a = p[i - 1] as number;
          const b = p[i] as number;
          const c = p[j] as number;
          const e = p[j + 1] as number;
          if (d(a, c) + d(b, e) < d(a, b) + d(c, e) - GAIN_EPSILON) {
            reverse(p, i, j);
            locate();
            gained = true;
          }
        }
      }
    }
    for (let i = 1; i < last; i++) {
      const node = p[i] as number;
      const prev = p[i - 1] as number;
      const next = p[i + 1] as number;
      const removeGain = d(prev, node) + d(node, next) - d(prev, next);
      let bestAt = -1;
      let bestCost = removeGain - GAIN_EPSILON;
      for (const j of partners(node)) {
        if (j < 0 || j >= last || j === i || j === i - 1) continue;
        const x = p[j] as number;
        const y = p[j + 1] as number;
        const cost = d(x, node) + d(node, y) - d(x, y);
        if (cost < bestCost) {
          bestCost = cost;
          bestAt = j;
        }
      }
      if (bestAt >= 0) {
        p.splice(i, 1);
        p.splice(bestAt < i ? bestAt + 1 : bestAt, 0, node);
        locate();
        gained = true;
      }
    }
    if (!gained) break;
  }
  p.pop();
  return p;
}

function reverse(path: number[], i: number, j: number): void {
  for (let a = i, b = j; a < b; a++, b--) {
    const t = path[a] as number;
    path[a] = path[b] as number;
    path[b] = t;
  }
}

/** Exhaustive ordering is used up to this many stops (6! = 720 orders); beyond, the local search. */
const EXHAUSTIVE_ORDER_UP_TO = 6;

/**
 * The order of `nodes` that makes `from → nodes… (→ to)` shortest: exact for a handful of
 * stops, nearest neighbour polished by local search beyond. `to`, when given, is the fixed
 * last stop and is not in `nodes`.
 */
export function shortOrder(
  table: TravelTable,
  from: number,
  nodes: readonly number[],
  to?: number,
): number[] {
  if (nodes.length <= 1) return nodes.slice();
  const cost = (order: readonly number[]): number => {
    let total = 0;
    let at = from;
    for (const node of order) {
      total += travelHours(table, at, node);
      at = node;
    }
    return to === undefined ? total : total + travelHours(table, at, to);
  };
  if (nodes.length <= EXHAUSTIVE_ORDER_UP_TO) {
    let best = nodes.slice();
    let bestCost = cost(best);
    permute(nodes.slice(), 0, (order) => {
      const c = cost(order);
      if (c < bestCost - GAIN_EPSILON) {
        bestCost = c;
        best = order.slice();
      }
    });
    return best;
  }
  let best = nodes.slice();
  let bestCost = cost(best);
  for (const candidate of shortOpenPaths(table, from, nodes)) {
    const c = cost(candidate);
    if (c < bestCost - GAIN_EPSILON) {
      bestCost = c;
      best = candidate;
    }
  }
  return best;
}

function permute(items: number[], k: number, visit: (order: readonly number[]) => void): void {
  if (k === items.length) {
    visit(items);
    return;
  }
  for (let i = k; i < items.length; i++) {
    [items[k], items[i]] = [items[i] as number, items[k] as number];
    permute(items, k + 1, visit);
    [items[k], items[i]] = [items[i] as number, items[k] as number];
  }
}
