/** The Poisson probabilities worth keeping: `weights[i]` is P(N = left + i); outside, at most the stated mass. */
export type PoissonWindow = {
  left: number;
  right: number;
  weights: readonly number[];
  /** Upper bound on the probability left out on both sides together. */
  neglected: number;
};

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln(n!) for a whole n ≥ 0: exact products below 20, Stirling's series above (error below 1e-15). */
export function lnFactorial(n: number): number {
  if (n < 20) {
    let product = 1;
    for (let i = 2; i <= n; i++) product *= i;
    return Math.log(product);
  }
  const z = n + 1;
  const inverse = 1 / z;
  const inverse2 = inverse * inverse;
  return (
    (z - 0.5) * Math.log(z) -
    z +
    HALF_LOG_TWO_PI +
    inverse * (1 / 12 - inverse2 * (1 / 360 - inverse2 * (1 / 1260 - inverse2 / 1680)))
  );
}

/**
 * The Poisson(`mean`) probabilities from its mode outwards until what is left on each side is
 * provably below `epsilon` / 2: the ratio of neighbouring terms bounds each tail by a geometric
 * series (as in Fox & Glynn 1988, with plain doubles since the mode's term is computed in logs).
 */
export function poissonWindow(mean: number, epsilon: number): PoissonWindow {
  if (mean === 0) return { left: 0, right: 0, weights: [1], neglected: 0 };
  const mode = Math.floor(mean);
  const atMode = Math.exp(-mean + mode * Math.log(mean) - lnFactorial(mode));
  const half = epsilon / 2;
  // Right: p(k + 1) = p(k)·mean/(k + 1); beyond k the tail is at most p(k)·r/(1 − r), r = mean/(k + 1).
  let right = mode;
  let p = atMode;
  let rightBound = 0;
  const upper: number[] = [];
  for (;;) {
    const ratio = mean / (right + 1);
    rightBound = ratio < 1 ? (p * ratio) / (1 - ratio) : Number.POSITIVE_INFINITY;
    if (rightBound <= half) break;
    p *= ratio;
    right++;
    upper.push(p);
  }
  // Left: p(k − 1) = p(k)·k/mean; below k the tail is at most p(k)·r/(1 − r), r = k/mean.
  let left = mode;
  p = atMode;
  let leftBound = 0;
  const lower: number[] = [];
  for (;;) {
    if (left === 0) {
      leftBound = 0;
      break;
    }
    const ratio = left / mean;
    leftBound = ratio < 1 ? (p * ratio) / (1 - ratio) : Number.POSITIVE_INFINITY;
    if (leftBound <= half) break;
    p *= ratio;
    left--;
    lower.push(p);
  }
  const weights = lower.reverse();
  weights.push(atMode);
  for (const w of upper) weights.push(w);
  return { left, right, weights, neglected: leftBound + rightBound };
}

/**
 * P(N ≤ i) for i = 0 … `count` − 1, N ~ Poisson(`mean`), into `out`, and P(N = i) into `pmf` if
 * given (terms below 1e-300 are zero; the cumulative sums are clamped to 1).
 */
export function poissonCdf(mean: number, count: number, out: Float64Array, pmf?: Float64Array): void {
  if (mean === 0) {
    out.fill(1, 0, count);
    if (pmf) {
      pmf.fill(0, 0, count);
      pmf[0] = 1;
    }
    return;
  }
  // Fill the probabilities outward from the mode (or the last index, if the mode is beyond it),
  // each started in logs so nothing underflows on the way.
  const start = Math.min(Math.floor(mean), count - 1);
  const atStart = Math.exp(-mean + start * Math.log(mean) - lnFactorial(start));
  let p = atStart;
  for (let i = start; i >= 0; i--) {
    out[i] = p;
    p *= i / mean;
  }
  p = atStart;
  for (let i = start + 1; i < count; i++) {
    p *= mean / i;
    out[i] = p;
  }
  if (pmf) pmf.set(out.subarray(0, count));
  let sum = 0;
  for (let i = 0; i < count; i++) {
    sum += out[i] as number;
    out[i] = Math.min(sum, 1);
  }
}
