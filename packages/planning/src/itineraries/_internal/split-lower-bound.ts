import type { SplitProblem } from './choose-split.ts';

/** Most steps of the weights' ascent: Nghệ An's 500 communes and 22 options settle in about 3,000. */
const MAX_STEPS = 4000;
/**
 * The ascent stops once its best bound is within this share of the split its steps average to
 * (an upper estimate of the relaxation's optimum), so the bound is never further below it.
 */
const SETTLED_SHARE = 1e-3;

/**
 * No plan finishes, in open days, before the split's linear relaxation: each commune may be
 * shared, in fractions, among the options it may use, each fraction costing that share of its
 * days there (`split-costs.ts`: its dossiers at a site; its work, one set-up and its cheapest
 * drive in for the teams, the least any route spends on it). Nor before the longest commune
 * alone at its quickest option.
 *
 * Why any weights give a bound: let a plan finish at T, with option o busy `L_o` open days on the
 * communes it serves (L_o ≤ T, since each commune costs at least its days there). For weights
 * λ_o ≥ 0 summing to 1,
 *   T = Σ_o λ_o T ≥ Σ_o λ_o L_o = Σ_c λ_{o(c)} d(c, o(c)) ≥ Σ_c min_o λ_o d(c, o),
 * where o(c) is the option serving commune c and d its days there (a commune shared among options
 * gives the same with the shares' mean). The right side needs no split: every commune at its
 * least weighted option. The weights are raised, by multiplicative steps, on the options that
 * choice overloads (the bound's slope), and the best value kept; at their best they meet the
 * relaxation's optimum (linear duality), which is at least the flow bound that lets every commune
 * take the least of its options' work anywhere. Deterministic: fixed steps, no randomness.
 */
export function splitLowerBound(problem: SplitProblem): number {
  const { options, optionCount } = problem;
  let longest = 0;
  let spread = 0;
  const used = new Uint8Array(optionCount);
  for (const mine of options) {
    let quickest = Number.POSITIVE_INFINITY;
    for (const o of mine) {
      quickest = Math.min(quickest, o.days);
      used[o.option] = 1;
    }
    if (mine.length === 0) continue;
    longest = Math.max(longest, quickest);
    spread += quickest;
  }
  const usedCount = used.reduce((sum, u) => sum + u, 0);
  if (spread <= 0 || usedCount === 0) return longest;
  // Loads are read against the even spread of the quickest days, so steps are in its units.
  const scale = spread / usedCount;
  const weight = Float64Array.from(used, (u) => u / usedCount);
  const load = new Float64Array(optionCount);
  const meanLoad = new Float64Array(optionCount);
  let best = 0;
  let upper = Number.POSITIVE_INFINITY;
  for (let step = 0; step < MAX_STEPS; step++) {
    load.fill(0);
    let bound = 0;
    for (const mine of options) {
      let at = -1;
      let atDays = 0;
      let least = Number.POSITIVE_INFINITY;
      for (const o of mine) {
        const weighted = (weight[o.option] ?? 0) * o.days;
        if (weighted < least) {
          least = weighted;
          at = o.option;
          atDays = o.days;
        }
      }
      if (at < 0) continue;
      bound += least;
      load[at] = (load[at] ?? 0) + atDays;
    }
    best = Math.max(best, bound);
    // The mean of the splits chosen so far is a fractional split: its busiest option bounds the optimum above.
    let busiest = 0;
    for (let o = 0; o < optionCount; o++) {
      meanLoad[o] = ((meanLoad[o] ?? 0) * step + (load[o] ?? 0)) / (step + 1);
      busiest = Math.max(busiest, meanLoad[o] ?? 0);
    }
    upper = Math.min(upper, busiest);
    if (best >= upper * (1 - SETTLED_SHARE)) break;
    const rate = 1 / Math.sqrt(step + 1);
    let total = 0;
    for (let o = 0; o < optionCount; o++) {
      if (!used[o]) continue;
      weight[o] = (weight[o] ?? 0) * Math.exp(rate * ((load[o] ?? 0) / scale - 1));
      total += weight[o] ?? 0;
    }
    for (let o = 0; o < optionCount; o++) weight[o] = (weight[o] ?? 0) / total;
  }
  return Math.max(best, longest);
}
