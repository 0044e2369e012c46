/**
 * Min-cost flow with node supplies and arc bounds, by the primal-dual method: Dijkstra on
 * reduced costs (Johnson potentials) from every node with excess raises the potentials so that a
 * shortest path to every deficit is admissible, then a blocking flow is pushed along the
 * zero-reduced-cost arcs at once. Costs, bounds and supplies are integers below 2^53, so every
 * figure is exact. Used on small networks; `NetworkSimplex` on larger ones.
 *
 * Built for repeated solves of one graph with new costs or bounds (the Lagrangian search and the
 * branch and bound of `coverShifts`): arcs are added once, the residual graph is laid out in typed
 * arrays on the first solve, and a warm solve starts from the last flow and potentials.
 *
 * Optimality is not assumed but checked: {@link MinCostFlow.solve} returns `certified` for a flow
 * only when every supply is routed and no residual arc has a negative reduced cost under the
 * final potentials, which is the complementary-slackness certificate that the flow is a minimum.
 * (Infeasibility is proved by the cut: nothing left to send reaches a node still short.)
 */
/**
 * `certified`: the answer is proved — for a feasible flow, that it is a minimum; for an
 * infeasible one, that no flow meets the supplies and bounds.
 */
export type FlowResult = { feasible: boolean; cost: number; certified: boolean };

/** What `CoverNetwork` asks of a min-cost flow solver (this one, or `NetworkSimplex`). */
export interface FlowSolver {
  addArc(from: number, to: number, cost: number, lower?: number, upper?: number): number;
  addSupply(node: number, amount: number): void;
  setCost(arc: number, cost: number): void;
  setBounds(arc: number, lower: number, upper: number): void;
  /** All costs were multiplied by num / den since the last solve (a hint for warm starts). */
  scaleCosts(num: number, den: number): void;
  solve(warm?: boolean): FlowResult;
  flowOf(arc: number): number;
}

/**
 * Figures (potentials, costs) are exact doubles below 2^53; a solve whose potentials or cost
 * reach this is not certified, since its reduced costs could have been rounded.
 */
const EXACT_LIMIT = 2 ** 52;

/** Whether the first `count` values and `total` stay where doubles are exact integers. */
export function withinExactRange(values: Float64Array, count: number, total: number): boolean {
  if (Math.abs(total) >= EXACT_LIMIT) return false;
  for (let i = 0; i < count; i++) if (Math.abs(values[i] ?? 0) >= EXACT_LIMIT) return false;
  return true;
}

/** Capacity that stands for "unbounded"; sums of real flows stay far below it. */
export const UNBOUNDED = 2 ** 50;
/** Units first put on an arc that starts full lazily; most such arcs end up carrying a few. */
const FIRST_STEP = 2;
const FAR = Number.MAX_VALUE;

export class MinCostFlow implements FlowSolver {
  readonly nodes: number;
  private arcs = 0;
  private tail: number[] = [];
  private head: number[] = [];
  private low: number[] = [];
  private high: number[] = [];
  private price: number[] = [];
  private readonly supply: Float64Array;
  // Residual graph, laid out on the first solve: arc 2i runs tail → head, 2i + 1 back.
  private laidOut = false;
  private first = new Int32Array(0);
  private order = new Int32Array(0);
  private to = new Int32Array(0);
  private cap = new Float64Array(0);
  private cost = new Float64Array(0);
  /** Flow on each arc after the last solve: where a warm start starts. */
  private current = new Float64Array(0);
  /** Capacity held back on arcs that start full lazily, the last step given, and which arcs. */
  private held = new Float64Array(0);
  private step = new Float64Array(0);
  private readonly heldArcs: number[] = [];
  private readonly excess: Float64Array;
  /** Node potentials after {@link solve}: the dual certificate. */
  readonly potential: Float64Array;
  private readonly dist: Float64Array;
  private readonly level: Int32Array;
  private readonly cursor: Int32Array;
  private readonly heap: Int32Array;
  private readonly slot: Int32Array;
  private readonly queue: Int32Array;
  private readonly path: Int32Array;

  constructor(nodes: number) {
    this.nodes = nodes;
    this.supply = new Float64Array(nodes);
    this.excess = new Float64Array(nodes);
    this.potential = new Float64Array(nodes);
    this.dist = new Float64Array(nodes);
    this.level = new Int32Array(nodes);
    this.cursor = new Int32Array(nodes);
    this.heap = new Int32Array(nodes);
    this.slot = new Int32Array(nodes);
    this.queue = new Int32Array(nodes);
    this.path = new Int32Array(nodes + 1);
  }

  /** Adds arc `from → to` carrying between `lower` and `upper` units; returns its id. */
  addArc(from: number, to: number, cost: number, lower = 0, upper = UNBOUNDED): number {
    this.tail.push(from);
    this.head.push(to);
    this.price.push(cost);
    this.low.push(lower);
    this.high.push(upper);
    this.laidOut = false;
    return this.arcs++;
  }

  setCost(arc: number, cost: number): void {
    this.price[arc] = cost;
  }

  setBounds(arc: number, lower: number, upper: number): void {
    this.low[arc] = lower;
    this.high[arc] = upper;
  }

  /** Positive: the node sends this much; negative: it receives. */
  addSupply(node: number, amount: number): void {
    this.supply[node] = (this.supply[node] ?? 0) + amount;
  }

  /** Flow on `arc` after the last {@link solve}. */
  flowOf(arc: number): number {
    return (this.low[arc] ?? 0) + (this.cap[2 * arc + 1] ?? 0);
  }

  private layOut(): void {
    const m = this.arcs;
    const n = this.nodes;
    const degree = new Int32Array(n);
    for (let i = 0; i < m; i++) {
      const u = this.tail[i] ?? 0;
      const v = this.head[i] ?? 0;
      degree[u] = (degree[u] ?? 0) + 1;
      degree[v] = (degree[v] ?? 0) + 1;
    }
    const first = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) first[v + 1] = (first[v] ?? 0) + (degree[v] ?? 0);
    const fill = first.slice(0, n);
    const order = new Int32Array(2 * m);
    const to = new Int32Array(2 * m);
    for (let i = 0; i < m; i++) {
      const u = this.tail[i] ?? 0;
      const v = this.head[i] ?? 0;
      to[2 * i] = v;
      to[2 * i + 1] = u;
      const at = fill[u] ?? 0;
      order[at] = 2 * i;
      fill[u] = at + 1;
      const back = fill[v] ?? 0;
      order[back] = 2 * i + 1;
      fill[v] = back + 1;
    }
    this.laidOut = true;
    this.first = first;
    this.order = order;
    this.to = to;
    this.cap = new Float64Array(2 * m);
    this.cost = new Float64Array(2 * m);
    this.current = new Float64Array(m);
    this.held = new Float64Array(m);
    this.step = new Float64Array(m);
  }

  /**
   * The starting flow: the last one (warm) or zero (cold), clamped to the bounds, with every arc
   * whose reduced cost is negative full and every positive one empty, so that each residual arc
   * has a non-negative reduced cost. False when an unbounded arc would have to be full.
   */
  private start(warm: boolean): boolean {
    const { cap, cost, excess, potential, current } = this;
    excess.set(this.supply);
    this.heldArcs.length = 0;
    if (!warm) potential.fill(0);
    for (let i = 0; i < this.arcs; i++) {
      const c = this.price[i] ?? 0;
      const lower = this.low[i] ?? 0;
      const upper = this.high[i] ?? 0;
      const u = this.tail[i] ?? 0;
      const v = this.head[i] ?? 0;
      const reduced = c + (potential[u] ?? 0) - (potential[v] ?? 0);
      let f = warm ? Math.min(upper, Math.max(lower, current[i] ?? 0)) : lower;
      let held = 0;
      if (reduced < 0) {
        if (upper >= UNBOUNDED) return false;
        // Full, lazily: a first step now, the rest held back until routing shows it is wanted.
        f = Math.min(upper, f + FIRST_STEP);
        held = upper - f;
        if (held > 0) {
          this.step[i] = FIRST_STEP;
          this.held[i] = held;
          this.heldArcs.push(i);
        }
      } else if (reduced > 0) f = lower;
      cost[2 * i] = c;
      cost[2 * i + 1] = -c;
      cap[2 * i] = upper - f - held;
      cap[2 * i + 1] = f - lower;
      excess[u] = (excess[u] ?? 0) - f;
      excess[v] = (excess[v] ?? 0) + f;
    }
    return true;
  }

  /**
   * Multiplies the potentials by num / den, rounded down, for a solve whose costs were all
   * multiplied so: arcs whose cost scales keep a non-negative reduced cost (an integer above −1).
   */
  scaleCosts(num: number, den: number): void {
    const potential = this.potential;
    for (let v = 0; v < this.nodes; v++) potential[v] = Math.floor(((potential[v] ?? 0) * num) / den);
  }

  /**
   * Cheapest flow. `warm` starts from the flow and potentials of the previous solve (when only a
   * few costs or bounds changed, little is left to re-route), else from zero flow and potentials.
   */
  solve(warm = false): FlowResult {
    if (!this.laidOut) this.layOut();
    if (!warm || !this.start(true)) this.start(false);
    const n = this.nodes;
    const { first, order, to, cap, cost, excess, potential } = this;
    for (;;) {
      let sources = 0;
      for (let v = 0; v < n; v++) if ((excess[v] ?? 0) > 0) sources++;
      while (sources > 0) {
        const reach = this.shortestDistances();
        if (reach === FAR) break;
        for (let v = 0; v < n; v++) {
          const d = this.dist[v] ?? FAR;
          potential[v] = (potential[v] ?? 0) + Math.min(d, reach);
        }
        sources = this.blockingFlow();
      }
      if (!this.releaseHeld(sources > 0)) break;
    }
    let total = 0;
    for (let i = 0; i < this.arcs; i++) {
      const f = this.flowOf(i);
      this.current[i] = f;
      total += (this.price[i] ?? 0) * f;
    }
    let feasible = true;
    for (let v = 0; v < n; v++) if ((excess[v] ?? 0) !== 0) feasible = false;
    // Infeasible means no deficit is reachable from what is left to send: a cut proves it.
    let certified = withinExactRange(potential, n, total);
    for (let u = 0; u < n && certified && feasible; u++) {
      const pu = potential[u] ?? 0;
      for (let j = first[u] ?? 0, end = first[u + 1] ?? 0; j < end; j++) {
        const e = order[j] ?? 0;
        if ((cap[e] ?? 0) > 0 && (cost[e] ?? 0) + pu - (potential[to[e] ?? 0] ?? 0) < 0) {
          certified = false;
          break;
        }
      }
    }
    // Only differences matter; keeping node 0 at zero stops warm starts from drifting upwards.
    const origin = potential[0] ?? 0;
    for (let v = 0; v < n; v++) potential[v] = (potential[v] ?? 0) - origin;
    return { feasible, cost: total, certified };
  }

  /**
   * Arcs held short of full: those still wanting flow (negative reduced cost) get twice the last
   * step more, or all of it when routing is stuck; the others get their capacity back. Returns
   * whether anything changed, in which case routing resumes.
   */
  private releaseHeld(stuck: boolean): boolean {
    const { cap, excess, potential, held, step, heldArcs } = this;
    if (heldArcs.length === 0) return false;
    let kept = 0;
    let pushed = false;
    for (const i of heldArcs) {
      const u = this.tail[i] ?? 0;
      const v = this.head[i] ?? 0;
      const rest = held[i] ?? 0;
      if ((this.price[i] ?? 0) + (potential[u] ?? 0) - (potential[v] ?? 0) < 0) {
        const more = stuck ? rest : Math.min(rest, 2 * (step[i] ?? 0));
        step[i] = more;
        held[i] = rest - more;
        cap[2 * i + 1] = (cap[2 * i + 1] ?? 0) + more;
        excess[u] = (excess[u] ?? 0) - more;
        excess[v] = (excess[v] ?? 0) + more;
        pushed = true;
        if (rest - more > 0) heldArcs[kept++] = i;
      } else {
        cap[2 * i] = (cap[2 * i] ?? 0) + rest;
        held[i] = 0;
      }
    }
    heldArcs.length = kept;
    return pushed || stuck;
  }

  /**
   * Dijkstra from all nodes with excess over the whole residual graph; returns the largest
   * distance reached, or FAR if no deficit was. Raising potentials by these distances makes a
   * shortest path to every deficit admissible at once, so one blocking flow serves deficits at
   * all distances (pushing along zero reduced costs keeps every residual reduced cost ≥ 0).
   */
  private shortestDistances(): number {
    const n = this.nodes;
    const { first, order, to, cap, cost, excess, potential, dist, heap, slot } = this;
    dist.fill(FAR);
    slot.fill(-1);
    let size = 0;
    for (let v = 0; v < n; v++) {
      if ((excess[v] ?? 0) > 0) {
        dist[v] = 0;
        heap[size] = v;
        slot[v] = size++;
      }
    }
    let deficit = false;
    let farthest = 0;
    while (size > 0) {
      const u = heap[0] ?? 0;
      const du = dist[u] ?? FAR;
      slot[u] = -2;
      size--;
      if (size > 0) this.siftDown(heap[size] ?? 0, 0, size);
      if ((excess[u] ?? 0) < 0) deficit = true;
      farthest = du;
      const pu = du + (potential[u] ?? 0);
      for (let j = first[u] ?? 0, end = first[u + 1] ?? 0; j < end; j++) {
        const e = order[j] ?? 0;
        if ((cap[e] ?? 0) <= 0) continue;
        const v = to[e] ?? 0;
        const s = slot[v] ?? 0;
        if (s === -2) continue;
        const nd = pu + (cost[e] ?? 0) - (potential[v] ?? 0);
        if (nd < (dist[v] ?? FAR)) {
          dist[v] = nd;
          if (s === -1) {
            slot[v] = size;
            this.siftUp(v, size++);
          } else this.siftUp(v, s);
        }
      }
    }
    return deficit ? farthest : FAR;
  }

  private siftUp(v: number, at: number): void {
    const { heap, slot, dist } = this;
    const key = dist[v] ?? FAR;
    let i = at;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const w = heap[parent] ?? 0;
      if ((dist[w] ?? FAR) <= key) break;
      heap[i] = w;
      slot[w] = i;
      i = parent;
    }
    heap[i] = v;
    slot[v] = i;
  }

  private siftDown(v: number, at: number, size: number): void {
    const { heap, slot, dist } = this;
    const key = dist[v] ?? FAR;
    let i = at;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      const right = c + 1;
      if (right < size && (dist[heap[right] ?? 0] ?? FAR) < (dist[heap[c] ?? 0] ?? FAR)) c = right;
      const w = heap[c] ?? 0;
      if ((dist[w] ?? FAR) >= key) break;
      heap[i] = w;
      slot[w] = i;
      i = c;
    }
    heap[i] = v;
    slot[v] = i;
  }

  /** Levels by breadth-first search over admissible arcs from the sources; true if a deficit is reached. */
  private levelGraph(): boolean {
    const n = this.nodes;
    const { first, order, to, cap, cost, excess, potential, level, queue } = this;
    level.fill(-1);
    let tailAt = 0;
    for (let v = 0; v < n; v++) {
      if ((excess[v] ?? 0) > 0) {
        level[v] = 0;
        queue[tailAt++] = v;
      }
    }
    let sinkSeen = false;
    for (let qi = 0; qi < tailAt; qi++) {
      const u = queue[qi] ?? 0;
      const pu = potential[u] ?? 0;
      const next = (level[u] ?? 0) + 1;
      for (let j = first[u] ?? 0, end = first[u + 1] ?? 0; j < end; j++) {
        const e = order[j] ?? 0;
        const v = to[e] ?? 0;
        if (level[v] !== -1 || (cap[e] ?? 0) <= 0 || (cost[e] ?? 0) + pu !== (potential[v] ?? 0)) continue;
        level[v] = next;
        queue[tailAt++] = v;
        if ((excess[v] ?? 0) < 0) sinkSeen = true;
      }
    }
    return sinkSeen;
  }

  /** Pushes flow along level-increasing admissible paths until every source is blocked. */
  private augment(): void {
    const n = this.nodes;
    const { first, order, to, cap, cost, excess, potential, level, cursor, path } = this;
    cursor.set(first.subarray(0, n));
    for (let s = 0; s < n; s++) {
      if ((excess[s] ?? 0) <= 0 || level[s] !== 0) continue;
      let depth = 0;
      let u = s;
      while ((excess[s] ?? 0) > 0) {
        if (u !== s && (excess[u] ?? 0) < 0) {
          let amount = Math.min(excess[s] ?? 0, -(excess[u] ?? 0));
          for (let i = 0; i < depth; i++) amount = Math.min(amount, cap[path[i] ?? 0] ?? 0);
          for (let i = 0; i < depth; i++) {
            const e = path[i] ?? 0;
            cap[e] = (cap[e] ?? 0) - amount;
            cap[e ^ 1] = (cap[e ^ 1] ?? 0) + amount;
          }
          excess[s] = (excess[s] ?? 0) - amount;
          excess[u] = (excess[u] ?? 0) + amount;
          depth = 0;
          u = s;
          continue;
        }
        const pu = potential[u] ?? 0;
        const next = (level[u] ?? 0) + 1;
        const end = first[u + 1] ?? 0;
        let j = cursor[u] ?? 0;
        for (; j < end; j++) {
          const e = order[j] ?? 0;
          const v = to[e] ?? 0;
          if (level[v] === next && (cap[e] ?? 0) > 0 && (cost[e] ?? 0) + pu === (potential[v] ?? 0)) break;
        }
        cursor[u] = j;
        if (j < end) {
          const e = order[j] ?? 0;
          path[depth++] = e;
          u = to[e] ?? 0;
        } else {
          // Dead end: no augmenting path continues from u in this level graph.
          level[u] = -1;
          if (depth === 0) break;
          const back = path[--depth] ?? 0;
          u = to[back ^ 1] ?? 0;
        }
      }
    }
  }

  /**
   * A blocking flow (Dinic) on the admissible arcs (residual, zero reduced cost) from nodes with
   * excess to nodes with a deficit; returns how many sources remain. One round per phase: if
   * admissible paths remain, the next Dijkstra finds them at distance zero.
   */
  private blockingFlow(): number {
    while (this.levelGraph()) this.augment();
    const n = this.nodes;
    const excess = this.excess;
    let sources = 0;
    for (let v = 0; v < n; v++) if ((excess[v] ?? 0) > 0) sources++;
    return sources;
  }
}
