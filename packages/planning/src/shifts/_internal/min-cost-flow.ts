/**
 * Min-cost flow on a small directed graph with node supplies, by the primal-dual method:
 * Dijkstra on reduced costs (Johnson potentials) finds the cheapest distance to every node,
 * then a blocking flow is pushed along all zero-reduced-cost arcs at once. Costs and
 * capacities are integers below 2^53, so every figure is exact.
 *
 * Optimality is not assumed but checked: {@link MinCostFlow.solve} returns `certified` only
 * when every supply is routed and no residual arc has a negative reduced cost under the final
 * potentials, which is the complementary-slackness certificate that the flow is a minimum.
 */
export type FlowResult = { feasible: boolean; cost: number; certified: boolean };

const INF = Number.MAX_SAFE_INTEGER;

export class MinCostFlow {
  readonly nodes: number;
  private head: Int32Array;
  private next: number[] = [];
  private to: number[] = [];
  private cap: number[] = [];
  private cost: number[] = [];
  private supply: Float64Array;

  constructor(nodes: number) {
    this.nodes = nodes;
    this.head = new Int32Array(nodes).fill(-1);
    this.supply = new Float64Array(nodes);
  }

  /** Adds arc `from → to` and returns its id; `flowOf(id)` reads its flow after solving. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    const id = this.to.length;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return id;
  }

  /** Positive: the node sends this much; negative: it receives. */
  addSupply(node: number, amount: number): void {
    this.supply[node] = (this.supply[node] ?? 0) + amount;
  }

  flowOf(arc: number): number {
    return this.cap[arc ^ 1] ?? 0;
  }

  private push(from: number, to: number, capacity: number, cost: number): void {
    this.to.push(to);
    this.cap.push(capacity);
    this.cost.push(cost);
    this.next.push(this.head[from] ?? -1);
    this.head[from] = this.to.length - 1;
  }

  solve(): FlowResult {
    const n = this.nodes + 2;
    const source = this.nodes;
    const sink = this.nodes + 1;
    // Super source and sink arcs turn supplies into one s–t flow.
    const head = new Int32Array(n).fill(-1);
    head.set(this.head);
    this.head = head;
    let required = 0;
    for (let v = 0; v < this.nodes; v++) {
      const s = this.supply[v] ?? 0;
      if (s > 0) {
        this.addArc(source, v, s, 0);
        required += s;
      } else if (s < 0) this.addArc(v, sink, -s, 0);
    }
    const potential = new Float64Array(n);
    const dist = new Float64Array(n);
    const level = new Int32Array(n);
    const iter = new Int32Array(n);
    const heap = new MinHeap(n);
    let sent = 0;
    while (sent < required) {
      // Dijkstra on reduced costs; all are non-negative by the potential invariant.
      dist.fill(INF);
      dist[source] = 0;
      heap.clear();
      heap.push(source, 0);
      while (heap.size > 0) {
        const d = heap.topKey();
        const u = heap.pop();
        if (d > (dist[u] ?? INF)) continue;
        const pu = potential[u] ?? 0;
        for (let e = this.head[u] ?? -1; e !== -1; e = this.next[e] ?? -1) {
          if ((this.cap[e] ?? 0) <= 0) continue;
          const v = this.to[e] ?? 0;
          const nd = d + (this.cost[e] ?? 0) + pu - (potential[v] ?? 0);
          if (nd < (dist[v] ?? INF)) {
            dist[v] = nd;
            heap.push(v, nd);
          }
        }
      }
      if ((dist[sink] ?? INF) >= INF) break;
      const cut = dist[sink] ?? 0;
      for (let v = 0; v < n; v++) potential[v] = (potential[v] ?? 0) + Math.min(dist[v] ?? INF, cut);
      // Blocking flow on the admissible arcs (zero reduced cost), Dinic style.
      for (;;) {
        level.fill(-1);
        level[source] = 0;
        const queue = [source];
        for (let qi = 0; qi < queue.length; qi++) {
          const u = queue[qi] ?? 0;
          for (let e = this.head[u] ?? -1; e !== -1; e = this.next[e] ?? -1) {
            const v = this.to[e] ?? 0;
            if ((this.cap[e] ?? 0) > 0 && level[v] === -1 && this.reduced(e, u, potential) === 0) {
              level[v] = (level[u] ?? 0) + 1;
              queue.push(v);
            }
          }
        }
        if (level[sink] === -1) break;
        iter.set(this.head);
        for (;;) {
          const pushed = this.dfs(source, sink, required - sent, level, iter, potential);
          if (pushed === 0) break;
          sent += pushed;
        }
      }
    }
    let total = 0;
    for (let e = 0; e < this.to.length; e += 2) total += (this.cap[e ^ 1] ?? 0) * (this.cost[e] ?? 0);
    const feasible = sent === required;
    // The transshipment is optimal when no residual arc between real nodes has a negative reduced cost.
    let certified = feasible;
    for (let u = 0; u < this.nodes && certified; u++) {
      for (let e = this.head[u] ?? -1; e !== -1; e = this.next[e] ?? -1) {
        const v = this.to[e] ?? 0;
        if (v < this.nodes && (this.cap[e] ?? 0) > 0 && this.reduced(e, u, potential) < 0) certified = false;
      }
    }
    return { feasible, cost: total, certified };
  }

  private reduced(e: number, u: number, potential: Float64Array): number {
    return (this.cost[e] ?? 0) + (potential[u] ?? 0) - (potential[this.to[e] ?? 0] ?? 0);
  }

  private dfs(
    u: number,
    sink: number,
    limit: number,
    level: Int32Array,
    iter: Int32Array,
    potential: Float64Array,
  ): number {
    if (u === sink) return limit;
    for (let e = iter[u] ?? -1; e !== -1; e = this.next[e] ?? -1) {
      iter[u] = e;
      const v = this.to[e] ?? 0;
      const c = this.cap[e] ?? 0;
      if (c <= 0 || level[v] !== (level[u] ?? 0) + 1 || this.reduced(e, u, potential) !== 0) continue;
      const got = this.dfs(v, sink, Math.min(limit, c), level, iter, potential);
      if (got > 0) {
        this.cap[e] = c - got;
        this.cap[e ^ 1] = (this.cap[e ^ 1] ?? 0) + got;
        return got;
      }
    }
    iter[u] = -1;
    return 0;
  }
}

class MinHeap {
  private keys: Float64Array;
  private vals: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.keys = new Float64Array(capacity * 4 + 4);
    this.vals = new Int32Array(capacity * 4 + 4);
  }
  clear(): void {
    this.size = 0;
  }
  topKey(): number {
    return this.keys[0] ?? 0;
  }
  push(val: number, key: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      this.keys = k;
      const v = new Int32Array(this.size * 2);
      v.set(this.vals);
      this.vals = v;
    }
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((this.keys[p] ?? 0) <= key) break;
      this.keys[i] = this.keys[p] ?? 0;
      this.vals[i] = this.vals[p] ?? 0;
      i = p;
    }
    this.keys[i] = key;
    this.vals[i] = val;
  }
  pop(): number {
    const top = this.vals[0] ?? 0;
    const last = --this.size;
    const key = this.keys[last] ?? 0;
    const val = this.vals[last] ?? 0;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && (this.keys[c + 1] ?? 0) < (this.keys[c] ?? 0)) c++;
      if ((this.keys[c] ?? 0) >= key) break;
      this.keys[i] = this.keys[c] ?? 0;
      this.vals[i] = this.vals[c] ?? 0;
      i = c;
    }
    this.keys[i] = key;
    this.vals[i] = val;
    return top;
  }
}
