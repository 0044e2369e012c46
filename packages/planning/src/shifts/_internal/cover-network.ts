import { type FlowSolver, MinCostFlow, UNBOUNDED } from './min-cost-flow.ts';
import { NetworkSimplex } from './network-simplex.ts';

/**
 * Up to this many nodes the primal-dual solver is used (a few Dijkstra phases on a tiny graph
 * beat the simplex's pivots there, measured on round-the-clock hourly days); above, the network
 * simplex, whose warm solves after a price change take few pivots.
 */
const SMALL_NETWORK = 32;

/** A covering problem as `coverShifts` reads it, already cut where the day wraps. */
export type CoverProblem = {
  periods: number;
  requirement: number[];
  /** `wraps`: the shift runs past the last period into the first (start + length > periods). */
  shifts: { start: number; length: number; wraps: boolean }[];
};

/** Which flow solver a network uses; `auto` picks by size (tests pin one). */
export type FlowEngine = 'auto' | 'primal-dual' | 'simplex';

/** One solve of the network at a price μ of wrapping: see {@link CoverNetwork.evaluate}. */
export type Evaluation = {
  /** Staff on each wrapping shift, in the order of {@link CoverNetwork.wrapping}. */
  wraps: number[];
  /** Units on the arc that crosses the whole horizon: the staff the cut promises. */
  crossing: number;
  /** Σ wrapping counts − crossing: the Lagrangian slope, zero for a real cover. */
  slope: number;
  /** The cost without the wrapping price: people + weight × surplus periods + crossing. */
  base: number;
  /** Whether the flow solver proved its flow a minimum. */
  certified: boolean;
};

/**
 * The interval network of a covering problem. Node t is the boundary before period t; a shift
 * that does not wrap is an arc start → end, surplus in period t an arc t + 1 → t, and node t
 * supplies requirement[t] − requirement[t − 1]. With the potentials weight × t folded into the
 * costs, a shift costs 1 (one person) and a surplus period `weight`, so the flow cost is
 * weight × surplus + people, and paid periods are Σ requirement + surplus. Periods between two
 * consecutive shift starts or ends are merged into one segment (see the constructor).
 *
 * A wrapping shift covers [start, T) ∪ [0, end) = everything but the gap [end, start). It becomes
 * one unit on a crossing arc 0 → T (covering every period) and one unit on a backward arc
 * start → end (taking the gap away). The network is exact but for one side constraint: the
 * units on the backward arcs must be at least those on the crossing arc (more is still a cover;
 * the extra staff over the cut are surplus). Pricing the backward arcs at μ and the crossing arc
 * at 1 − μ relaxes that constraint (Lagrange, with multiplier weight × T + 1 − μ ≥ 0); every μ up
 * to weight × T + 1 gives a lower bound, and the best of them is the LP bound.
 */
export class CoverNetwork {
  readonly weight: number;
  readonly periods: number;
  readonly totalRequirement: number;
  /** Σ over segments of length × peak: the paid periods of a cover without surplus. */
  readonly floor: number;
  /** Indices of the wrapping shifts. */
  readonly wrapping: number[];
  /** The largest μ: where wrapping staff cost what they cost (the constraint's multiplier is 0). */
  readonly topPrice: number;
  /**
   * No optimal cover has more staff over the cut: each person is the last one on duty in some
   * period of their shift, so at most Σ requirement over the periods wrapping shifts reach.
   */
  readonly maxCrossing: number;
  private readonly flow: FlowSolver;
  private readonly shiftArc: number[];
  private readonly surplusArc: number[];
  /** Cost of one surplus unit on each segment: weight × its length. */
  private readonly surplusCost: number[];
  private readonly crossArc: number;
  /** Arcs of the shifts that do not wrap. */
  private readonly plainArc: number[] = [];
  /** The scale the surplus and plain shift costs were last set for. */
  private costScale = 0;
  private solved = false;
  /** Some solve called a subproblem infeasible without proof: the search then proves nothing. */
  doubtful = false;
  private readonly shifts: CoverProblem['shifts'];

  constructor(p: CoverProblem, engine: FlowEngine = 'auto') {
    const n = p.periods;
    this.periods = n;
    this.shifts = p.shifts;
    let total = 0;
    for (const need of p.requirement) total += need;
    this.totalRequirement = total;
    const reached = new Uint8Array(n);
    for (const s of p.shifts) {
      if (!s.wraps) continue;
      for (let d = 0; d < s.length; d++) reached[(s.start + d) % n] = 1;
    }
    let crossing = 0;
    for (let t = 0; t < n; t++) if (reached[t] === 1) crossing += p.requirement[t] ?? 0;
    this.maxCrossing = crossing;
    // A cheapest cover has at most Σ requirement people, so one more paid period always weighs
    // more than any difference in people: one integer cost orders "periods, then people".
    this.weight = total + 1;
    this.topPrice = this.weight * n + 1;
    // Between two consecutive shift ends or starts every cover staffs the same number, so those
    // periods are one segment: it needs its peak, and a unit of surplus there costs its length.
    const isBreak = new Uint8Array(n + 1);
    isBreak[0] = 1;
    isBreak[n] = 1;
    for (const s of p.shifts) {
      isBreak[s.start] = 1;
      isBreak[(s.start + s.length) % n === 0 && !s.wraps ? n : (s.start + s.length) % n] = 1;
    }
    const node = new Int32Array(n + 1);
    const breaks: number[] = [];
    for (let t = 0; t <= n; t++) {
      if (isBreak[t] === 1) breaks.push(t);
      node[t] = breaks.length - 1;
    }
    const segments = breaks.length - 1;
    const primalDual = engine === 'primal-dual' || (engine === 'auto' && segments + 1 <= SMALL_NETWORK);
    const flow: FlowSolver = primalDual ? new MinCostFlow(segments + 1) : new NetworkSimplex(segments + 1);
    let previous = 0;
    let floor = 0;
    this.surplusArc = [];
    this.surplusCost = [];
    for (let i = 0; i < segments; i++) {
      const from = breaks[i] ?? 0;
      const to = breaks[i + 1] ?? 0;
      let peak = 0;
      for (let t = from; t < to; t++) peak = Math.max(peak, p.requirement[t] ?? 0);
      flow.addSupply(i, peak - previous);
      previous = peak;
      floor += peak * (to - from);
      this.surplusCost.push(this.weight * (to - from));
      this.surplusArc.push(flow.addArc(i + 1, i, this.weight * (to - from)));
    }
    flow.addSupply(segments, -previous);
    this.floor = floor;
    this.wrapping = [];
    this.shiftArc = p.shifts.map((s, k) => {
      const from = node[s.start] ?? 0;
      if (!s.wraps) {
        const arc = flow.addArc(from, node[s.start + s.length] ?? 0, 1);
        this.plainArc.push(arc);
        return arc;
      }
      this.wrapping.push(k);
      return flow.addArc(from, node[s.start + s.length - n] ?? 0, 0, 0, this.maxCrossing);
    });
    this.crossArc = this.wrapping.length > 0 ? flow.addArc(0, segments, 0, 0, this.maxCrossing) : -1;
    this.flow = flow;
  }

  /**
   * Bounds of the crossing arc and of each wrapping shift (in the order of {@link wrapping}). A
   * wrapping shift never needs more staff than cross the cut: extra ones would only be surplus.
   */
  setBounds(
    crossLow: number,
    crossHigh: number,
    wrapLow: ArrayLike<number>,
    wrapHigh: ArrayLike<number>,
  ): void {
    if (this.crossArc < 0) return;
    this.flow.setBounds(this.crossArc, crossLow, crossHigh);
    this.wrapping.forEach((k, i) => {
      this.flow.setBounds(
        this.shiftArc[k] ?? 0,
        wrapLow[i] ?? 0,
        Math.min(crossHigh, wrapHigh[i] ?? UNBOUNDED),
      );
    });
  }

  /**
   * Cheapest flow with μ = price / scale: every cost is multiplied by `scale` so that all stay
   * integers. Its cost is scale × base + price × slope; null when no flow meets the bounds.
   */
  evaluate(price: number, scale: number): Evaluation | null {
    const flow = this.flow;
    if (scale !== this.costScale) {
      // Prices other than the wrapping ones only move with the scale.
      if (this.costScale > 0) flow.scaleCosts(scale, this.costScale);
      for (let i = 0; i < this.surplusArc.length; i++) {
        flow.setCost(this.surplusArc[i] ?? 0, scale * (this.surplusCost[i] ?? 0));
      }
      for (const arc of this.plainArc) flow.setCost(arc, scale);
      this.costScale = scale;
    }
    for (const k of this.wrapping) flow.setCost(this.shiftArc[k] ?? 0, price);
    if (this.crossArc >= 0) flow.setCost(this.crossArc, scale - price);
    // The last basis stays feasible when only prices move: a warm solve starts from it.
    const result = flow.solve(this.solved);
    this.solved = true;
    if (!result.feasible) {
      if (!result.certified) this.doubtful = true;
      return null;
    }
    const crossing = this.crossArc >= 0 ? flow.flowOf(this.crossArc) : 0;
    let surplus = 0;
    for (let i = 0; i < this.surplusArc.length; i++) {
      surplus += flow.flowOf(this.surplusArc[i] ?? 0) * (this.surplusCost[i] ?? 0);
    }
    let people = 0;
    for (const arc of this.plainArc) people += flow.flowOf(arc);
    const wraps = this.wrapping.map((k) => flow.flowOf(this.shiftArc[k] ?? 0));
    let wrapped = 0;
    for (const w of wraps) wrapped += w;
    return {
      wraps,
      crossing,
      slope: wrapped - crossing,
      base: people + surplus + crossing,
      certified: result.certified,
    };
  }

  /** Staff on each shift in the last {@link evaluate}, in the order of the shifts. */
  counts(): number[] {
    return this.shiftArc.map((arc) => this.flow.flowOf(arc));
  }
}
