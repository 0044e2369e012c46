/**
 * Min-cost flow with node supplies and arc bounds by the primal network simplex method
 * (spanning-tree bases, block-search pricing, strongly feasible trees against cycling, after
 * LEMON's `NetworkSimplex`). Costs, bounds and supplies are integers below 2^53, so every figure
 * is exact.
 *
 * Built for repeated solves of one graph whose costs move (the Lagrangian search of
 * `coverShifts`): a new cost leaves the last basis primal feasible, so a warm solve only
 * re-prices the tree and pivots from there. A change of bounds starts over.
 *
 * Optimality is not assumed but checked: {@link NetworkSimplex.solve} returns `certified` for a
 * flow only when it meets every bound and, under the final potentials, every arc above its lower
 * bound has a non-positive reduced cost and every arc below its upper bound a non-negative one:
 * the complementary-slackness certificate that the flow is a minimum. (Infeasibility is proved
 * by an optimal basis that still needs the artificial arcs, which cost more than any path.)
 */
import { type FlowResult, type FlowSolver, UNBOUNDED, withinExactRange } from './min-cost-flow.ts';

const LOWER = 1;
const TREE = 0;
const UPPER = -1;
const UP = 1;
const DOWN = -1;
const NONE = -1;
/**
 * Arcs priced per block: the most violating of the first block with any enters. Small blocks
 * won on our covering networks, whose violations are few and scattered.
 */
const PRICING_BLOCK = 4;

export class NetworkSimplex implements FlowSolver {
  readonly nodes: number;
  private arcs = 0;
  private tailList: number[] = [];
  private headList: number[] = [];
  private lowList: number[] = [];
  private highList: number[] = [];
  private priceList: number[] = [];
  private readonly supply: Float64Array;
  private boundsMoved = true;
  private allocated = false;
  // Arcs 0 … arcs − 1 are the real ones, then one artificial arc per node to the root.
  private src = new Int32Array(0);
  private tgt = new Int32Array(0);
  private cost = new Float64Array(0);
  private cap = new Float64Array(0);
  private flow = new Float64Array(0);
  private state = new Int8Array(0);
  /** Node potentials after {@link solve}: the dual certificate. Node `nodes` is the root. */
  private pi = new Float64Array(0);
  private parent = new Int32Array(0);
  private pred = new Int32Array(0);
  private predDir = new Int8Array(0);
  private depth = new Int32Array(0);
  private firstChild = new Int32Array(0);
  private nextSibling = new Int32Array(0);
  private prevSibling = new Int32Array(0);
  private stack = new Int32Array(0);
  private pathNode = new Int32Array(0);
  private pathPred = new Int32Array(0);
  private pathDir = new Int8Array(0);
  private nextArc = 0;

  constructor(nodes: number) {
    this.nodes = nodes;
    this.supply = new Float64Array(nodes);
  }

  /** Adds arc `from → to` carrying between `lower` and `upper` units; returns its id. */
  addArc(from: number, to: number, cost: number, lower = 0, upper = UNBOUNDED): number {
    this.tailList.push(from);
    this.headList.push(to);
    this.priceList.push(cost);
    this.lowList.push(lower);
    this.highList.push(upper);
    this.allocated = false;
    this.boundsMoved = true;
    return this.arcs++;
  }

  setCost(arc: number, cost: number): void {
    this.priceList[arc] = cost;
  }

  setBounds(arc: number, lower: number, upper: number): void {
    if (this.lowList[arc] !== lower || this.highList[arc] !== upper) this.boundsMoved = true;
    this.lowList[arc] = lower;
    this.highList[arc] = upper;
  }

  /** Positive: the node sends this much; negative: it receives. */
  addSupply(node: number, amount: number): void {
    this.supply[node] = (this.supply[node] ?? 0) + amount;
    this.boundsMoved = true;
  }

  /** Nothing to do: a warm solve re-prices the tree from the new costs. */
  scaleCosts(_num: number, _den: number): void {}

  /** Flow on `arc` after the last {@link solve}. */
  flowOf(arc: number): number {
    return (this.lowList[arc] ?? 0) + (this.flow[arc] ?? 0);
  }

  private allocate(): void {
    this.allocated = true;
    const m = this.arcs + this.nodes;
    const n = this.nodes + 1;
    this.src = new Int32Array(m);
    this.tgt = new Int32Array(m);
    this.cost = new Float64Array(m);
    this.cap = new Float64Array(m);
    this.flow = new Float64Array(m);
    this.state = new Int8Array(m);
    this.pi = new Float64Array(n);
    this.parent = new Int32Array(n);
    this.pred = new Int32Array(n);
    this.predDir = new Int8Array(n);
    this.depth = new Int32Array(n);
    this.firstChild = new Int32Array(n);
    this.nextSibling = new Int32Array(n);
    this.prevSibling = new Int32Array(n);
    this.stack = new Int32Array(n);
    this.pathNode = new Int32Array(n);
    this.pathPred = new Int32Array(n);
    this.pathDir = new Int8Array(n);
    for (let i = 0; i < this.arcs; i++) {
      this.src[i] = this.tailList[i] ?? 0;
      this.tgt[i] = this.headList[i] ?? 0;
    }
  }

  /** The artificial basis: every node hangs from the root on its own arc, carrying its supply. */
  private coldStart(): void {
    const n = this.nodes;
    const root = n;
    const { src, tgt, cap, flow, state, parent, pred, predDir, depth, firstChild, nextSibling, prevSibling } =
      this;
    const balance = Float64Array.from(this.supply);
    for (let i = 0; i < this.arcs; i++) {
      const lower = this.lowList[i] ?? 0;
      cap[i] = (this.highList[i] ?? 0) - lower;
      flow[i] = 0;
      state[i] = LOWER;
      const u = src[i] ?? 0;
      const v = tgt[i] ?? 0;
      balance[u] = (balance[u] ?? 0) - lower;
      balance[v] = (balance[v] ?? 0) + lower;
    }
    parent[root] = NONE;
    pred[root] = NONE;
    depth[root] = 0;
    firstChild[root] = NONE;
    for (let v = 0; v < n; v++) {
      const a = this.arcs + v;
      const b = balance[v] ?? 0;
      if (b >= 0) {
        src[a] = v;
        tgt[a] = root;
        flow[a] = b;
        predDir[v] = UP;
      } else {
        src[a] = root;
        tgt[a] = v;
        flow[a] = -b;
        predDir[v] = DOWN;
      }
      cap[a] = 2 ** 52;
      state[a] = TREE;
      parent[v] = root;
      pred[v] = a;
      depth[v] = 1;
      firstChild[v] = NONE;
      prevSibling[v] = v === 0 ? NONE : v - 1;
      nextSibling[v] = v === n - 1 ? NONE : v + 1;
    }
    firstChild[root] = n > 0 ? 0 : NONE;
    this.boundsMoved = false;
  }

  /** Costs into place (artificial arcs dearer than any real path) and potentials down the tree. */
  private price(): void {
    const n = this.nodes;
    const { cost } = this;
    let largest = 0;
    for (let i = 0; i < this.arcs; i++) {
      const c = this.priceList[i] ?? 0;
      cost[i] = c;
      largest = Math.max(largest, Math.abs(c));
    }
    const artificial = (n + 1) * largest + 1;
    for (let v = 0; v < n; v++) cost[this.arcs + v] = artificial;
    this.pi[n] = 0;
    this.repriceSubtree(n);
  }

  /** Potentials (and depths) of every node below `top`, from its own by the tree arcs. */
  private repriceSubtree(top: number): void {
    const { stack, firstChild, nextSibling, pred, predDir, cost, pi, depth, parent } = this;
    let size = 0;
    for (let c = firstChild[top] ?? NONE; c !== NONE; c = nextSibling[c] ?? NONE) stack[size++] = c;
    while (size > 0) {
      const v = stack[--size] ?? 0;
      const p = parent[v] ?? 0;
      const c = cost[pred[v] ?? 0] ?? 0;
      // Tree arcs have zero reduced cost: c + pi[tail] − pi[head] = 0.
      pi[v] = predDir[v] === UP ? (pi[p] ?? 0) - c : (pi[p] ?? 0) + c;
      depth[v] = (depth[p] ?? 0) + 1;
      for (let k = firstChild[v] ?? NONE; k !== NONE; k = nextSibling[k] ?? NONE) stack[size++] = k;
    }
  }

  /** Block search: the most violating arc of the first block that has one, or −1 (optimal). */
  private entering(): number {
    const m = this.arcs;
    const { src, tgt, cost, state, pi } = this;
    let best = 0;
    let chosen = -1;
    let e = this.nextArc;
    let count = PRICING_BLOCK;
    for (let scanned = 0; scanned < m; scanned++) {
      const s = state[e] ?? 0;
      if (s !== TREE) {
        const violation = s * ((cost[e] ?? 0) + (pi[src[e] ?? 0] ?? 0) - (pi[tgt[e] ?? 0] ?? 0));
        if (violation < best) {
          best = violation;
          chosen = e;
        }
      }
      e = e + 1 === m ? 0 : e + 1;
      if (--count === 0) {
        if (chosen >= 0) break;
        count = PRICING_BLOCK;
      }
    }
    this.nextArc = e;
    return chosen;
  }

  private removeChild(v: number): void {
    const { parent, firstChild, nextSibling, prevSibling } = this;
    const p = parent[v] ?? NONE;
    const before = prevSibling[v] ?? NONE;
    const after = nextSibling[v] ?? NONE;
    if (before === NONE) {
      if (p !== NONE) firstChild[p] = after;
    } else nextSibling[before] = after;
    if (after !== NONE) prevSibling[after] = before;
  }

  private addChild(p: number, v: number): void {
    const { parent, firstChild, nextSibling, prevSibling } = this;
    const head = firstChild[p] ?? NONE;
    parent[v] = p;
    prevSibling[v] = NONE;
    nextSibling[v] = head;
    if (head !== NONE) prevSibling[head] = v;
    firstChild[p] = v;
  }

  /** One pivot on entering arc `e`; false when the cycle is unbounded (never with bounded negative arcs). */
  private pivot(e: number): boolean {
    const { src, tgt, cap, flow, state, parent, pred, predDir, depth } = this;
    const first = state[e] === LOWER ? (src[e] ?? 0) : (tgt[e] ?? 0);
    const second = state[e] === LOWER ? (tgt[e] ?? 0) : (src[e] ?? 0);
    // The join: the lowest common ancestor of the entering arc's ends.
    let a = first;
    let b = second;
    while (a !== b) {
      if ((depth[a] ?? 0) >= (depth[b] ?? 0)) a = parent[a] ?? 0;
      else b = parent[b] ?? 0;
    }
    const join = a;
    // The leaving arc: the bottleneck of the cycle, ties to the last one met (strong feasibility).
    let delta = cap[e] ?? 0;
    let out = -1;
    let side = 0;
    for (let u = first; u !== join; u = parent[u] ?? 0) {
      const arc = pred[u] ?? 0;
      const room = predDir[u] === UP ? (flow[arc] ?? 0) : (cap[arc] ?? 0) - (flow[arc] ?? 0);
      if (room < delta) {
        delta = room;
        out = u;
        side = 1;
      }
    }
    for (let u = second; u !== join; u = parent[u] ?? 0) {
      const arc = pred[u] ?? 0;
      const room = predDir[u] === UP ? (cap[arc] ?? 0) - (flow[arc] ?? 0) : (flow[arc] ?? 0);
      if (room <= delta) {
        delta = room;
        out = u;
        side = 2;
      }
    }
    if (delta >= UNBOUNDED) return false;
    if (delta > 0) {
      const amount = (state[e] ?? 0) * delta;
      flow[e] = (flow[e] ?? 0) + amount;
      for (let u = src[e] ?? 0; u !== join; u = parent[u] ?? 0) {
        const arc = pred[u] ?? 0;
        flow[arc] = (flow[arc] ?? 0) - (predDir[u] ?? 0) * amount;
      }
      for (let u = tgt[e] ?? 0; u !== join; u = parent[u] ?? 0) {
        const arc = pred[u] ?? 0;
        flow[arc] = (flow[arc] ?? 0) + (predDir[u] ?? 0) * amount;
      }
    }
    if (side === 0) {
      state[e] = -(state[e] ?? 0);
      return true;
    }
    const leaving = pred[out] ?? 0;
    state[leaving] = (flow[leaving] ?? 0) === 0 ? LOWER : UPPER;
    state[e] = TREE;
    // Re-hang the subtree: the path from the entering arc's end up to `out` turns over.
    const low = side === 1 ? first : second;
    const high = side === 1 ? second : first;
    const { pathNode, pathPred, pathDir } = this;
    let length = 0;
    for (let u = low; ; u = parent[u] ?? 0) {
      pathNode[length] = u;
      pathPred[length] = pred[u] ?? 0;
      pathDir[length] = predDir[u] ?? 0;
      length++;
      if (u === out) break;
    }
    for (let i = 0; i < length; i++) this.removeChild(pathNode[i] ?? 0);
    this.addChild(high, low);
    pred[low] = e;
    predDir[low] = (src[e] ?? 0) === low ? UP : DOWN;
    for (let i = 1; i < length; i++) {
      const v = pathNode[i] ?? 0;
      this.addChild(pathNode[i - 1] ?? 0, v);
      pred[v] = pathPred[i - 1] ?? 0;
      predDir[v] = -(pathDir[i - 1] ?? 0);
    }
    this.repriceSubtreeFrom(low);
    return true;
  }

  /** Potentials and depths of `v` (just re-hung) and everything below it. */
  private repriceSubtreeFrom(v: number): void {
    const { pi, depth, parent, pred, predDir, cost } = this;
    const p = parent[v] ?? 0;
    const c = cost[pred[v] ?? 0] ?? 0;
    pi[v] = predDir[v] === UP ? (pi[p] ?? 0) - c : (pi[p] ?? 0) + c;
    depth[v] = (depth[p] ?? 0) + 1;
    this.repriceSubtree(v);
  }

  /** Cheapest flow; `warm` keeps the last basis when only costs changed since. */
  solve(warm = false): FlowResult {
    if (!this.allocated) this.allocate();
    if (!warm || this.boundsMoved) this.coldStart();
    this.price();
    let bounded = true;
    for (;;) {
      const e = this.entering();
      if (e < 0) break;
      if (!this.pivot(e)) {
        bounded = false;
        break;
      }
    }
    let feasible = bounded;
    for (let v = 0; v < this.nodes; v++) if ((this.flow[this.arcs + v] ?? 0) !== 0) feasible = false;
    let total = 0;
    // An optimal basis that still routes supply through the root proves infeasibility: the
    // artificial arcs cost more than any real path.
    let certified = bounded;
    const { src, tgt, cost, cap, flow, pi } = this;
    for (let i = 0; i < this.arcs; i++) {
      const f = flow[i] ?? 0;
      total += (cost[i] ?? 0) * (f + (this.lowList[i] ?? 0));
      const reduced = (cost[i] ?? 0) + (pi[src[i] ?? 0] ?? 0) - (pi[tgt[i] ?? 0] ?? 0);
      if (f < 0 || f > (cap[i] ?? 0) || (f > 0 && reduced > 0) || (f < (cap[i] ?? 0) && reduced < 0)) {
        certified = false;
      }
    }
    if (!withinExactRange(pi, this.nodes + 1, total)) certified = false;
    return { feasible, cost: total, certified };
  }
}
