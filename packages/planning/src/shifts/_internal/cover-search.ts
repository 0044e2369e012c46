import { CoverNetwork, type CoverProblem, type Evaluation, type FlowEngine } from './cover-network.ts';

/** Counts per shift (null when the search stopped before any cover) and whether they are proved optimal. */
export type CoverSearchResult = { counts: number[] | null; optimal: boolean; subproblems: number };

/** Bounds of one branch-and-bound subproblem: the crossing arc and each wrapping shift. */
type Subproblem = { crossLow: number; crossHigh: number; wrapLow: number[]; wrapHigh: number[] };

/** The Lagrangian dual of one subproblem: its LP bound and the two flows that attain it. */
type Relaxation = {
  /** Lower bound on base cost of every cover in the subproblem (an integer: costs are). */
  bound: number;
  /** Counts of a flow that is a real cover at the bound: the subproblem is solved. */
  solved: number[] | null;
  /** Flows on either side of the optimal μ (slope > 0 and < 0); the LP optimum mixes them. */
  over: Evaluation | null;
  under: Evaluation;
  certified: boolean;
};

/** Factor between the prices tried when looking for the far side of the Lagrangian peak. */
const UPWARD_STEP = 4;

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** ⌈a / b⌉ for integers, b > 0, exact below 2^53. */
function ceilDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  while (q * b < a) q++;
  while ((q - 1) * b >= a) q--;
  return q;
}

/**
 * Maximises the Lagrangian bound L(μ) = min over flows of base + μ × slope, a concave piecewise
 * linear function, by intersecting the lines of the two flows that bracket its peak (each new
 * flow either lies on both lines, so the peak is found, or replaces one of them).
 */
function relax(net: CoverNetwork): Relaxation | null {
  type Point = { e: Evaluation; price: number; scale: number };
  let certified = true;
  const at = (price: number, scale: number): Point | null => {
    const e = net.evaluate(price, scale);
    if (e) certified &&= e.certified;
    return e ? { e, price, scale } : null;
  };
  const done = (p: Point): Relaxation => ({
    bound: p.e.base,
    solved: net.counts(),
    over: null,
    under: p.e,
    certified,
  });
  const zero = at(0, 1);
  if (!zero) return null;
  if (zero.e.slope === 0) return done(zero);
  let over: Point | null = zero.e.slope > 0 ? zero : null;
  let under: Point | null = zero.e.slope < 0 ? zero : null;
  // Upwards by factors of UPWARD_STEP from one surplus period's price: small moves keep warm
  // solves short. At the top price wrapping staff pay their full cost, so a flow with slope ≥ 0
  // there is a cover.
  for (let price = net.weight; !under; price *= UPWARD_STEP) {
    const capped = Math.min(price, net.topPrice);
    const p = at(capped, 1);
    if (!p) return null;
    if (p.e.slope === 0) return done(p);
    if (p.e.slope < 0) under = p;
    else if (capped === net.topPrice) {
      return {
        bound: p.e.base + capped * p.e.slope,
        solved: net.counts(),
        over: null,
        under: p.e,
        certified,
      };
    } else over = p;
  }
  // Downwards from −1 by doubling: below μ = 0 the backward arcs pay to be used, and once they
  // pay more than any path costs, every one that can be used is full. If the slope is still
  // negative then (the bounds promise more staff over the cut than the wrapping shifts may
  // carry), the bound there is valid and large: the subproblem will be pruned or split.
  for (let price = -1; !over; price *= 2) {
    const p = at(price, 1);
    if (!p) return null;
    if (p.e.slope === 0) return done(p);
    if (p.e.slope > 0) over = p;
    else if (price < -4 * net.topPrice) {
      return { bound: p.e.base + price * p.e.slope, solved: null, over: null, under: p.e, certified };
    } else under = p;
  }
  for (;;) {
    const rise = under.e.base - over.e.base;
    const run = over.e.slope - under.e.slope;
    const g = gcd(rise, run) || 1;
    const price = rise / g;
    const scale = run / g;
    const line = scale * over.e.base + price * over.e.slope;
    // The lines meet where one of them was evaluated: that evaluation was the peak.
    if (price * over.scale === over.price * scale || price * under.scale === under.price * scale) {
      return { bound: ceilDiv(line, scale), solved: null, over: over.e, under: under.e, certified };
    }
    const p = at(price, scale);
    if (!p) return null;
    if (p.e.slope === 0) return done(p);
    if (scale * p.e.base + price * p.e.slope >= line) {
      return { bound: ceilDiv(line, scale), solved: null, over: over.e, under: under.e, certified };
    }
    if (p.e.slope > 0) over = p;
    else under = p;
  }
}

/**
 * Exact minimum of the covering problem: one certified flow when no shift wraps; otherwise
 * branch and bound on the staff over the cut and on each wrapping shift, every subproblem
 * bounded by its Lagrangian (= LP) bound and closed when a cover reaches that bound.
 */
export function searchCover(
  p: CoverProblem,
  maxSubproblems: number,
  engine: FlowEngine = 'auto',
): CoverSearchResult {
  const net = new CoverNetwork(p, engine);
  const weight = net.weight;
  if (net.wrapping.length === 0) {
    const e = net.evaluate(0, 1);
    return {
      counts: e ? net.counts() : null,
      optimal: (e?.certified ?? false) && !net.doubtful,
      subproblems: 1,
    };
  }
  const offset = weight * net.floor;
  const costOf = (counts: number[]): number => {
    let cost = 0;
    p.shifts.forEach((s, k) => {
      cost += (counts[k] ?? 0) * (weight * s.length + 1);
    });
    return cost - offset;
  };
  let best: number[] | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  const consider = (counts: number[]): void => {
    const cost = costOf(counts);
    if (cost < bestCost) {
      best = counts;
      bestCost = cost;
    }
  };
  /** A cover from a flow: keep its wrapping staff, promise exactly them over the cut, re-solve the rest. */
  const complete = (wraps: number[]): void => {
    const crossing = wraps.reduce((a, b) => a + b, 0);
    net.setBounds(crossing, crossing, wraps, wraps);
    const e = net.evaluate(0, 1);
    if (e?.certified) consider(net.counts());
  };

  const m = net.wrapping.length;
  const stack: Subproblem[] = [
    {
      crossLow: 0,
      crossHigh: net.maxCrossing,
      wrapLow: new Array<number>(m).fill(0),
      wrapHigh: new Array<number>(m).fill(net.maxCrossing),
    },
  ];
  let proved = true;
  let subproblems = 0;
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (subproblems >= maxSubproblems) {
      proved = false;
      break;
    }
    subproblems++;
    net.setBounds(node.crossLow, node.crossHigh, node.wrapLow, node.wrapHigh);
    const r = relax(net);
    if (!r) continue;
    if (!r.certified) proved = false;
    if (r.solved) {
      consider(r.solved);
      continue;
    }
    if (r.bound >= bestCost) continue;
    // The LP optimum is θ·over + (1 − θ)·under with slope 0; values are kept as multiples of 1/run.
    const over = r.over;
    const under = r.under;
    const run = over ? over.slope - under.slope : 1;
    const mix = (a: number, b: number): number => (over ? -under.slope * a + over.slope * b : b);
    const lpWraps = under.wraps.map((w, i) => mix(over?.wraps[i] ?? 0, w));
    const lpCross = mix(over?.crossing ?? 0, under.crossing);
    if (over && lpCross % run === 0 && lpWraps.every((v) => v % run === 0)) {
      // Whole staff over the cut and on every wrapping shift: the rest is a network, integral.
      complete(lpWraps.map((v) => v / run));
      if (r.bound >= bestCost) continue;
    }
    // The flow nearer the LP point (smaller slope) first: its wrapping staff are likelier right.
    const sides = over && over.slope < -under.slope ? [over, under] : over ? [under, over] : [under];
    for (const e of sides) {
      if (r.bound < bestCost) complete(e.wraps);
    }
    if (r.bound >= bestCost) continue;
    const children = branch(node, lpCross, lpWraps, run);
    stack.push(...children);
  }
  return { counts: best, optimal: proved && !net.doubtful && best !== null, subproblems };
}

/**
 * Splits a subproblem on the most fractional of the LP's staff over the cut (first) or on a
 * wrapping shift; when the LP point is whole but no cover (a bound at the lowest price tried),
 * halves the widest range.
 */
function branch(node: Subproblem, lpCross: number, lpWraps: number[], run: number): Subproblem[] {
  const split = (index: number, at: number): Subproblem[] => {
    const down = { ...node, wrapLow: [...node.wrapLow], wrapHigh: [...node.wrapHigh] };
    const up = { ...node, wrapLow: [...node.wrapLow], wrapHigh: [...node.wrapHigh] };
    if (index < 0) {
      down.crossHigh = at;
      up.crossLow = at + 1;
    } else {
      down.wrapHigh[index] = at;
      up.wrapLow[index] = at + 1;
    }
    return [up, down];
  };
  if (lpCross % run !== 0) return split(-1, Math.floor(lpCross / run));
  let pick = -1;
  let spread = 0;
  lpWraps.forEach((v, i) => {
    const f = v % run;
    const distance = Math.min(f, run - f);
    if (distance > spread) {
      spread = distance;
      pick = i;
    }
  });
  if (pick >= 0) return split(pick, Math.floor((lpWraps[pick] ?? 0) / run));
  if (node.crossHigh > node.crossLow) {
    return split(-1, Math.floor((node.crossLow + node.crossHigh) / 2));
  }
  let widest = -1;
  let width = 0;
  node.wrapLow.forEach((low, i) => {
    const w = (node.wrapHigh[i] ?? 0) - low;
    if (w > width) {
      width = w;
      widest = i;
    }
  });
  if (widest < 0) return [];
  return split(widest, Math.floor(((node.wrapLow[widest] ?? 0) + (node.wrapHigh[widest] ?? 0)) / 2));
}
